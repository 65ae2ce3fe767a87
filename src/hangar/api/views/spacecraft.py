"""Spacecraft and spacecraft configuration endpoints."""

from hangar.api.filters import SpacecraftFilterSet
from hangar.api.rendering import RowRenderer, register
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Image, Spacecraft, SpacecraftConfig, SpacecraftStatus
from hangar.catalog.querysets import image_related


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

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/spacecraft/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/spacecraft/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

    queryset = Spacecraft.objects.all()
    modes = {"normal": (SpacecraftNormalSerializer, "for_list")}
    detail_mode = "normal"  # until flights exist, detailed has nothing to add
    filterset_class = SpacecraftFilterSet
    search_fields = ("name", "spacecraft_config__name")
    ordering_fields = ("flights_count", "id", "mission_ends_count", "time_docked", "time_in_space")
    ordering = ("id",)


class SpacecraftConfigViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/spacecraft_configurations/?mode=detailed](./?mode=detailed)

    #### Format
    Switch to JSON output - [/spacecraft_configurations/?format=json](./?format=json)
    """

    queryset = SpacecraftConfig.objects.all()
    modes = {
        "normal": (SpacecraftConfigNormalSerializer, "for_list"),
        "detailed": (SpacecraftConfigDetailedSerializer, "for_detail"),
    }
    ordering_fields = ("name",)
    ordering = ("name",)


def _images():
    joins, prefetches = image_related("")
    return Image.objects.select_related(*joins).prefetch_related(*prefetches)


register(
    SpacecraftViewSet,
    "normal",
    RowRenderer(
        SpacecraftNormalSerializer,
        nested={
            "image": _images,
            "status": SpacecraftStatus.objects.all,
            "spacecraft_config": SpacecraftConfig.objects.for_list,
        },
    ),
)
