"""DRF's content negotiation, memoized: the same renderers, format and Accept header pick the same renderer.

DRF parses the Accept header and matches media types on every request, about 5% of a cache miss;
clients send few distinct headers. A bounded LRU keeps (renderer position, media type) per
(renderer classes, format, Accept); DRF's own ``select_renderer`` computes each entry, and its 404
and 406 are raised afresh each time (exceptions are never memoized).
"""

from functools import lru_cache
from types import SimpleNamespace

from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        fmt = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        accept = request.META.get("HTTP_ACCEPT", "*/*")  # what request.headers.get("accept") reads
        position, media_type = choice(tuple(type(renderer) for renderer in renderers), fmt, accept)
        return renderers[position], media_type


@lru_cache(maxsize=512)
def choice(renderer_classes: tuple, fmt, accept: str) -> tuple[int, str]:
    """(position in ``renderer_classes``, media type) of DRF's choice; its 404/406 are raised, not kept."""
    renderers = [renderer_class() for renderer_class in renderer_classes]
    shim = SimpleNamespace(query_params={}, headers={"accept": accept})
    chosen, media_type = DefaultContentNegotiation().select_renderer(shim, renderers, fmt)
    return next(i for i, renderer in enumerate(renderers) if renderer is chosen), media_type
