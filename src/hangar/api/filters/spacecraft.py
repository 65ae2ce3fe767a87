"""FilterSets of the spacecraft domain: spacecraft, their configurations, families and flights."""

import django_filters

from hangar.api.filters.fields import BooleanFilter, IdFilter
from hangar.catalog.models import Spacecraft, SpacecraftConfig, SpacecraftConfigFamily, SpacecraftFlight


class SpacecraftFilterSet(django_filters.FilterSet):
    in_space = BooleanFilter()
    is_placeholder = BooleanFilter()
    name = django_filters.CharFilter(lookup_expr="exact")
    spacecraft_config = IdFilter(field_name="spacecraft_config_id")
    status = IdFilter(field_name="status_id")

    class Meta:
        model = Spacecraft
        fields = ("in_space", "is_placeholder", "name", "spacecraft_config", "status")


class SpacecraftConfigFilterSet(django_filters.FilterSet):
    agency = IdFilter(field_name="agency_id")
    human_rated = BooleanFilter()
    in_use = BooleanFilter()
    name = django_filters.CharFilter(lookup_expr="exact")

    class Meta:
        model = SpacecraftConfig
        fields = ("agency", "human_rated", "in_use", "name")


class SpacecraftConfigFamilyFilterSet(django_filters.FilterSet):
    manufacturer = IdFilter(field_name="manufacturer_id")
    name = django_filters.CharFilter(lookup_expr="exact")

    class Meta:
        model = SpacecraftConfigFamily
        fields = ("manufacturer", "name")


class SpacecraftFlightFilterSet(django_filters.FilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id")

    class Meta:
        model = SpacecraftFlight
        fields = ("spacecraft",)
