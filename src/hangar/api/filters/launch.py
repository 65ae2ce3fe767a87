"""The launch endpoints' filters: every parameter the official LL2 2.3.0 file lists, strictly parsed.

The same FilterSet serves ``/launches/``, ``/launches/upcoming/`` and ``/launches/previous/``; upcoming
adds ``hide_recent_previous`` (``LaunchUpcomingFilterSet``). Semantics, where the file says no more than
a name (also in docs/launches.md):

- ``*_launch_attempt_count[_year]`` with ``__gt/__gte/__lt/__lte``: the stored counters
  (``catalog.stats.launches``); whole numbers.
- ``id``, ``lsp__id``, ``location__ids``, ``status__ids``, ``launcher_config__id``, ``program``,
  ``spacecraft_config__ids``, ``related_lsp__id``: comma-separated ids, any of them matches;
  ``lsp__name``, ``related_lsp__name``, ``launch_designator``, ``serial_number``, ``video_url``:
  comma-separated exact strings.
- ``year``, ``month``, ``day``: comma-separated numbers, compared with the NET in UTC.
- ``net``, ``window_start``, ``window_end`` ``__gt/__gte/__lt/__lte`` and ``last_updated__gte/__lte``:
  ISO 8601 date-times (a naive one is UTC).
- ``is_crewed=true``: a spacecraft flight of the launch has a launch crew; ``false``: none has.
- ``include_suborbital=false`` drops launches whose mission orbit is suborbital (abbreviation
  ``Sub``); ``true`` (and absent) keeps them.
- ``related_lsp__id``/``__name``: the launch service provider is that agency or one of its children
  (an agency's ``parent``), as upstream relates "Starlink" launches to SpaceX.
- ``serial_number``: a first stage of the launch's rocket is that launcher; ``video_url``: one of the
  launch's own ``vid_urls`` has that URL.
- ``__icontains`` folds case as search does; exact names are exact.
"""

import django_filters
from django.db import models
from django.db.models import Exists, OuterRef

from hangar.api.filters.fields import (
    BooleanFilter,
    CharInFilter,
    DateTimeFilter,
    HideRecentPreviousFilter,
    IdFilter,
    IdInFilter,
    IntegerFilter,
    IntegerInFilter,
    UUIDInFilter,
)
from hangar.catalog.models import (
    Agency,
    FirstStage,
    Launch,
    MissionPatch,
    SpacecraftFlight,
    Update,
    VidURL,
)

RANGE_LOOKUPS = ("exact", "gt", "gte", "lt", "lte")

COUNTERS = tuple(
    f"{scope}_launch_attempt_count{suffix}"
    for scope in ("agency", "location", "orbital", "pad")
    for suffix in ("", "_year")
)

SUBORBITAL_ABBREV = "Sub"


class _ExistsFilter:
    """A filter matching launches for which a related row exists (no join, so no duplicates)."""

    related = None  # (model, the launch column of that model, lookup of the value on that model)

    def filter(self, qs, value):
        if value in (None, "", []):
            return qs
        model, launch_column, lookup = self.related
        return qs.filter(Exists(model.objects.filter(**{launch_column: OuterRef("pk"), lookup: value})))


class SerialNumberFilter(_ExistsFilter, CharInFilter):
    related = (FirstStage, "rocket_id", "launcher__serial_number__in")

    def filter(self, qs, value):
        if not value:
            return qs
        stages = FirstStage.objects.filter(rocket_id=OuterRef("rocket_id"), launcher__serial_number__in=value)
        return qs.filter(Exists(stages))


class VideoURLFilter(_ExistsFilter, CharInFilter):
    related = (VidURL, "launch_id", "url__in")


class SpacecraftConfigIdsFilter(_ExistsFilter, IdInFilter):
    related = (SpacecraftFlight, "launch_id", "spacecraft__spacecraft_config_id__in")


class SpacecraftIdFilter(_ExistsFilter, IdFilter):
    related = (SpacecraftFlight, "launch_id", "spacecraft_id")


class SpacecraftNameFilter(_ExistsFilter, django_filters.CharFilter):
    related = (SpacecraftFlight, "launch_id", "spacecraft__name")


class SpacecraftNameContainsFilter(_ExistsFilter, django_filters.CharFilter):
    related = (SpacecraftFlight, "launch_id", "spacecraft__name__ifold")


