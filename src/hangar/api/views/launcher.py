"""Launcher, launcher configuration, launcher family and program endpoints, in every mode upstream documents.

The statistics they filter and order by are stored columns (``catalog.stats``).
"""

from hangar.api.filters.agency import STATISTICS
from hangar.api.filters.launcher import (
    LauncherConfigFamilyFilterSet,
    LauncherConfigFilterSet,
    LauncherFilterSet,
)
from hangar.api.serializers.launch_detailed import (
    LauncherDetailedSerializer,
    LauncherMiniSerializer,
    LauncherNormalSerializer,
)
from hangar.api.serializers.launcher import (
    LauncherConfigDetailedSerializer,
    LauncherConfigFamilyDetailedSerializer,
    LauncherConfigFamilyMiniSerializer,
    LauncherConfigFamilyNormalSerializer,
    LauncherConfigListSerializer,
    LauncherConfigNormalSerializer,
)
from hangar.api.serializers.program import ProgramMiniSerializer, ProgramNormalSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Launcher, LauncherConfig, LauncherConfigFamily, Program


class LauncherConfigViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/launcher_configurations/?mode=list](./?mode=list)

    #### Filters
    Parameters - `active`, `attempted_landings`, `attempted_landings__gt`, `attempted_landings__gte`,
    `attempted_landings__lt`, `attempted_landings__lte`, `consecutive_successful_landings`,
    `consecutive_successful_landings__gt`, `consecutive_successful_landings__gte`,
    `consecutive_successful_landings__lt`, `consecutive_successful_landings__lte`,
    `consecutive_successful_launches`, `consecutive_successful_launches__gt`,
    `consecutive_successful_launches__gte`, `consecutive_successful_launches__lt`,
    `consecutive_successful_launches__lte`, `failed_landings`, `failed_landings__gt`, `failed_landings__gte`,
    `failed_landings__lt`, `failed_landings__lte`, `failed_launches`, `failed_launches__gt`,
    `failed_launches__gte`, `failed_launches__lt`, `failed_launches__lte`, `families`, `families__contains`,
    `full_name`, `full_name__contains`, `is_placeholder`, `maiden_flight`, `maiden_flight__gt`,
    `maiden_flight__gte`, `maiden_flight__lt`, `maiden_flight__lte`, `manufacturer__name`,
    `manufacturer__name__contains`, `name`, `name__contains`, `pending_launches`, `pending_launches__gt`,
    `pending_launches__gte`, `pending_launches__lt`, `pending_launches__lte`, `program`, `program__contains`,
    `successful_landings`, `successful_landings__gt`, `successful_landings__gte`, `successful_landings__lt`,
    `successful_landings__lte`, `successful_launches`, `successful_launches__gt`, `successful_launches__gte`,
    `successful_launches__lt`, `successful_launches__lte`, `total_launch_count`, `total_launch_count__gt`,
    `total_launch_count__gte`, `total_launch_count__lt`, `total_launch_count__lte`

    Example - [/launcher_configurations/?manufacturer__name=SpaceX](./?manufacturer__name=SpaceX)

    #### Search
    Fields searched - `full_name`, `manufacturer__abbrev`, `manufacturer__name`, `name`

    Example - [/launcher_configurations/?search=Soyuz](./?search=Soyuz)

    #### Ordering
    Fields - `attempted_landings`, `consecutive_successful_landings`, `consecutive_successful_launches`,
    `failed_landings`, `failed_launches`, `gto_capacity`, `launch_cost`, `launch_mass`, `leo_capacity`,
    `maiden_flight`, `name`, `pending_launches`, `successful_landings`, `successful_launches`,
    `total_launch_count`

    Example - [/launcher_configurations/?ordering=-total_launch_count](./?ordering=-total_launch_count)
    """

    queryset = LauncherConfig.objects.all()
    modes = {
        "list": LauncherConfigListSerializer,
        "normal": LauncherConfigNormalSerializer,
        "detailed": LauncherConfigDetailedSerializer,
    }
    filterset_class = LauncherConfigFilterSet
    search_fields = ("full_name", "manufacturer__abbrev", "manufacturer__name", "name")
    ordering_fields = (
        *STATISTICS,
        "gto_capacity",
        "launch_cost",
        "launch_mass",
        "leo_capacity",
        "maiden_flight",
        "name",
    )
    ordering = ("id",)


class LauncherConfigFamilyViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/launcher_configuration_families/?mode=list](./?mode=list)

    #### Filters
    Parameters - `attempted_landings`, `attempted_landings__gt`, `attempted_landings__gte`,
    `attempted_landings__lt`, `attempted_landings__lte`, `consecutive_successful_landings`,
    `consecutive_successful_landings__gt`, `consecutive_successful_landings__gte`,
    `consecutive_successful_landings__lt`, `consecutive_successful_landings__lte`,
    `consecutive_successful_launches`, `consecutive_successful_launches__gt`,
    `consecutive_successful_launches__gte`, `consecutive_successful_launches__lt`,
    `consecutive_successful_launches__lte`, `failed_landings`, `failed_landings__gt`, `failed_landings__gte`,
    `failed_landings__lt`, `failed_landings__lte`, `failed_launches`, `failed_launches__gt`,
    `failed_launches__gte`, `failed_launches__lt`, `failed_launches__lte`, `maiden_flight`,
    `maiden_flight__gt`, `maiden_flight__gte`, `maiden_flight__lt`, `maiden_flight__lte`,
    `manufacturer__abbrev`, `manufacturer__abbrev__contains`, `manufacturer__country_code`,
    `manufacturer__id`, `manufacturer__id__contains`, `manufacturer__name`, `manufacturer__name__contains`,
    `name`, `name__contains`, `pending_launches`, `pending_launches__gt`, `pending_launches__gte`,
    `pending_launches__lt`, `pending_launches__lte`, `successful_landings`, `successful_landings__gt`,
    `successful_landings__gte`, `successful_landings__lt`, `successful_landings__lte`, `successful_launches`,
    `successful_launches__gt`, `successful_launches__gte`, `successful_launches__lt`,
    `successful_launches__lte`, `total_launch_count`, `total_launch_count__gt`, `total_launch_count__gte`,
    `total_launch_count__lt`, `total_launch_count__lte`

    Example - [/launcher_configuration_families/?manufacturer__name=SpaceX](./?manufacturer__name=SpaceX)

    #### Search
    Fields searched - `manufacturer__abbrev`, `manufacturer__name`, `name`

    Example - [/launcher_configuration_families/?search=Ariane](./?search=Ariane)

    #### Ordering
    Fields - `attempted_landings`, `consecutive_successful_landings`, `consecutive_successful_launches`,
    `failed_landings`, `failed_launches`, `name`, `pending_launches`, `successful_landings`,
    `successful_launches`, `total_launch_count`

    Example -
    [/launcher_configuration_families/?ordering=-total_launch_count](./?ordering=-total_launch_count)
    """

    queryset = LauncherConfigFamily.objects.all()
    modes = {
        "list": LauncherConfigFamilyMiniSerializer,
        "normal": LauncherConfigFamilyNormalSerializer,
        "detailed": LauncherConfigFamilyDetailedSerializer,
    }
    filterset_class = LauncherConfigFamilyFilterSet
    search_fields = ("manufacturer__abbrev", "manufacturer__name", "name")
    ordering_fields = (*STATISTICS, "name")
    ordering = ("id",)


class ProgramViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`

    Example - [/programs/?mode=list](./?mode=list)
    """

    queryset = Program.objects.all()
    modes = {"list": ProgramMiniSerializer, "normal": ProgramNormalSerializer}
    list_mode = detail_mode = "normal"
    # Upstream accepts `ordering` and `search` here without naming fields: ordered as the /config/
    # lists are (id or name), search ignored.
    ordering_fields = ("id", "name")
    ordering = ("id",)


class LauncherViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/launchers/?mode=list](./?mode=list)

    #### Filters
    Parameters - `attempted_landings`, `attempted_landings__gt`, `attempted_landings__gte`,
    `attempted_landings__lt`, `attempted_landings__lte`, `first_launch_date`, `flight_proven`, `flights`,
    `flights__gt`, `flights__gte`, `flights__lt`, `flights__lte`, `id`, `id__contains`, `is_placeholder`,
    `last_launch_date`, `launcher_config__ids`, `launcher_config__manufacturer__name`,
    `launcher_config__manufacturer__name__contains`, `serial_number`, `serial_number__contains`, `status`,
    `successful_landings`, `successful_landings__gt`, `successful_landings__gte`, `successful_landings__lt`,
    `successful_landings__lte`

    Example - [/launchers/?is_placeholder=True](./?is_placeholder=True)

    #### Search
    Fields searched - `serial_number`, `status__name`

    Example - [/launchers/?search=B1048](./?search=B1048)

    #### Ordering
    Fields - `attempted_landings`, `flight_proven`, `flights`, `id`, `successful_landings`

    Example - [/launchers/?ordering=-flights](./?ordering=-flights)
    """

    queryset = Launcher.objects.all()
    modes = {
        "list": LauncherMiniSerializer,
        "normal": LauncherNormalSerializer,
        "detailed": LauncherDetailedSerializer,
    }
    filterset_class = LauncherFilterSet
    search_fields = ("serial_number", "status__name")
    ordering_fields = ("attempted_landings", "flight_proven", "flights", "id", "successful_landings")
    ordering = ("id",)
