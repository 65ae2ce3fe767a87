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

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/spacecraft_configuration_families/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/spacecraft_configuration_families/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
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
