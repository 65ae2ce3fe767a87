"""Every endpoint and mode gives DRF's exact bytes through the fast path, on a generated catalog (its
first objects dressed with every optional part) and on the demo catalog (upstream's own records).

Lists at two page sizes and offsets, and the first objects' detail views, with and without
``format=json`` (which every nested ``url`` echoes) and behind ``HANGAR_PUBLIC_URL``. A mode whose
serializer has a row encoder must take the fast path; the others are DRF's by construction.
"""

import pytest

from hangar.api.fast.encoder import encoder_for
from hangar.api.renderers import PreRendered
from hangar.ingest.importing import import_demo
from tests.conftest import GENERATED_AT
from tests.endpoints import ENDPOINTS
from tests.parity import compare
from tests.shared import shared_data


def _build(which: str):
    if which == "demo":
        import_demo()
    else:
        from hangar.ingest.generate import generate

        generate(120, seed=7, now=GENERATED_AT)


catalog = shared_data(_build, params=["generated", "demo"])

CASES = [pytest.param(e, m, id=f"{e.prefix}-{m}") for e in ENDPOINTS for m in e.modes]


def _fast(endpoint, mode) -> bool:
    serializer = endpoint.viewset.modes[mode] if mode else endpoint.viewset.serializer_class
    return encoder_for(serializer) is not None and getattr(endpoint.viewset, "fast_path", False)


# Each page is read as the request's host names it, and with format=json behind a public URL.
VARIANTS = ((None, ""), ("json", "https://ll.example.org"))


@pytest.mark.parametrize(("endpoint", "mode"), [c for c in CASES if c.values[0].lists])
def test_list_pages(db, client, catalog, settings, endpoint, mode):
    for fmt, public_url in VARIANTS:
        settings.PUBLIC_URL = public_url
        for page in ({"limit": 12}, {"limit": 3, "offset": 2}):
            fast, _ = compare(client, endpoint.url(mode=mode, fmt=fmt, **page))
            assert fast.status_code == 200
            assert isinstance(fast.data, PreRendered) == _fast(endpoint, mode)


@pytest.mark.parametrize(("endpoint", "mode"), CASES)
def test_detail_views(db, client, catalog, settings, endpoint, mode):
    pks = list(endpoint.model.objects.order_by("pk").values_list("pk", flat=True)[:2])
    for pk, (fmt, public_url) in zip(pks, VARIANTS, strict=False):
        settings.PUBLIC_URL = public_url
        fast, _ = compare(client, endpoint.url(pk, mode=mode, fmt=fmt))
        assert fast.status_code == 200
        assert isinstance(fast.data, PreRendered) == _fast(endpoint, mode)
