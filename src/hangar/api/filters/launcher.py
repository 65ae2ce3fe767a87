"""FilterSets of launcher configurations and their families: every parameter of the official file.

- The nine launch and landing statistics each come as exact, ``__gt``, ``__gte``, ``__lt`` and
  ``__lte`` (whole numbers, as for agencies); ``maiden_flight`` likewise, as an ISO date (``2010-06-04``).
- ``families`` and ``program`` take comma-separated ids and keep the configurations in any of them;
  ``families__contains`` and ``program__contains`` those in every one of them.
- A family's manufacturers are many: ``manufacturer__…`` keeps the families with at least one
  manufacturer that matches (each family once). ``manufacturer__id__contains`` matches the id's digits;
  ``manufacturer__country_code`` takes alpha-3 codes as an agency's ``country_code`` does.
- ``__contains`` is case-sensitive, as upstream's.
- Launchers (``/launchers/``): their landing and flight counts with the comparisons, launch dates as
  ISO date-times (exact), ``launcher_config__ids`` comma-separated, ``id__contains`` on the id's digits.
"""

import django_filters
from django.db import models
from drf_spectacular.utils import extend_schema_field

from hangar.api.filters.agency import RANGE_LOOKUPS, STATISTICS, CountryCodeFilter
from hangar.api.filters.fields import (
    BooleanFilter,
    DateFilter,
    DateTimeFilter,
    IdFilter,
    IdListFilter,
    IntegerFilter,
)
from hangar.api.filters.related import (
    RelatedAllFilter,
    RelatedCharFilter,
    RelatedIdFilter,
)
from hangar.catalog.models import Launcher, LauncherConfig, LauncherConfigFamily


def _statistics_and_maiden_flight() -> dict:
    return {name: list(RANGE_LOOKUPS) for name in (*STATISTICS, "maiden_flight")}


OVERRIDES = {
    models.IntegerField: {"filter_class": IntegerFilter},
    models.DateField: {"filter_class": DateFilter},
}


class LauncherConfigFilterSet(django_filters.FilterSet):
    active = BooleanFilter()
    families = IdListFilter(field_name="families")
    families__contains = RelatedAllFilter(field_name="families")
    full_name = django_filters.CharFilter(lookup_expr="exact")
    full_name__contains = django_filters.CharFilter(field_name="full_name", lookup_expr="scontains")
    is_placeholder = BooleanFilter()
    manufacturer__name = django_filters.CharFilter(field_name="manufacturer__name", lookup_expr="exact")
    manufacturer__name__contains = django_filters.CharFilter(
        field_name="manufacturer__name", lookup_expr="scontains"
    )
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")
    program = IdListFilter(field_name="program")
    program__contains = RelatedAllFilter(field_name="program")

    class Meta:
        model = LauncherConfig
        fields = _statistics_and_maiden_flight()
        filter_overrides = OVERRIDES


@extend_schema_field({"type": "string"})  # as the official file declares it
class ManufacturerCountryCodeFilter(CountryCodeFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(
            pk__in=qs.model.objects.filter(manufacturer__country__alpha_3_code__in=value).values("pk")
        )


class LauncherConfigFamilyFilterSet(django_filters.FilterSet):
    manufacturer__abbrev = RelatedCharFilter(field_name="manufacturer__abbrev", lookup_expr="exact")
    manufacturer__abbrev__contains = RelatedCharFilter(
        field_name="manufacturer__abbrev", lookup_expr="scontains"
    )
    manufacturer__country_code = ManufacturerCountryCodeFilter()
    manufacturer__id = RelatedIdFilter(field_name="manufacturer__id")
    manufacturer__id__contains = RelatedIdFilter(field_name="manufacturer__id", lookup_expr="contains")
    manufacturer__name = RelatedCharFilter(field_name="manufacturer__name", lookup_expr="exact")
    manufacturer__name__contains = RelatedCharFilter(field_name="manufacturer__name", lookup_expr="scontains")
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")

    class Meta:
        model = LauncherConfigFamily
        fields = _statistics_and_maiden_flight()
        filter_overrides = OVERRIDES


class LauncherFilterSet(django_filters.FilterSet):
    first_launch_date = DateTimeFilter()
    flight_proven = BooleanFilter()
    id = IdFilter()
    id__contains = IdFilter(field_name="id", lookup_expr="contains")
    is_placeholder = BooleanFilter()
    last_launch_date = DateTimeFilter()
    launcher_config__ids = IdListFilter(field_name="launcher_config")
    launcher_config__manufacturer__name = django_filters.CharFilter(
        field_name="launcher_config__manufacturer__name", lookup_expr="exact"
    )
    launcher_config__manufacturer__name__contains = django_filters.CharFilter(
        field_name="launcher_config__manufacturer__name", lookup_expr="scontains"
    )
    serial_number = django_filters.CharFilter(lookup_expr="exact")
    serial_number__contains = django_filters.CharFilter(field_name="serial_number", lookup_expr="scontains")
    status = IdFilter(field_name="status")

    class Meta:
        model = Launcher
        fields = {
            name: list(RANGE_LOOKUPS) for name in ("attempted_landings", "flights", "successful_landings")
        }
        filter_overrides = OVERRIDES
