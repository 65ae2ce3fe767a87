"""Spacecraft configuration family endpoints."""

from hangar.api.filters.spacecraft import SpacecraftConfigFamilyFilterSet
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigFamilyMiniSerializer,
    SpacecraftConfigFamilyNormalSerializer,
)
from hangar.api.serializers.spacecraft_family import SpacecraftConfigFamilyEndpointDetailedSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import SpacecraftConfigFamily


class SpacecraftConfigFamilyViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/spacecraft_configuration_families/?mode=list](./?mode=list)

    #### Filters
    Parameters - `manufacturer`, `name`

    Example - [/spacecraft_configuration_families/?manufacturer=121](./?manufacturer=121)

    #### Search
    Fields searched - `manufacturer__abbrev`, `manufacturer__name`, `name`

    Example - [/spacecraft_configuration_families/?search=Northrop](./?search=Northrop)

    #### Ordering
    Fields - `name`

    Example - [/spacecraft_configuration_families/?ordering=name](./?ordering=name)
    """

    queryset = SpacecraftConfigFamily.objects.all()
    modes = {
        "list": SpacecraftConfigFamilyMiniSerializer,
        "normal": SpacecraftConfigFamilyNormalSerializer,
        "detailed": SpacecraftConfigFamilyEndpointDetailedSerializer,
    }
    filterset_class = SpacecraftConfigFamilyFilterSet
    search_fields = ("manufacturer__abbrev", "manufacturer__name", "name")
    ordering_fields = ("name",)
    ordering = ("name",)
