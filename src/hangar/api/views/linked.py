"""Detail routes for the resources that spacecraft flights link to (launchers, landings, stations, …).

Every URL a flight response emits resolves here, to exactly what Hangar stores (pads and locations
have endpoints of their own, ``api.views.places``; astronauts, space stations and launches too).
Launchers answer in the upstream shape of one of that endpoint's modes (``LauncherNormal`` for
``/launchers/{id}/?mode=normal``), which is the default here. Landings answer in the shape other
responses nest (``Landing``) until their endpoint is served. Only the detail route exists. (Docking
events, spacewalks and payload flights have their endpoints: ``api.views.docking``,
``api.views.spacewalk``, ``api.views.payload``.)
"""

from hangar.api.serializers.flight import LandingSerializer
from hangar.api.serializers.launch_detailed import LauncherNormalSerializer
from hangar.api.views.base import ModeDetailViewSet
from hangar.catalog.models import Landing, Launcher


class LauncherViewSet(ModeDetailViewSet):
    """One launcher (a first-stage core), as `LauncherNormal` (upstream's `mode=normal`)."""

    queryset = Launcher.objects.all()
    modes = {"normal": LauncherNormalSerializer}
    detail_mode = "normal"


class LandingViewSet(ModeDetailViewSet):
    """One landing, as the `Landing` shape flights nest."""

    queryset = Landing.objects.all()
    modes = {"normal": LandingSerializer}
    detail_mode = "normal"
