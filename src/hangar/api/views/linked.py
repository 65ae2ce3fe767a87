"""Detail routes for the resources that spacecraft flights link to (launches, landings, stations, …).

Every URL a flight response emits resolves here, to exactly what Hangar stores (pads and locations
have endpoints of their own, ``api.views.places``; astronauts and space stations too). Launches
and payload flights answer in the upstream shape of one of that endpoint's modes (``LaunchNormal`` for
``/launches/{id}/?mode=normal``, …), which is the default here. Landings, docking events
and spacewalks answer in the shape other responses nest (``Landing``,
``DockingEventForChaserNormal``, ``SpacewalkNormal``): their endpoint shapes need first stages, owners,
expeditions, events and mini launch shapes that Hangar does not model yet. Only the detail route exists.
"""

from hangar.api.serializers.flight import (
    DockingEventForChaserNormalSerializer,
    LandingSerializer,
    PayloadFlightNormalSerializer,
)
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.spacewalk import SpacewalkNormalSerializer
from hangar.api.views.base import ModeDetailViewSet
from hangar.catalog.models import (
    DockingEvent,
    Landing,
    Launch,
    PayloadFlight,
    Spacewalk,
)


class LaunchViewSet(ModeDetailViewSet):
    """One launch, as `LaunchNormal` (upstream's `mode=normal`)."""

    queryset = Launch.objects.all()
    lookup_value_regex = "[0-9a-fA-F-]{1,36}"  # launch ids are UUIDs
    modes = {"normal": LaunchNormalSerializer}
    detail_mode = "normal"


class LandingViewSet(ModeDetailViewSet):
    """One landing, as the `Landing` shape flights nest."""

    queryset = Landing.objects.all()
    modes = {"normal": LandingSerializer}
    detail_mode = "normal"


class DockingEventViewSet(ModeDetailViewSet):
    """One docking event, as `DockingEventForChaserNormal` (the shape flights nest)."""

    queryset = DockingEvent.objects.all()
    modes = {"normal": DockingEventForChaserNormalSerializer}
    detail_mode = "normal"


class PayloadFlightViewSet(ModeDetailViewSet):
    """One payload flight, as `PayloadFlightNormal` (upstream's `mode=normal`)."""

    queryset = PayloadFlight.objects.all()
    modes = {"normal": PayloadFlightNormalSerializer}
    detail_mode = "normal"


class SpacewalkViewSet(ModeDetailViewSet):
    """One spacewalk, as `SpacewalkNormal` (the shape astronauts nest)."""

    queryset = Spacewalk.objects.all()
    modes = {"normal": SpacewalkNormalSerializer}
    detail_mode = "normal"
