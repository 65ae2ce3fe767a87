"""The spacewalks endpoint's filters: every parameter of the official file.

- ``astronaut__ids``: comma-separated astronaut ids; a spacewalk matches when its crew holds any.
- ``year``, ``month``, ``day``: comma-separated numbers, compared with ``start`` in UTC.
- ``ids`` and ``spacestation__ids``, ``program__ids``: comma-separated ids (any of them).
- ``launch__ids``: comma-separated launch UUIDs: spacewalks made from a flight of one of those launches.
- ``owner__ids``: comma-separated agency ids: spacewalks from a station one of them owns (upstream
  documents no rule; a spacewalk's only owned object is its station).
- ``event__ids``: comma-separated event ids: spacewalks that were part of one of those events.
- ``program__name`` (exact) and ``program__name__contains`` (case-sensitive): of any of its programs.
"""

import django_filters
from django.db import models

from hangar.api.filters.fields import (
    DateTimeFilter,
    IdFilter,
    IdListFilter,
    IntegerInFilter,
    UUIDInFilter,
)
from hangar.api.filters.related import RelatedCharFilter
from hangar.catalog.models import Spacewalk


class SpacewalkFilterSet(django_filters.FilterSet):
    astronaut__ids = IdListFilter(field_name="crew__astronaut_id", help_text="Comma-separated astronaut IDs.")
    day = IntegerInFilter(field_name="start", lookup_expr="day__in")
    event__ids = IdListFilter(field_name="event_id", help_text="Comma-separated event IDs.")
    id = IdFilter()
    ids = IdListFilter(field_name="id", help_text="Comma-separated spacewalk IDs.")
    launch__ids = UUIDInFilter(field_name="spacecraft_flight__launch_id")
    month = IntegerInFilter(field_name="start", lookup_expr="month__in")
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")
    owner__ids = IdListFilter(field_name="spacestation__owners__id", help_text="Comma-separated agency IDs.")
    program__ids = IdListFilter(field_name="program__id", help_text="Comma-separated program IDs.")
    program__name = RelatedCharFilter(field_name="program__name", lookup_expr="exact")
    program__name__contains = RelatedCharFilter(field_name="program__name", lookup_expr="scontains")
    spacestation__ids = IdListFilter(field_name="spacestation_id", help_text="Comma-separated station IDs.")
    year = IntegerInFilter(field_name="start", lookup_expr="year__in")

    class Meta:
        model = Spacewalk
        fields = {
            "end": ["exact", "gt", "gte", "lt", "lte"],
            "start": ["gt", "gte", "lt", "lte"],
        }
        filter_overrides = {models.DateTimeField: {"filter_class": DateTimeFilter}}
