"""Detail routes for the resources that spacecraft flights link to (launches, landings, astronauts, …).

Every URL a flight response emits resolves here, to exactly what Hangar stores (pads and locations
have endpoints of their own, ``api.views.places``). Launches, astronauts and payload flights answer
in the upstream shape of one of that endpoint's modes (``LaunchNormal`` for
``/launches/{id}/?mode=normal``, ``AstronautDetailed`` for ``/astronauts/{id}/?mode=list``, …), which
is the default here. Landings, space stations and docking
events answer in the shape flights nest (``Landing``, ``SpaceStationNormal``,
``DockingEventForChaserNormal``): their endpoint shapes need first stages, owners, expeditions and mini
launch shapes that Hangar does not model yet. Only the detail route exists.
"""

from hangar.api.serializers.astronaut import AstronautDetailedSerializer
from hangar.api.serializers.flight import (
    DockingEventForChaserNormalSerializer,
    LandingSerializer,
    PayloadFlightNormalSerializer,
)
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.station import SpaceStationNormalSerializer
from hangar.api.views.base import ModeDetailViewSet
from hangar.catalog.models import (
    Astronaut,
    DockingEvent,
    Landing,
    Launch,
    PayloadFlight,
    SpaceStation,
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


class AstronautViewSet(ModeDetailViewSet):
    """One astronaut, as `AstronautDetailed` (upstream's `mode=list`)."""

    queryset = Astronaut.objects.all()
    modes = {"list": AstronautDetailedSerializer}
    detail_mode = "list"


class SpaceStationViewSet(ModeDetailViewSet):
    """One space station, as `SpaceStationNormal`."""

    queryset = SpaceStation.objects.all()
    modes = {"normal": SpaceStationNormalSerializer}
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
