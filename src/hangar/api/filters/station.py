"""The space stations and expeditions endpoints' filters: every parameter of the official file.

- ``docked_vehicles`` and ``onboard_crew`` (exact, ``__gt``, ``__gte``, ``__lt``, ``__lte``) are stored
  columns derived by ``catalog.stats.stations``.
- ``owner__ids`` and ``owners`` are comma-separated agency ids, ``status__ids`` status ids: a station
  matches any of them (upstream documents ``owners`` as a list without a rule; any-of is
  ``owner__ids``'s).
- ``orbit`` is an orbit id (``/config/orbits/``): stations whose orbit is that orbit's name (Hangar
  stores a station's orbit as the name upstream serves).
- Expeditions: ``crew__astronaut`` (an astronaut id) and ``crew__astronaut__agency`` (an agency id)
  match expeditions whose crew holds such an astronaut; ``space_station`` is a station id.
"""

import django_filters
from django.db import models

from hangar.api.filters.fields import DateTimeFilter, IdFilter, IdListFilter, IntegerFilter
from hangar.catalog.models import Expedition, Orbit, SpaceStation

RANGE_LOOKUPS = ("exact", "gt", "gte", "lt", "lte")


class OrbitFilter(IdFilter):
    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(orbit__in=Orbit.objects.filter(id=value).values("name"))


class SpaceStationFilterSet(django_filters.FilterSet):
    id = IdFilter()
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")
    orbit = OrbitFilter()
    owner__ids = IdListFilter(field_name="owners__id", help_text="Comma-separated agency IDs.")
    owners = IdListFilter(field_name="owners__id")
    status = IdFilter(field_name="status_id")
    status__ids = IdListFilter(field_name="status_id", help_text="Comma-separated spacestation status IDs.")
    type = IdFilter(field_name="type_id")

    class Meta:
        model = SpaceStation
        fields = {name: list(RANGE_LOOKUPS) for name in ("docked_vehicles", "onboard_crew")}
        filter_overrides = {models.IntegerField: {"filter_class": IntegerFilter}}


class ExistsThroughCrew(IdFilter):
    """An expedition whose crew holds a seat matching ``field_name`` (a subquery: each expedition once)."""

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(pk__in=Expedition.objects.filter(**{self.field_name: value}).values("pk"))


class ExpeditionFilterSet(django_filters.FilterSet):
    crew__astronaut = ExistsThroughCrew(field_name="crew__astronaut_id")
    crew__astronaut__agency = ExistsThroughCrew(field_name="crew__astronaut__agency_id")
    name = django_filters.CharFilter(lookup_expr="exact")
    space_station = IdFilter(field_name="spacestation_id")

    class Meta:
        model = Expedition
        fields = {"end": ["gt", "gte", "lt", "lte"], "start": ["gt", "gte", "lt", "lte"]}
        filter_overrides = {models.DateTimeField: {"filter_class": DateTimeFilter}}
