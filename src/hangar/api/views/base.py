"""What every LL2 endpoint shares: read-only viewsets whose ``mode`` picks serializer and queryset."""

from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from hangar.api.cache import mark_data_response
from hangar.api.params import parse_choice
from hangar.api.rendering import FastRenderMixin

# Ids in paths are bounded so they always fit a 64-bit integer column; longer ids are a 404.
ID_PATTERN = "[0-9]{1,18}"


class ModeViewSet(FastRenderMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only endpoint with LL2's response modes.

    ``modes`` maps each ``mode`` value to (serializer class, queryset method). Lists default to
    ``list_mode``, detail views to ``detail_mode``; any other ``mode`` value is a 400. A mode with a
    renderer in ``api.rendering``'s registry answers JSON through it, byte for byte the same.
    """

    modes: dict = {}
    list_mode = "normal"
    detail_mode = "detailed"
    lookup_value_regex = ID_PATTERN

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.query_params.items():
            if "\x00" in name or "\x00" in value:
                raise ValidationError({name.replace("\x00", ""): ["NUL characters are not allowed."]})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        mark_data_response(response)  # a pure function of the request and the data: cacheable
        return response

    def get_mode(self) -> str:
        default = self.detail_mode if self.action == "retrieve" else self.list_mode
        raw = self.request.query_params.get("mode") if self.request else None
        return default if raw is None else parse_choice("mode", raw, list(self.modes))

    def get_serializer_class(self):
        return self.modes[self.get_mode()][0]

    def get_queryset(self):
        return getattr(super().get_queryset(), self.modes[self.get_mode()][1])()