class ProgramFilter(IdInFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        through = Launch.program.through
        return qs.filter(Exists(through.objects.filter(launch_id=OuterRef("pk"), program_id__in=value)))


class IsCrewedFilter(BooleanFilter):
    def filter(self, qs, value):
        if value is None:
            return qs
        crewed = Exists(SpacecraftFlight.objects.filter(launch_id=OuterRef("pk"), launch_crew__isnull=False))
        return qs.filter(crewed if value else ~crewed)


class IncludeSuborbitalFilter(BooleanFilter):
    def filter(self, qs, value):
        if value is None or value:
            return qs
        return qs.exclude(mission__orbit__abbrev=SUBORBITAL_ABBREV)


class RelatedLSPFilter(IdInFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        related = Agency.objects.filter(models.Q(pk__in=value) | models.Q(parent_id__in=value))
        return qs.filter(launch_service_provider_id__in=related.values("pk"))


class RelatedLSPNameFilter(CharInFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        related = Agency.objects.filter(models.Q(name__in=value) | models.Q(parent__name__in=value))
        return qs.filter(launch_service_provider_id__in=related.values("pk"))


class LaunchFilterSet(django_filters.FilterSet):
    day = IntegerInFilter(field_name="net", lookup_expr="day__in")
    id = UUIDInFilter(field_name="id", lookup_expr="in")
    include_suborbital = IncludeSuborbitalFilter()
    is_crewed = IsCrewedFilter()
    last_updated__gte = DateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = DateTimeFilter(field_name="last_updated", lookup_expr="lte")
    launch_designator = CharInFilter(
        field_name="launch_designator", lookup_expr="in", help_text="Comma-separated (COSPAR) designators."
    )
    launcher_config__id = IdInFilter(field_name="rocket__configuration_id", lookup_expr="in")
    location__ids = IdInFilter(field_name="pad__location_id", lookup_expr="in")
    lsp__id = IdInFilter(field_name="launch_service_provider_id", lookup_expr="in")
    lsp__name = CharInFilter(field_name="launch_service_provider__name", lookup_expr="in")
    mission__orbit__celestial_body__id = IdFilter(field_name="mission__orbit__celestial_body_id")
    mission__orbit__name = django_filters.CharFilter(field_name="mission__orbit__name")
    mission__orbit__name__icontains = django_filters.CharFilter(
        field_name="mission__orbit__name", lookup_expr="ifold"
    )
    month = IntegerInFilter(field_name="net", lookup_expr="month__in")
    name = django_filters.CharFilter(lookup_expr="exact")
    net__gt = DateTimeFilter(field_name="net", lookup_expr="gt")
    net__gte = DateTimeFilter(field_name="net", lookup_expr="gte")
    net__lt = DateTimeFilter(field_name="net", lookup_expr="lt")
    net__lte = DateTimeFilter(field_name="net", lookup_expr="lte")
    pad = IdFilter(field_name="pad_id")
    pad__location = IdFilter(field_name="pad__location_id")
    pad__location__celestial_body__id = IdFilter(field_name="pad__location__celestial_body_id")
    program = ProgramFilter()
    related_lsp__id = RelatedLSPFilter()
    related_lsp__name = RelatedLSPNameFilter()
    rocket__configuration__full_name = django_filters.CharFilter(
        field_name="rocket__configuration__full_name"
    )
    rocket__configuration__full_name__icontains = django_filters.CharFilter(
        field_name="rocket__configuration__full_name", lookup_expr="ifold"
    )
    rocket__configuration__id = IdFilter(field_name="rocket__configuration_id")
    rocket__configuration__manufacturer__name = django_filters.CharFilter(
        field_name="rocket__configuration__manufacturer__name"
    )
    rocket__configuration__manufacturer__name__icontains = django_filters.CharFilter(
        field_name="rocket__configuration__manufacturer__name", lookup_expr="ifold"
    )
    rocket__configuration__name = django_filters.CharFilter(field_name="rocket__configuration__name")
    rocket__spacecraftflight__spacecraft__id = SpacecraftIdFilter()
    rocket__spacecraftflight__spacecraft__name = SpacecraftNameFilter()
    rocket__spacecraftflight__spacecraft__name__icontains = SpacecraftNameContainsFilter()
    serial_number = SerialNumberFilter(help_text="Comma-separated first stage serial numbers.")
    slug = django_filters.CharFilter(lookup_expr="exact")
    spacecraft_config__ids = SpacecraftConfigIdsFilter()
    status = IdFilter(field_name="status_id")
    status__ids = IdInFilter(field_name="status_id", lookup_expr="in")
    video_url = VideoURLFilter(help_text="Comma-separated video URLs.")
    window_end__gt = DateTimeFilter(field_name="window_end", lookup_expr="gt")
    window_end__gte = DateTimeFilter(field_name="window_end", lookup_expr="gte")
    window_end__lt = DateTimeFilter(field_name="window_end", lookup_expr="lt")
    window_end__lte = DateTimeFilter(field_name="window_end", lookup_expr="lte")
    window_start__gt = DateTimeFilter(field_name="window_start", lookup_expr="gt")
    window_start__gte = DateTimeFilter(field_name="window_start", lookup_expr="gte")
    window_start__lt = DateTimeFilter(field_name="window_start", lookup_expr="lt")
    window_start__lte = DateTimeFilter(field_name="window_start", lookup_expr="lte")
    year = IntegerInFilter(field_name="net", lookup_expr="year__in")

    class Meta:
        model = Launch
        # The counters are generated from this table with IntegerFilter (see filter_overrides).
        fields = {name: list(RANGE_LOOKUPS) for name in COUNTERS}
        filter_overrides = {models.IntegerField: {"filter_class": IntegerFilter}}


class LaunchUpcomingFilterSet(LaunchFilterSet):
    hide_recent_previous = HideRecentPreviousFilter()


class UpdateFilterSet(django_filters.FilterSet):
    created_on = DateTimeFilter(field_name="created_on", lookup_expr="exact")
    launch = django_filters.UUIDFilter(field_name="launch_id")
    launch__launch_service_provider = IdFilter(field_name="launch__launch_service_provider_id")
    program = IdFilter(field_name="program_id")

    class Meta:
        model = Update
        fields = ("created_on", "launch", "launch__launch_service_provider", "program")


class MissionPatchFilterSet(django_filters.FilterSet):
    agency__id = IdFilter(field_name="agency_id")
    agency__name = django_filters.CharFilter(field_name="agency__name")
    agency__name__contains = django_filters.CharFilter(field_name="agency__name", lookup_expr="scontains")
    id = IdFilter()
    ids = IdInFilter(field_name="id", lookup_expr="in")
    name = django_filters.CharFilter(lookup_expr="exact")
    name__contains = django_filters.CharFilter(field_name="name", lookup_expr="scontains")

    class Meta:
        model = MissionPatch
        fields = (
            "agency__id",
            "agency__name",
            "agency__name__contains",
            "id",
            "ids",
            "name",
            "name__contains",
        )
