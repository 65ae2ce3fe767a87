"""The astronauts endpoint's filters: the 42 parameters of the official LL2 2.3.0 file, strictly parsed.

- ``age``, the flight and landing counts and the dates of birth and death, first and last flight come
  as exact, ``__gt``, ``__gte``, ``__lt`` and ``__lte``; the statistics are stored columns
  (``catalog.stats.people``).
- ``agency_ids`` and ``status_ids`` are comma-separated ids; an astronaut matches any of them.
- ``has_flown``: the astronaut has a first flight (one launched flight or more).
- ``is_human``: the astronaut's type is not *Non-Human* (upstream's type for the animals it lists);
  upstream documents no rule, this is the one its types imply.
- ``nationality``: one of the astronaut's countries has this nationality name (``American``,
  ``Russian``), compared case-insensitively.
"""

import django_filters
from django.db import models

from hangar.api.filters.fields import (
    BooleanFilter,
    DateFilter,
    DateTimeFilter,
    IdFilter,
    IdListFilter,
    IntegerFilter,
)
from hangar.catalog.models import Astronaut

RANGE_LOOKUPS = ("exact", "gt", "gte", "lt", "lte")
NON_HUMAN = "non-human"


class HasFlownFilter(BooleanFilter):
    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(first_flight__isnull=not value)


class IsHumanFilter(BooleanFilter):
    def filter(self, qs, value):
        if value is None:
            return qs
        non_human = models.Q(type__name__iexact=NON_HUMAN)
        return qs.exclude(non_human) if value else qs.filter(non_human)


class NationalityFilter(django_filters.CharFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        matching = Astronaut.objects.filter(nationality__nationality_name__iexact=value.strip())
        return qs.filter(pk__in=matching.values("pk"))


class AstronautFilterSet(django_filters.FilterSet):
    agency_ids = IdListFilter(field_name="agency_id", help_text="Comma-separated agency IDs.")
    has_flown = HasFlownFilter()
    in_space = BooleanFilter()
    is_human = IsHumanFilter()
    nationality = NationalityFilter(help_text="Nationality")
    status_ids = IdListFilter(field_name="status_id", help_text="Comma-separated astronaut status IDs.")
    type__id = IdFilter(field_name="type_id")

    class Meta:
        model = Astronaut
        # Generated with the strict filters of filter_overrides, each as exact, __gt, __gte, __lt, __lte.
        fields = {
            name: list(RANGE_LOOKUPS)
            for name in (
                "age",
                "date_of_birth",
                "date_of_death",
                "first_flight",
                "flights_count",
                "landings_count",
                "last_flight",
            )
        }
        filter_overrides = {
            models.IntegerField: {"filter_class": IntegerFilter},
            models.DateField: {"filter_class": DateFilter},
            models.DateTimeField: {"filter_class": DateTimeFilter},
        }
