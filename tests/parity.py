"""The fast path against DRF's: the same request through both must give the same bytes and headers."""

from django.core.cache import cache

from hangar.api.fast import views as fast_views
from hangar.api.renderers import PreRendered


def compare(client, url):
    """GET ``url`` through the fast path and through DRF's; return both responses."""
    cache.clear()
    fast = client.get(url)
    with fast_views.disabled():
        cache.clear()
        slow = client.get(url)
    assert fast.status_code == slow.status_code, url
    assert fast.content == slow.content, url
    for header in ("Content-Type", "Allow", "Vary", "ETag"):
        assert fast.get(header) == slow.get(header), (url, header)
    if slow.status_code == 200:
        assert not isinstance(slow.data, PreRendered)
    return fast, slow
