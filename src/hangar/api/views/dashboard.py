"""``/2.3.0/dashboard/starship/``: one object gathering what the Starship program is doing.

Upstream's file declares an array of ``PolymorphicStarshipDashboardEndpoint``; upstream answers one
object, and so does Hangar (an erratum, as ``/api-throttle/``'s). What each part holds, as Hangar
derives it from the catalog (docs/events.md):

- ``updates``: the program's updates, newest first;
- ``live_streams``: the video links of the program's upcoming launches and events, live ones first;
- ``road_closures``: closures not yet over, soonest first; ``notices``: newest first;
- ``vehicles``: the launchers of the program's launcher configurations; ``orbiters``: the spacecraft
  that flew on the program's launches;
- ``upcoming`` and ``previous``: the program's launches and events in the launches' windows
  (``api.views.windows``), soonest and latest first.

Every list holds at most ``limit`` items (default 10, at most 100, as a page). The program is
upstream's Starship, id ``STARSHIP_PROGRAM``. Each list is loaded with its item serializer's own plan,
so the answer costs the same number of queries whatever the catalog holds.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from hangar.api.loading import loading_plan
from hangar.api.pagination import LimitOffsetPagination
from hangar.api.params import parse_choice
from hangar.api.serializers import dashboard as shapes
from hangar.api.views import windows
from hangar.api.views.base import DataViewMixin, UpstreamHelpMixin
from hangar.catalog.models import (
    STARSHIP_PROGRAM,
    Event,
    Launch,
    Launcher,
    Notice,
    RoadClosure,
    Spacecraft,
    SpacecraftFlight,
    Update,
    VidURL,
)

MODES = {
    "list": shapes.StarshipDashboardListSerializer,
    "normal": shapes.StarshipDashboardNormalSerializer,
    "detailed": shapes.StarshipDashboardDetailedSerializer,
}


@dataclass
class LaunchesAndEvents:
    launches: list
    events: list


@dataclass
class Dashboard:
    updates: list
    live_streams: list
    road_closures: list
    notices: list
    vehicles: list
    orbiters: list
    upcoming: LaunchesAndEvents
    previous: LaunchesAndEvents


def _items(serializer_field, queryset, limit: int) -> list:
    """The first ``limit`` rows of ``queryset``, loaded as the list field's item serializer needs."""
    return list(loading_plan(type(serializer_field.child)).apply(queryset)[:limit])


def _windows(serializer_field, upcoming, previous, limit: int) -> tuple[list, list]:
    """The first ``limit`` rows of both windows, loaded together: one pass of the item serializer's plan
    (a detailed launch's is some hundred queries) rather than one per window."""
    upcoming_ids = list(upcoming.values_list("pk", flat=True)[:limit])
    previous_ids = list(previous.values_list("pk", flat=True)[:limit])
    model = upcoming.model
    plan = loading_plan(type(serializer_field.child))
    rows = {row.pk: row for row in plan.apply(model.objects.filter(pk__in=upcoming_ids + previous_ids))}
    return [rows[pk] for pk in upcoming_ids], [rows[pk] for pk in previous_ids]


def build(serializer, program: int, limit: int, now) -> Dashboard:
    """The dashboard's lists, each loaded with the plan of the serializer field that writes it."""
    fields = serializer.fields
    launches = Launch.objects.filter(program=program)
    events = Event.objects.filter(program=program)
    upcoming_launches = windows.upcoming(launches, "net", now)
    upcoming_events = windows.upcoming(events, "date", now)
    # The windows' items are the same shape in both (LaunchAndEvents<mode>), so they load together.
    window_fields = fields["upcoming"].fields
    launch_lists = _windows(
        window_fields["launches"],
        upcoming_launches.order_by("net", "id"),
        windows.previous(launches, "net", now).order_by("-net", "-id"),
        limit,
    )
    event_lists = _windows(
        window_fields["events"],
        upcoming_events.order_by("date", "id"),
        windows.previous(events, "date", now).order_by("-date", "-id"),
        limit,
    )
    streams = VidURL.objects.filter(
        Q(launch__in=upcoming_launches.values("pk")) | Q(event__in=upcoming_events.values("pk"))
    ).order_by("-live", "-priority", "id")
    flown = SpacecraftFlight.objects.filter(launch__program=program).values("spacecraft_id")
    return Dashboard(
        updates=_items(fields["updates"], Update.objects.filter(program=program), limit),
        live_streams=_items(fields["live_streams"], streams, limit),
        road_closures=_items(fields["road_closures"], RoadClosure.objects.filter(window_end__gte=now), limit),
        notices=_items(fields["notices"], Notice.objects.all(), limit),
        vehicles=_items(fields["vehicles"], Launcher.objects.filter(launcher_config__program=program), limit),
        orbiters=_items(fields["orbiters"], Spacecraft.objects.filter(pk__in=flown), limit),
        upcoming=LaunchesAndEvents(launch_lists[0], event_lists[0]),
        previous=LaunchesAndEvents(launch_lists[1], event_lists[1]),
    )


class StarshipDashboardView(UpstreamHelpMixin, DataViewMixin, APIView):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/dashboard/starship/?mode=list](./?mode=list)
    """

    cache_timeout = windows.CLOCK_CACHE_SECONDS  # the windows and the open road closures move with the clock
    modes = MODES
    list_mode = detail_mode = "normal"  # one object: the same default either way (api.docs reads both)

    def help_path(self) -> str:
        return "/dashboard/starship/"

    @extend_schema(
        responses=PolymorphicProxySerializer(
            component_name="PolymorphicStarshipDashboardEndpoint",
            serializers=MODES,
            resource_type_field_name="response_mode",
        ),
        operation_id="dashboard_starship_list",
    )
    def get(self, request):
        raw = request.query_params.get("mode")
        mode = parse_choice("mode", raw, list(MODES)) if raw else self.list_mode
        limit = LimitOffsetPagination().get_limit(request)  # as a page's: default 10, at most 100
        serializer = MODES[mode](context={"request": request})
        dashboard = build(serializer, STARSHIP_PROGRAM, limit, timezone.now())
        return Response(MODES[mode](dashboard, context={"request": request}).data)
