"""What every LL2 endpoint shares: read-only viewsets whose ``mode`` picks the serializer.

A viewset declares ``modes = {mode: serializer class}``; everything else about a mode follows from its
serializer: the DRF path loads what ``api.loading`` derives from it, the fast path writes it with the
row encoder ``api.fast`` derives from it. ``api.checks`` validates every viewset's declarations at
start-up (``hangar check``).
"""

from django.urls import reverse
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError

from hangar.api.cache.responses import mark_data_response
from hangar.api.fast.views import FastPathMixin, FastRetrieveMixin
from hangar.api.loading import loading_plan
from hangar.api.params import parse_choice

# Upstream's help text ends with these sections on every endpoint; a view's docstring holds its own sections
# (modes, filters, search, ordering) and ``UpstreamHelpMixin`` appends these once, with the endpoint's path.
CLOSING_HELP = """

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [{path}?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [{path}?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

# Ids in paths are bounded so they always fit a 64-bit integer column; longer ids are a 404.
ID_PATTERN = "[0-9]{1,18}"


class RejectNULMixin:
    """A NUL in a query parameter is a 400 (PostgreSQL cannot compare text containing one: a 500)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.query_params.items():
            if "\x00" in name or "\x00" in value:
                raise ValidationError({name.replace("\x00", ""): ["NUL characters are not allowed."]})


class DataViewMixin(RejectNULMixin):
    """A view whose answer depends on nothing but the request and the catalog: cacheable (``api.cache``).

    What it loads is the loading plan of its serializer (``api.loading``) over its base queryset. A view
    whose answer also depends on the clock sets ``cache_timeout`` (seconds a cached page may live).
    """

    cache_timeout: int | None = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        mark_data_response(response, self.cache_timeout)
        return response

    def get_base_queryset(self):
        """The objects this endpoint lists, before filters, ordering and any loading plan."""
        return self.queryset.all()

    def get_queryset(self):
        return loading_plan(self.get_serializer_class()).apply(self.get_base_queryset())


class ModeMixin(DataViewMixin):
    """LL2's response modes for a read-only viewset.

    ``modes`` maps each ``mode`` value to its serializer class. Lists default to ``list_mode``, detail
    views to ``detail_mode``; any other ``mode`` value is a 400.
    """

    modes: dict = {}
    list_mode = "normal"
    detail_mode = "detailed"
    lookup_value_regex = ID_PATTERN

    def get_mode(self) -> str:
        default = self.detail_mode if self.action == "retrieve" else self.list_mode
        raw = self.request.query_params.get("mode") if self.request else None
        return parse_choice("mode", raw, list(self.modes)) if raw else default

    def get_serializer_class(self):
        return self.modes[self.get_mode()]


class UpstreamHelpMixin:
    """A list endpoint's help text: the view's docstring, then upstream's closing sections."""

    def get_view_description(self, html=False):
        if getattr(self, "description", None) is None:
            own = (type(self).__doc__ or "").rstrip()
            self.description = (own or "\n") + CLOSING_HELP.format(path=self.help_path())
        return super().get_view_description(html)

    def help_path(self) -> str:
        """The list path under the API root, as upstream's help writes it (``/launches/upcoming/``)."""
        return "/" + reverse(f"{self.basename}-list").removeprefix(reverse("api-root"))


class ModeViewSet(UpstreamHelpMixin, FastPathMixin, ModeMixin, viewsets.ReadOnlyModelViewSet):
    """A list and detail endpoint with LL2's response modes."""


class ModeDetailViewSet(FastRetrieveMixin, ModeMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A detail-only endpoint: for resources Hangar stores only as far as other responses link them."""


class LookupViewSet(UpstreamHelpMixin, FastPathMixin, DataViewMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only list of named values under ``/config/`` (statuses, types): one shape, no modes.

    Upstream lists ``ordering`` and ``search`` for these without naming fields: DRF's defaults then order
    by any serialized column (``id``, ``name``) and search nothing, which is what this does too.
    """

    lookup_value_regex = ID_PATTERN
    ordering_fields = ("id", "name")
    ordering = ("id",)
