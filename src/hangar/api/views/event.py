"""The event endpoints: all events, upcoming and previous (their ``/config/event_types/`` lookup is in
``api.views.config``).

Upcoming and previous are the launches' windows on the clock over the event's ``date``
(``api.views.windows``): upcoming from 24 hours ago onwards, soonest first (``date``), unless
``hide_recent_previous=true``; previous before now, most recent first (``-date``). An event without a
date is only in ``/events/``. ``id`` is the final tiebreaker of every ordering.
"""

from hangar.api.filters.event import EventFilterSet, EventUpcomingFilterSet
from hangar.api.serializers.event import (
    EventEndpointDetailedSerializer,
    EventEndpointListSerializer,
    EventEndpointNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.api.views.windows import PreviousMixin, UpcomingMixin
from hangar.catalog.models import Event

# Upstream's help, word for word (``date__gt__lt`` means "date is less than": docs/events.md).
_HELP = """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [{path}?mode=list](./?mode=list)

    #### Filters
    Parameters - `agency__ids`, `date__gt`, `date__gt__lt`, `date__gte`, `date__lte`, `day`,{extra} `id`,
    `last_updated__gte`, `last_updated__lte`, `month`, `program`, `slug`, `type`, `type__ids`, `video_url`,
    `year`

    Example - [{path}?type__ids=2,8](./?type__ids=2,8)

    #### Search
    Fields searched - `name`

    Example - [{path}?search=Flyby](./?search=Flyby)

    #### Ordering
    Fields - `date`, `last_updated`

    Example - [{path}?ordering=-last_updated](./?ordering=-last_updated)
    """


class EventViewSet(ModeViewSet):
    queryset = Event.objects.all()
    modes = {
        "list": EventEndpointListSerializer,
        "normal": EventEndpointNormalSerializer,
        "detailed": EventEndpointDetailedSerializer,
    }
    filterset_class = EventFilterSet
    search_fields = ("name",)
    ordering_fields = ("date", "last_updated")
    ordering = ("date",)
    __doc__ = _HELP.format(path="/events/", extra="")


class EventUpcomingViewSet(UpcomingMixin, EventViewSet):
    window_field = "date"
    filterset_class = EventUpcomingFilterSet
    __doc__ = _HELP.format(path="/events/upcoming/", extra=" `hide_recent_previous`,")


class EventPreviousViewSet(PreviousMixin, EventViewSet):
    window_field = "date"
    ordering = ("-date",)
    __doc__ = _HELP.format(path="/events/previous/", extra="")
