"""Detail routes for the resources that spacecraft flights link to (launchers, landings, stations, …).

Every URL a flight response emits resolves here, to exactly what Hangar stores (pads and locations
have endpoints of their own, ``api.views.places``; astronauts, space stations and launches too).
Payload flights answer in the upstream shape of one of that endpoint's modes (``PayloadFlightNormal``),
which is the default here. Landings
answer in the shape other responses nest (``Landing``) until their endpoint is served. Only the
detail route exists. (Launchers, docking events and spacewalks have their endpoints:
``api.views.launcher``, ``api.views.docking``, ``api.views.spacewalk``.)
"""

from hangar.api.serializers.flight import (
    LandingSerializer,
    PayloadFlightNormalSerializer,
)
from hangar.api.views.base import ModeDetailViewSet
from hangar.catalog.models import (
    Landing,
    PayloadFlight,
)


class LandingViewSet(ModeDetailViewSet):
    """One landing, as the `Landing` shape flights nest."""

    queryset = Landing.objects.all()
    modes = {"normal": LandingSerializer}
    detail_mode = "normal"


class PayloadFlightViewSet(ModeDetailViewSet):
    """One payload flight, as `PayloadFlightNormal` (upstream's `mode=normal`)."""

    queryset = PayloadFlight.objects.all()
    modes = {"normal": PayloadFlightNormalSerializer}
    detail_mode = "normal"
