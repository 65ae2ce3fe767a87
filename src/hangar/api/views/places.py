"""Place endpoints: launch pads, locations (with their pads when detailed) and celestial bodies."""

from hangar.api.filters.places import LocationFilterSet, PadFilterSet
from hangar.api.serializers.location import (
    CelestialBodyEndpointDetailedSerializer,
    CelestialBodyMiniSerializer,
    CelestialBodyNormalSerializer,
    LocationSerializer,
    LocationSerializerWithPads,
    PadSerializer,
)
from hangar.api.views.base import LookupViewSet, ModeViewSet
from hangar.catalog.models import CelestialBody, Location, Pad


class PadViewSet(LookupViewSet):
    """
    #### Filters
    Parameters - `agencies_ids`, `id`, `id__contains`, `latitude__gt`, `latitude__gte`, `latitude__lt`,
    `latitude__lte`, `location__id`, `location__name`, `location__name__contains`, `longitude__gt`,
    `longitude__gte`, `longitude__lt`, `longitude__lte`, `name`, `name__contains`,
    `orbital_launch_attempt_count`, `orbital_launch_attempt_count__gt`, `orbital_launch_attempt_count__gte`,
    `orbital_launch_attempt_count__lt`, `orbital_launch_attempt_count__lte`, `total_launch_count`,
    `total_launch_count__gt`, `total_launch_count__gte`, `total_launch_count__lt`, `total_launch_count__lte`

    Example - [/pads/?location__id=11](./?location__id=11)

    #### Search
    Fields searched - `location__name`, `name`, `orbital_launch_attempt_count`, `total_launch_count`

    Example - [/pads/?search=39A](./?search=39A)

    #### Ordering
    Fields - `id`, `location__id`, `location__name`, `name`, `orbital_launch_attempt_count`,
    `total_launch_count`

    Example - [/pads/?ordering=-orbital_launch_attempt_count](./?ordering=-orbital_launch_attempt_count)
    """

    # One shape and no modes (upstream's file names none for pads): a `mode` is ignored, as there.
    queryset = Pad.objects.all()
    serializer_class = PadSerializer
    filterset_class = PadFilterSet
    search_fields = ("location__name", "name", "orbital_launch_attempt_count", "total_launch_count")
    ordering_fields = (
        "id",
        "location__id",
        "location__name",
        "name",
        "orbital_launch_attempt_count",
        "total_launch_count",
    )
    ordering = ("id",)


class LocationViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/locations/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `country_code`, `id`, `name`, `name__contains`, `total_landing_count`,
    `total_landing_count__gt`, `total_landing_count__gte`, `total_landing_count__lt`,
    `total_landing_count__lte`, `total_launch_count`, `total_launch_count__gt`, `total_launch_count__gte`,
    `total_launch_count__lt`, `total_launch_count__lte`

    Example - [/locations/?country_code=NZL](./?country_code=NZL)

    #### Search
    Fields searched - `country__alpha_3_code`, `name`

    Example - [/locations/?search=Cape Canaveral](./?search=Cape Canaveral)

    #### Ordering
    Fields - `total_landing_count`, `total_launch_count`

    Example - [/locations/?ordering=-total_launch_count](./?ordering=-total_launch_count)
    """

    queryset = Location.objects.all()
    modes = {"normal": LocationSerializer, "detailed": LocationSerializerWithPads}
    filterset_class = LocationFilterSet
    search_fields = ("country__alpha_3_code", "name")
    ordering_fields = ("total_landing_count", "total_launch_count")
    ordering = ("id",)


class CelestialBodyViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/celestial_bodies/?mode=list](./?mode=list)

    #### Search
    Fields searched - `name`, `type__name`

    Example - [/celestial_bodies/?search=Mars](./?search=Mars)

    #### Ordering
    Fields - `id`, `name`

    Example - [/celestial_bodies/?ordering=-name](./?ordering=-name)
    """

    queryset = CelestialBody.objects.all()
    modes = {
        "list": CelestialBodyMiniSerializer,
        "normal": CelestialBodyNormalSerializer,
        "detailed": CelestialBodyEndpointDetailedSerializer,
    }
    search_fields = ("name", "type__name")
    ordering_fields = ("id", "name")
    ordering = ("id",)
