"""DRF's ``LimitOffsetPagination`` with LL2's limits (10 by default, 100 at most) and strict values.

``next``/``previous`` are built by DRF itself, so they match upstream's byte for byte (query keys sorted,
``offset`` dropped when it would be 0). Unlike upstream, a ``limit`` or ``offset`` that is not a whole
number in range is a 400 rather than silently replaced by the default; a ``limit`` above 100 is still
clamped to 100, as upstream does. An empty value counts as absent, like every other parameter. Counts
are exact and cached per data version (``api.cache``).
"""

from rest_framework import pagination

from hangar.api.cache import cached_count
from hangar.api.params import parse_int


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = 10
    max_limit = 100

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if not raw:
            return self.default_limit
        return min(parse_int(self.limit_query_param, raw, minimum=1), self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        if not raw:
            return 0
        # Bounded so the value always fits a 64-bit SQL OFFSET.
        return parse_int(self.offset_query_param, raw, minimum=0, maximum=2**62)

    def get_count(self, queryset):
        return cached_count(self.request, queryset)
