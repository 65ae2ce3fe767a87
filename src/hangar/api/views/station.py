"""The space stations and expeditions endpoints (their ``/config/`` lookups are in ``api.views.config``).

Neither documents a ``list`` mode: ``mode=list`` is a 400 on both (upstream answers 400 on
expeditions and 500 on docking events).
"""

from hangar.api.filters.station import ExpeditionFilterSet, SpaceStationFilterSet
from hangar.api.serializers.expedition import ExpeditionDetailedSerializer, ExpeditionNormalSerializer
from hangar.api.serializers.station_endpoint import (
    SpaceStationDetailedEndpointSerializer,
    SpaceStationEndpointSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Expedition, SpaceStation


class SpaceStationViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/space_stations/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `docked_vehicles`, `docked_vehicles__gt`, `docked_vehicles__gte`, `docked_vehicles__lt`,
    `docked_vehicles__lte`, `id`, `name`, `name__contains`, `onboard_crew`, `onboard_crew__gt`,
    `onboard_crew__gte`, `onboard_crew__lt`, `onboard_crew__lte`, `orbit`, `owner__ids`, `owners`,
    `status`, `status__ids`, `type`

    Example - [/space_stations/?status=1](./?status=1)

    #### Search
    Fields searched - `name`, `owners__abbrev`, `owners__name`

    Example - [/space_stations/?search=Tiangong](./?search=Tiangong)

    #### Ordering
    Fields - `docked_vehicles`, `founded`, `id`, `name`, `onboard_crew`, `status`, `type`, `volume`

    Example - [/space_stations/?ordering=-onboard_crew](./?ordering=-onboard_crew)
    """

    queryset = SpaceStation.objects.all()
    modes = {"normal": SpaceStationEndpointSerializer, "detailed": SpaceStationDetailedEndpointSerializer}
    filterset_class = SpaceStationFilterSet
    search_fields = ("name", "owners__abbrev", "owners__name")
    ordering_fields = ("docked_vehicles", "founded", "id", "name", "onboard_crew", "status", "type", "volume")
    ordering = ("id",)


class ExpeditionViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/expeditions/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `crew__astronaut`, `crew__astronaut__agency`, `end__gt`, `end__gte`, `end__lt`,
    `end__lte`, `name`, `space_station`, `start__gt`, `start__gte`, `start__lt`, `start__lte`

    Example - [/expeditions/?space_station=4](./?space_station=4)

    #### Search
    Fields searched - `crew__astronaut__agency__abbrev`, `crew__astronaut__agency__name`,
    `crew__astronaut__name`, `crew__astronaut__nationality__nationality_name`, `name`

    Example - [/expeditions/?search=Expedition](./?search=Expedition)

    #### Ordering
    Fields - `end`, `id`, `start`

    Example - [/expeditions/?ordering=-start](./?ordering=-start)
    """

    queryset = Expedition.objects.all()
    modes = {"normal": ExpeditionNormalSerializer, "detailed": ExpeditionDetailedSerializer}
    filterset_class = ExpeditionFilterSet
    search_fields = (
        "crew__astronaut__agency__abbrev",
        "crew__astronaut__agency__name",
        "crew__astronaut__name",
        "crew__astronaut__nationality__nationality_name",
        "name",
    )
    ordering_fields = ("end", "id", "start")
    ordering = ("id",)
