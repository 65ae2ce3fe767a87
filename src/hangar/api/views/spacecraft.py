"""Spacecraft and spacecraft configuration endpoints."""

from hangar.api.filters.spacecraft import SpacecraftConfigFilterSet, SpacecraftFilterSet
from hangar.api.serializers.flight import SpacecraftEndpointDetailedSerializer
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Spacecraft, SpacecraftConfig


class SpacecraftViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/spacecraft/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `in_space`, `is_placeholder`, `name`, `spacecraft_config`, `status`

    Example - [/spacecraft/?is_placeholder=True](./?is_placeholder=True)

    #### Search
    Fields searched - `name`, `spacecraft_config__name`

    Example - [/spacecraft/?search=Endeavour](./?search=Endeavour)

    #### Ordering
    Fields - `flights_count`, `id`, `mission_ends_count`, `time_docked`, `time_in_space`

    Example - [/spacecraft/?ordering=-flights_count](./?ordering=-flights_count)
    """

    queryset = Spacecraft.objects.all()
    modes = {
        "normal": SpacecraftNormalSerializer,
        "detailed": SpacecraftEndpointDetailedSerializer,
    }
    filterset_class = SpacecraftFilterSet
    search_fields = ("name", "spacecraft_config__name")
    ordering_fields = ("flights_count", "id", "mission_ends_count", "time_docked", "time_in_space")
    ordering = ("id",)


class SpacecraftConfigViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/spacecraft_configurations/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `agency`, `human_rated`, `in_use`, `name`

    Example - [/spacecraft_configurations/?human_rated=True](./?human_rated=True)

    #### Search
    Fields searched - `agency__abbrev`, `agency__name`, `name`

    Example - [/spacecraft_configurations/?search=Dragon](./?search=Dragon)

    #### Ordering
    Fields - `name`

    Example - [/spacecraft_configurations/?ordering=name](./?ordering=name)
    """

    queryset = SpacecraftConfig.objects.all()
    modes = {
        "normal": SpacecraftConfigNormalSerializer,
        "detailed": SpacecraftConfigDetailedSerializer,
    }
    filterset_class = SpacecraftConfigFilterSet
    search_fields = ("agency__abbrev", "agency__name", "name")
    ordering_fields = ("name",)
    ordering = ("name",)
