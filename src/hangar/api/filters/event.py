"""The event endpoints' filters: every parameter the official LL2 2.3.0 file lists, strictly parsed.

The same FilterSet serves ``/events/``, ``/events/upcoming/`` and ``/events/previous/``; upcoming adds
``hide_recent_previous`` (``EventUpcomingFilterSet``). Semantics, where the file says no more than a
name (also in docs/events.md):

- ``agency__ids``, ``program``: comma-separated ids of related agencies or programs, any of them
  matches (each event once); ``id``, ``type__ids``: comma-separated ids; ``type``: one event type id.
- ``date__gt``, ``date__gte``, ``date__lte``, ``last_updated__gte``, ``last_updated__lte``: ISO 8601
  date-times (a naive one, or a date alone, is UTC).
- ``date__gt__lt``: the file's odd name, which it describes as "Date is less than": the date is before
  the value (the file has no ``date__lt``). Implemented as described, not as the name reads.
- ``year``, ``month``, ``day``: comma-separated numbers, compared with the date in UTC.
- ``slug``: exact; ``video_url``: comma-separated URLs, one of the event's ``vid_urls`` has one of them.
- An event without a date matches no date filter.
"""

import django_filters

from hangar.api.filters.fields import (
    DateTimeFilter,
    HideRecentPreviousFilter,
    IdFilter,
    IdInFilter,
    IdListFilter,
    IntegerInFilter,
)
from hangar.api.filters.related import RelatedCharInFilter
from hangar.catalog.models import Event


class EventFilterSet(django_filters.FilterSet):
    agency__ids = IdListFilter(field_name="agencies__id", help_text="Comma-separated agency IDs.")
    date__gt = DateTimeFilter(field_name="date", lookup_expr="gt")
    # Upstream's name for "date is less than" (its file's description); there is no date__lt.
    date__gt__lt = DateTimeFilter(field_name="date", lookup_expr="lt", help_text="Date is less than")
    date__gte = DateTimeFilter(field_name="date", lookup_expr="gte")
    date__lte = DateTimeFilter(field_name="date", lookup_expr="lte")
    day = IntegerInFilter(field_name="date", lookup_expr="day__in")
    id = IdInFilter(field_name="id", lookup_expr="in")
    last_updated__gte = DateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = DateTimeFilter(field_name="last_updated", lookup_expr="lte")
    month = IntegerInFilter(field_name="date", lookup_expr="month__in")
    program = IdListFilter(field_name="program__id", help_text="Comma-separated program IDs.")
    slug = django_filters.CharFilter(lookup_expr="exact")
    type = IdFilter(field_name="type_id")
    type__ids = IdInFilter(
        field_name="type_id", lookup_expr="in", help_text="Comma-separated event type IDs."
    )
    video_url = RelatedCharInFilter(field_name="vid_urls__url", help_text="Comma-separated video URLs.")
    year = IntegerInFilter(field_name="date", lookup_expr="year__in")

    class Meta:
        model = Event
        fields = ()


class EventUpcomingFilterSet(EventFilterSet):
    hide_recent_previous = HideRecentPreviousFilter(
        help_text="Hide events from the past 24 hours, which are included by default for convenience."
    )
