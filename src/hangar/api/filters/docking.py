"""The docking events endpoint's filters: every parameter of the official file.

``docking_location__id``, ``flight_vehicle_chaser__id`` and ``space_station_target__id`` are ids of the
port, the chasing spacecraft flight and the target station; ``docking__*`` compare date-times.
"""

import django_filters
from django.db import models

from hangar.api.filters.fields import DateTimeFilter, IdFilter
from hangar.catalog.models import DockingEvent


class DockingEventFilterSet(django_filters.FilterSet):
    docking_location__id = IdFilter(field_name="docking_location_id")
    flight_vehicle_chaser__id = IdFilter(field_name="flight_vehicle_chaser_id")
    space_station_target__id = IdFilter(field_name="space_station_target_id")

    class Meta:
        model = DockingEvent
        fields = {"docking": ["gt", "gte", "lt", "lte"]}
        filter_overrides = {models.DateTimeField: {"filter_class": DateTimeFilter}}
