"""Agency endpoints."""

from hangar.api.filters.agency import AgencyFilterSet
from hangar.api.serializers.agency import AgencyMiniSerializer, AgencyNormalSerializer
from hangar.api.serializers.agency_endpoint import AgencyEndpointDetailedSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Agency


class AgencyViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/agencies/?mode=list](./?mode=list)

    #### Filters
    Parameters - `abbrev`, `abbrev__contains`, `attempted_landings`, `attempted_landings__gt`,
    `attempted_landings__gte`, `attempted_landings__lt`, `attempted_landings__lte`,
    `consecutive_successful_landings`, `consecutive_successful_landings__gt`,
    `consecutive_successful_landings__gte`, `consecutive_successful_landings__lt`,
    `consecutive_successful_landings__lte`, `consecutive_successful_launches`,
    `consecutive_successful_launches__gt`, `consecutive_successful_launches__gte`,
    `consecutive_successful_launches__lt`, `consecutive_successful_launches__lte`, `country_code`,
    `description`, `description__contains`, `failed_landings`, `failed_landings__gt`,
    `failed_landings__gte`, `failed_landings__lt`, `failed_landings__lte`, `failed_launches`,
    `failed_launches__gt`, `failed_launches__gte`, `failed_launches__lt`, `failed_launches__lte`,
    `featured`, `founding_year`, `founding_year__gt`, `founding_year__gte`, `founding_year__lt`,
    `founding_year__lte`, `id`, `name`, `name__contains`, `parent__id`, `pending_launches`,
    `pending_launches__gt`, `pending_launches__gte`, `pending_launches__lt`, `pending_launches__lte`,
    `spacecraft`, `successful_landings`, `successful_landings__gt`, `successful_landings__gte`,
    `successful_landings__lt`, `successful_landings__lte`, `successful_launches`,
    `successful_launches__gt`, `successful_launches__gte`, `successful_launches__lt`,
    `successful_launches__lte`, `total_launch_count`, `total_launch_count__gt`, `total_launch_count__gte`,
    `total_launch_count__lt`, `total_launch_count__lte`, `type__id`

    Example - [/agencies/?abbrev=NASA](./?abbrev=NASA)

    #### Search
    Fields searched - `abbrev`, `name`

    Example - [/agencies/?search=SpaceX](./?search=SpaceX)

    #### Ordering
    Fields - `attempted_landings`, `consecutive_successful_landings`, `consecutive_successful_launches`,
    `failed_landings`, `failed_launches`, `featured`, `id`, `name`, `pending_launches`,
    `successful_landings`, `successful_launches`, `total_launch_count`

    Example - [/agencies/?ordering=-total_launch_count](./?ordering=-total_launch_count)
    """

    queryset = Agency.objects.all()
    modes = {
        "list": AgencyMiniSerializer,
        "normal": AgencyNormalSerializer,
        "detailed": AgencyEndpointDetailedSerializer,
    }
    filterset_class = AgencyFilterSet
    search_fields = ("abbrev", "name")
    ordering_fields = (
        "attempted_landings",
        "consecutive_successful_landings",
        "consecutive_successful_launches",
        "failed_landings",
        "failed_launches",
        "featured",
        "id",
        "name",
        "pending_launches",
        "successful_landings",
        "successful_launches",
        "total_launch_count",
    )
    ordering = ("id",)
