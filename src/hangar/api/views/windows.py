"""Upcoming and previous: lists that are windows on the clock, shared by launches, events and the
Starship dashboard.

- **upcoming**: the window's date from 24 hours ago onwards, so what just happened stays listed for a day,
  as upstream does; ``hide_recent_previous=true`` starts the window at now instead.
- **previous**: the window's date before now.

A row without a date (an event not yet scheduled) is in neither window. The detail routes
(``/launches/upcoming/{id}/``) serve any object: a client holding the URL of an upcoming launch keeps
reading it after it flies (upstream answers 404 there once it leaves the window). Lists of both are
cached for at most ``CLOCK_CACHE_SECONDS``, since their answer moves with the clock even when the
catalog does not.
"""

import datetime as dt

from django.utils import timezone
from rest_framework.exceptions import ValidationError

from hangar.api.params import BOOLEAN_HELP, BOOLEAN_WORDS

RECENT = dt.timedelta(hours=24)
CLOCK_CACHE_SECONDS = 60


def upcoming(queryset, field: str, now, hide_recent: bool = False):
    """The rows whose ``field`` is from 24 hours before ``now`` on (from ``now`` with ``hide_recent``)."""
    return queryset.filter(**{f"{field}__gte": now if hide_recent else now - RECENT})


def previous(queryset, field: str, now):
    """The rows whose ``field`` is before ``now``."""
    return queryset.filter(**{f"{field}__lt": now})


def hide_recent_previous(request) -> bool:
    """The ``hide_recent_previous`` parameter: absent is false; anything but a boolean is a 400."""
    raw = request.query_params.get("hide_recent_previous", "") if request else ""
    hide = BOOLEAN_WORDS.get(raw.strip().lower()) if raw else False
    if hide is None:  # validated here too: the base queryset is built before the filters run
        raise ValidationError({"hide_recent_previous": [f"{raw!r} is not a boolean. {BOOLEAN_HELP}"]})
    return hide


class _ClockWindowMixin:
    """A view over the objects whose ``window_field`` falls in a window that moves with the clock."""

    window_field = "net"
    cache_timeout = CLOCK_CACHE_SECONDS

    def window(self, queryset, now):
        raise NotImplementedError

    def get_base_queryset(self):
        if self.action == "retrieve":
            return self.queryset.all()  # an object's detail stays served as it moves out of the window
        return self.window(self.queryset.all(), timezone.now())


class UpcomingMixin(_ClockWindowMixin):
    """From 24 hours ago onwards, or from now with ``hide_recent_previous=true``."""

    def window(self, queryset, now):
        return upcoming(queryset, self.window_field, now, hide_recent_previous(self.request))


class PreviousMixin(_ClockWindowMixin):
    """Before now."""

    def window(self, queryset, now):
        return previous(queryset, self.window_field, now)
