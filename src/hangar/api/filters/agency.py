"""The agencies endpoint's filters: every parameter the official LL2 2.3.0 file lists, strictly parsed.

Kept apart from ``filters.py`` because it is long: eight statistics and the founding year each come as
exact, ``__gt``, ``__gte``, ``__lt`` and ``__lte``.

- Numbers are whole numbers in an integer column's range; ids are ids (``parent__id``, ``type__id``).
- ``__contains`` is case-sensitive on both databases, as upstream's (PostgreSQL) is.
- ``country_code`` is a comma-separated list of ISO 3166-1 alpha-3 codes; an agency matches when any of
  its countries has one of them. Codes are compared in upper case (upstream is case-sensitive, and its
  codes are upper case, so ``usa`` finds nothing there; here it finds what ``USA`` finds).
- ``spacecraft=true`` keeps agencies that have at least one spacecraft configuration (they appear in
  its ``spacecraft_list``), ``false`` the others. Upstream documents no rule; this is the one that makes
  the detailed response and the filter agree.
"""

import re

import django_filters
from django import forms
from django.db import models
from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema_field

from hangar.api.filters.fields import BooleanFilter, IdFilter, IntegerFilter
from hangar.catalog.models import Agency, SpacecraftConfig

RANGE_LOOKUPS = ("exact", "gt", "gte", "lt", "lte")

# Upstream's statistics filters, in its order; each also gets __gt, __gte, __lt and __lte.
STATISTICS = (
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
)

_ALPHA_3 = re.compile(r"[A-Za-z]{3}")


class CountryCodesField(forms.Field):
    """``USA,FRA`` → ``["USA", "FRA"]``; empty items are skipped, anything but three letters is a 400."""

    default_error_messages = {
        "invalid": "%(value)r is not a country code. Must be ISO 3166-1 alpha-3 codes separated by commas."
    }

    def to_python(self, value):
        if value in self.empty_values:
            return []
        codes = []
        for item in str(value).split(","):
            code = item.strip()
            if not code:
                continue
            if not _ALPHA_3.fullmatch(code):
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": code}
                )
            codes.append(code.upper())
        return codes


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CountryCodeFilter(django_filters.Filter):
    field_class = CountryCodesField

    def filter(self, qs, value):
        if not value:
            return qs
        # A subquery rather than a join, so an agency of two listed countries appears once.
        return qs.filter(pk__in=Agency.objects.filter(country__alpha_3_code__in=value).values("pk"))


class HasSpacecraftFilter(BooleanFilter):
    def filter(self, qs, value):
        if value is None:
            return qs
        has = Exists(SpacecraftConfig.objects.filter(agency_id=OuterRef("pk")))
        return qs.filter(has if value else ~has)


class AgencyFilterSet(django_filters.FilterSet):
    abbrev = django_filters.CharFilter(lookup_expr="exact")
    abbrev__contains = django_filters.CharFilter(field_name="abbrev", lookup_expr="scontains")
    country_code = CountryCodeFilter(help_text="Multiple values may be separated by commas.")
    description = django_filters.CharFilter(lookup_expr="exact")
    description__contains = django_filters.CharFilter(field_name="description", lookup_expr="scontains")
    featured = BooleanFilter()
    id = IdFilter()
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")
    parent__id = IdFilter(field_name="parent_id")
    spacecraft = HasSpacecraftFilter()
    type__id = IdFilter(field_name="type_id")

    class Meta:
        model = Agency
        # The numeric filters are generated from this table with IntegerFilter (see filter_overrides).
        fields = {name: list(RANGE_LOOKUPS) for name in (*STATISTICS, "founding_year")}
        filter_overrides = {models.IntegerField: {"filter_class": IntegerFilter}}
