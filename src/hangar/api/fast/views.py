"""The fast path in a viewset: JSON lists and details written by the serializer's row encoder.

Every mode of every ``ModeViewSet`` takes it when JSON is asked for and its serializer has a row
encoder (``encoder_for``); the browsable API, and any serializer a row encoder cannot read, take DRF's
ordinary path over the derived loading plan. ``fast_path = False`` on a viewset opts it out.
"""

from contextlib import contextmanager

import orjson
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from hangar.api.fast.encoder import RowEncoder, encoder_for
from hangar.api.fast.page_ids import page_ids
from hangar.api.renderers import JSONRenderer, PreRendered, json_text

_enabled = [True]


@contextmanager
def disabled():
    """Every view takes DRF's path inside this block (tests compare the two paths' bytes)."""
    _enabled[0] = False
    try:
        yield
    finally:
        _enabled[0] = True


class FastRetrieveMixin:
    """Retrieve through the serializer's row encoder when JSON is asked for."""

    fast_path = True

    def get_encoder(self) -> RowEncoder | None:
        if not (self.fast_path and _enabled[0]):
            return None
        if not isinstance(getattr(self.request, "accepted_renderer", None), JSONRenderer):
            return None
        return encoder_for(self.get_serializer_class())

    def get_rows_queryset(self, encoder: RowEncoder):
        """The filtered, ordered queryset, as flat rows: no joins beyond what filters need."""
        return self.filter_queryset(self.get_base_queryset()).values_list(*encoder.columns)

    def retrieve(self, request, *args, **kwargs):
        encoder = self.get_encoder()
        if encoder is None:
            return super().retrieve(request, *args, **kwargs)
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        row = get_object_or_404(self.get_rows_queryset(encoder), **lookup)  # DRF's 404, word for word
        return Response(PreRendered(orjson.dumps(encoder.render([row], request)[0])))


class FastPathMixin(FastRetrieveMixin):
    """List and retrieve through the serializer's row encoder when JSON is asked for.

    (A detail-only viewset takes ``FastRetrieveMixin``: DRF's router routes a list to any ``list``.)
    """

    def get_page_ids(self, request):
        """The filtered, ordered primary keys, as the pagination slices them (``fast.page_ids``)."""
        ids = page_ids(self, request)
        if ids is None:  # searches, and query forms fast.page_ids cannot bind
            ids = self.filter_queryset(self.get_base_queryset()).values_list("pk", flat=True)
        return ids

    def list(self, request, *args, **kwargs):
        encoder = self.get_encoder()
        if encoder is None:
            return super().list(request, *args, **kwargs)
        # The page's ids first, then its rows: a deep OFFSET then steps over narrow index entries
        # instead of whole rows (descriptions and all). Their SQL is compiled once per query form.
        ids = self.paginate_queryset(self.get_page_ids(request))
        if ids is None:
            rows = list(self.get_rows_queryset(encoder))
            return Response(PreRendered(orjson.dumps(encoder.render(rows, request))))
        by_id = encoder.fetch(ids) if ids else {}
        page = [by_id[pk] for pk in ids]
        envelope = self.get_paginated_response(encoder.render(page, request)).data
        for key, value in envelope.items():  # the previous and next links
            if isinstance(value, str):
                envelope[key] = json_text(value)
        return Response(PreRendered(orjson.dumps(envelope)))
