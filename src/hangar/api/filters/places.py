"""FilterSets of places: pads and locations, with every parameter the official file lists for them.

- ``agencies_ids`` is a comma-separated list of agency ids; a pad matches when any of its agencies is
  one of them (each pad once).
- ``id__contains`` matches the id's decimal digits (upstream's ``id__contains=39`` finds pad 139).
- Coordinates are decimal numbers (``latitude__gt=28.5``); the counts whole numbers, as for agencies.
- A location's ``country_code`` takes what an agency's does: ISO 3166-1 alpha-3 codes, comma-separated,
  in any case.
"""

import django_filters
from django import forms
from django.db import models
from drf_spectacular.utils import extend_schema_field

from hangar.api.filters.agency import RANGE_LOOKUPS, CountryCodeFilter
from hangar.api.filters.fields import IdFilter, IdListFilter, IntegerFilter
from hangar.catalog.models import Location, Pad


class FloatFilter(django_filters.NumberFilter):
    """A decimal number (a latitude); anything else, infinities and NaN included, is a 400."""

    field_class = forms.FloatField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": "Must be a number."})
        super().__init__(*args, **kwargs)


class PadFilterSet(django_filters.FilterSet):
    agencies_ids = IdListFilter(
        field_name="agencies", help_text="Multiple values may be separated by commas."
    )
    id = IdFilter()
    id__contains = IdFilter(field_name="id", lookup_expr="contains")
    location__id = IdFilter(field_name="location_id")
    location__name = django_filters.CharFilter(field_name="location__name", lookup_expr="exact")
    location__name__contains = django_filters.CharFilter(field_name="location__name", lookup_expr="scontains")
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")

    class Meta:
        model = Pad
        fields = {
            "latitude": ["gt", "gte", "lt", "lte"],
            "longitude": ["gt", "gte", "lt", "lte"],
            "orbital_launch_attempt_count": list(RANGE_LOOKUPS),
            "total_launch_count": list(RANGE_LOOKUPS),
        }
        filter_overrides = {
            models.IntegerField: {"filter_class": IntegerFilter},
            models.FloatField: {"filter_class": FloatFilter},
        }


@extend_schema_field({"type": "string"})  # as the official file declares it (agencies' is an array)
class LocationCountryCodeFilter(CountryCodeFilter):
    def filter(self, qs, value):
        return qs.filter(country__alpha_3_code__in=value) if value else qs


class LocationFilterSet(django_filters.FilterSet):
    country_code = LocationCountryCodeFilter(help_text="Country Code")
    id = IdFilter()
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")

    class Meta:
        model = Location
        fields = {name: list(RANGE_LOOKUPS) for name in ("total_landing_count", "total_launch_count")}
        filter_overrides = {models.IntegerField: {"filter_class": IntegerFilter}}
