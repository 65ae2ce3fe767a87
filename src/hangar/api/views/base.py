"""What every LL2 endpoint shares: read-only viewsets whose ``mode`` picks serializer and queryset."""

from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError

from hangar.api.cache import mark_data_response
from hangar.api.params import parse_choice
from hangar.api.rendering import FastRenderMixin

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
    """A view whose answer depends on nothing but the request and the catalog: cacheable (``api.cache``)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        mark_data_response(response)
        return response


class ModeMixin(DataViewMixin):
    """LL2's response modes for a read-only viewset.

    ``modes`` maps each ``mode`` value to (serializer class, queryset method). Lists default to
    ``list_mode``, detail views to ``detail_mode``; any other ``mode`` value is a 400. A mode with a
    renderer in ``api.rendering``'s registry answers JSON through it, byte for byte the same.
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
        return self.modes[self.get_mode()][0]

    def get_queryset(self):
        return getattr(super().get_queryset(), self.modes[self.get_mode()][1])()


class ModeViewSet(FastRenderMixin, ModeMixin, viewsets.ReadOnlyModelViewSet):
    """A list and detail endpoint with LL2's response modes."""


class ModeDetailViewSet(ModeMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A detail-only endpoint: for resources Hangar stores only as far as spacecraft responses link them."""


class ConfigViewSet(DataViewMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only list of named values under ``/config/`` (statuses, types): one shape, no modes.

    Upstream lists ``ordering`` and ``search`` for these without naming fields: DRF's defaults then order
    by any serialized column (``id``, ``name``) and search nothing, which is what this does too.
    """

    lookup_value_regex = ID_PATTERN
    ordering_fields = ("id", "name")
    ordering = ("id",)
