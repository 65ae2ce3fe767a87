"""The launch endpoints (all, upcoming, previous), updates and mission patches.

Upcoming and previous are windows on the clock over the NET (``api.views.windows``, docs/launches.md):
upcoming from 24 hours ago onwards, soonest first (``net``); previous before now, most recent first
(``-net``). ``id`` is the final tiebreaker of every ordering.
"""

from hangar.api.filters.launch import (
    LaunchFilterSet,
    LaunchUpcomingFilterSet,
    MissionPatchFilterSet,
    UpdateFilterSet,
)
from hangar.api.serializers.launch import LaunchBasicSerializer, LaunchNormalSerializer
from hangar.api.serializers.launch_detailed import LaunchDetailedSerializer, UpdateSerializer
from hangar.api.serializers.program import MissionPatchSerializer
from hangar.api.views.base import LookupViewSet, ModeViewSet
from hangar.api.views.windows import PreviousMixin, UpcomingMixin
from hangar.catalog.models import Launch, MissionPatch, Update

LAUNCH_SEARCH_FIELDS = (
    "launch_designator",
    "launch_service_provider__name",
    "mission__name",
    "name",
    "pad__location__name",
    "pad__name",
    "rocket__configuration__manufacturer__abbrev",
    "rocket__configuration__manufacturer__name",
    "rocket__configuration__name",
    "spacecraft_flights__spacecraft__name",  # upstream's rocket__spacecraftflight__spacecraft__name
)

_HELP = """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [{path}?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `lsp__id`, `net__gte`, `status__ids`, `location__ids`, `is_crewed`, `year`, and every
    other parameter of the official file (see Hangar's docs/launches.md){extra}

    Example - [{path}?lsp__id=121](./?lsp__id=121)

    #### Search
    Fields searched - {search}

    Example - [{path}?search=Falcon](./?search=Falcon)

    #### Ordering
    Fields - `id`, `last_updated`, `name`, `net`{order}

    Example - [{path}?ordering=-net](./?ordering=-net)
    """


def _help(path, search_fields, extra="", order=""):
    upstream = [f.replace("spacecraft_flights__", "rocket__spacecraftflight__") for f in search_fields]
    return _HELP.format(path=path, search=", ".join(f"`{f}`" for f in upstream), extra=extra, order=order)


class LaunchViewSet(ModeViewSet):
    queryset = Launch.objects.all()
    lookup_value_regex = "[0-9a-fA-F-]{1,36}"  # launch ids are UUIDs
    modes = {
        "list": LaunchBasicSerializer,
        "normal": LaunchNormalSerializer,
        "detailed": LaunchDetailedSerializer,
    }
    filterset_class = LaunchFilterSet
    search_fields = LAUNCH_SEARCH_FIELDS
    ordering_fields = ("id", "last_updated", "name", "net")
    ordering = ("net",)
    __doc__ = _help("/launches/", LAUNCH_SEARCH_FIELDS, order=" (default `net`)")


class LaunchUpcomingViewSet(UpcomingMixin, LaunchViewSet):
    filterset_class = LaunchUpcomingFilterSet
    # Upstream's file lists no launch_designator search for upcoming launches.
    search_fields = LAUNCH_SEARCH_FIELDS[1:]
    __doc__ = _help(
        "/launches/upcoming/",
        LAUNCH_SEARCH_FIELDS[1:],
        extra=". `hide_recent_previous=true` leaves out the launches of the last 24 hours",
        order=" (default `net`)",
    )


class LaunchPreviousViewSet(PreviousMixin, LaunchViewSet):
    ordering = ("-net",)
    __doc__ = _help("/launches/previous/", LAUNCH_SEARCH_FIELDS, order=" (default `-net`)")


class UpdateViewSet(LookupViewSet):
    """
    #### Filters
    Parameters - `created_on`, `launch`, `launch__launch_service_provider`, `program`

    Example - [/updates/?launch__launch_service_provider=121](./?launch__launch_service_provider=121)

    #### Ordering
    Fields - `created_on` (default `-created_on`, newest first)

    Example - [/updates/?ordering=created_on](./?ordering=created_on)
    """

    queryset = Update.objects.all()
    serializer_class = UpdateSerializer
    filterset_class = UpdateFilterSet
    ordering_fields = ("created_on",)
    ordering = ("-created_on",)


class MissionPatchViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal` (upstream's `detailed` needs expeditions: not served yet)

    #### Filters
    Parameters - `agency__id`, `agency__name`, `agency__name__contains`, `id`, `ids`, `name`, `name__contains`

    Example - [/mission_patches/?agency__id=44](./?agency__id=44)

    #### Search
    Fields searched - `agency__name`, `name`

    Example - [/mission_patches/?search=Apollo](./?search=Apollo)

    #### Ordering
    Fields - `agency__name`, `id`, `name`, `priority`

    Example - [/mission_patches/?ordering=-priority](./?ordering=-priority)
    """

    queryset = MissionPatch.objects.all()
    modes = {"normal": MissionPatchSerializer}
    list_mode = detail_mode = "normal"
    filterset_class = MissionPatchFilterSet
    search_fields = ("agency__name", "name")
    ordering_fields = ("agency__name", "id", "name", "priority")
    ordering = ("id",)
