"""The docking events endpoint.

It documents no ``list`` mode: ``mode=list`` is a 400 (upstream answers 500).
"""

from hangar.api.filters.docking import DockingEventFilterSet
from hangar.api.serializers.docking import (
    DockingEventEndpointDetailedSerializer,
    DockingEventEndpointNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import DockingEvent


class DockingEventViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/docking_events/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `docking__gt`, `docking__gte`, `docking__lt`, `docking__lte`, `docking_location__id`,
    `flight_vehicle_chaser__id`, `space_station_target__id`

    Example - [/docking_events/?space_station_target__id=6](./?space_station_target__id=6)

    #### Search
    Fields searched - `docking_location__name`, `flight_vehicle_chaser__spacecraft__name`,
    `flight_vehicle_target__spacecraft__name`, `payload_flight_chaser__payload__name`,
    `payload_flight_target__payload__name`, `space_station_chaser__name`, `space_station_target__name`

    Example - [/docking_events/?search=Salyut](./?search=Salyut)

    #### Ordering
    Fields - `departure`, `docking`

    Example - [/docking_events/?ordering=-docking](./?ordering=-docking)
    """

    queryset = DockingEvent.objects.all()
    modes = {
        "normal": DockingEventEndpointNormalSerializer,
        "detailed": DockingEventEndpointDetailedSerializer,
    }
    filterset_class = DockingEventFilterSet
    search_fields = (
        "docking_location__name",
        "flight_vehicle_chaser__spacecraft__name",
        "flight_vehicle_target__spacecraft__name",
        "payload_flight_chaser__payload__name",
        "payload_flight_target__payload__name",
        "space_station_chaser__name",
        "space_station_target__name",
    )
    ordering_fields = ("departure", "docking")
    ordering = ("docking",)
