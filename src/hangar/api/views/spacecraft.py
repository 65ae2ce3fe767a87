"""Spacecraft and spacecraft configuration endpoints."""

from hangar.api.filters import SpacecraftConfigFilterSet, SpacecraftFilterSet
from hangar.api.rendering import RowRenderer, register
from hangar.api.serializers.agency import AgencyMiniSerializer
from hangar.api.serializers.common import ImageSerializer, ImageVariantSerializer
from hangar.api.serializers.flight import SpacecraftEndpointDetailedSerializer
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigFamilyNormalSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import (
    AgencyType,
    ImageLicense,
    ImageVariantType,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)


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
    modes = {
        "normal": (SpacecraftNormalSerializer, "for_list"),
        "detailed": (SpacecraftEndpointDetailedSerializer, "for_detail_with_flights"),
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

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/spacecraft_configurations/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/spacecraft_configurations/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

    queryset = SpacecraftConfig.objects.all()
    modes = {
        "normal": (SpacecraftConfigNormalSerializer, "for_list"),
        "detailed": (SpacecraftConfigDetailedSerializer, "for_detail"),
    }
    filterset_class = SpacecraftConfigFilterSet
    search_fields = ("agency__abbrev", "agency__name", "name")
    ordering_fields = ("name",)
    ordering = ("name",)


# How the fast path renders each nested shape (api.rendering): row renderers for objects there are
# about as many of as spacecraft (images, configurations, agencies, families); DRF fragments for
# small shared tables.
_image = RowRenderer(
    ImageSerializer,
    nested={
        "license": ImageLicense.objects.all,
        "variants": RowRenderer(ImageVariantSerializer, nested={"type": ImageVariantType.objects.all}),
    },
)
_agency_mini = RowRenderer(AgencyMiniSerializer, nested={"type": AgencyType.objects.all})
_config_normal = RowRenderer(
    SpacecraftConfigNormalSerializer,
    nested={
        "type": SpacecraftConfigType.objects.all,
        "agency": _agency_mini,
        "family": RowRenderer(
            SpacecraftConfigFamilyNormalSerializer,
            nested={"manufacturer": _agency_mini, "parent": SpacecraftConfigFamily.objects.all},
        ),
        "image": _image,
    },
)
register(
    SpacecraftViewSet,
    "normal",
    RowRenderer(
        SpacecraftNormalSerializer,
        nested={"image": _image, "status": SpacecraftStatus.objects.all, "spacecraft_config": _config_normal},
    ),
)
