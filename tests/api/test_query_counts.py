"""Cold query counts of every endpoint, mode and format, pinned, and none of them grows with the page.

Cold means right after a write: no cached response, count or fragment helps. Each list is read at
``limit=10`` and ``limit=40`` (the browsable API at 3 and 8) on a generated catalog whose first
objects carry every optional part (``ingest.generate_dress``), so both pages need every nested shape:
a query per object or per nested row (DRF's N+1, a prefetch missing from a loading plan) makes the
larger page cost more. Detail views
are read for their first object. The numbers are pinned in ``query_counts.json``; after a change that
is meant to move them, rewrite the file with ``pytest tests/api/test_query_counts.py -n0 --pin-queries``
and review its diff.
"""

import json
from pathlib import Path

import pytest

from tests.endpoints import ENDPOINTS
from tests.queries import cold_queries

PINS = Path(__file__).with_name("query_counts.json")
FORMATS = ("json", "api")
# Page sizes compared: the browsable API renders every object into HTML, so it reads smaller pages.
SIZES = {"json": (10, 40), "api": (3, 8)}


def _cases() -> list:
    cases = []
    for endpoint in ENDPOINTS:
        for mode in endpoint.modes:
            for fmt in FORMATS:
                kinds = ("list", "detail") if endpoint.lists else ("detail",)
                cases += [
                    pytest.param(endpoint, mode, fmt, kind, id=f"{endpoint.prefix}-{kind}-{mode}-{fmt}")
                    for kind in kinds
                ]
    return cases


def _key(endpoint, mode, fmt, kind) -> str:
    return f"{endpoint.prefix} {kind} {mode or '-'} {fmt}"


@pytest.fixture(scope="module")
def pins(request):
    pinned = json.loads(PINS.read_text()) if PINS.exists() else {}
    found: dict = {}
    yield pinned, found
    if request.config.getoption("--pin-queries"):
        PINS.write_text(json.dumps({**pinned, **found}, indent=1, sort_keys=True) + "\n")


@pytest.mark.parametrize(("endpoint", "mode", "fmt", "kind"), _cases())
def test_cold_query_counts_are_pinned_and_grow_with_nothing(
    request, db, client, generated_catalog, pins, endpoint, mode, fmt, kind
):
    pinned, found = pins
    if kind == "list":
        sizes = SIZES[fmt]
        small = cold_queries(client, endpoint.url(mode=mode, fmt=fmt, limit=sizes[0]))
        large = cold_queries(client, endpoint.url(mode=mode, fmt=fmt, limit=sizes[1]))
        counts = [small, large]
        url = endpoint.url(mode=mode, fmt=fmt)
        assert large == small, f"{url}: {small} queries at limit={sizes[0]}, {large} at limit={sizes[1]}"
    else:
        pk = endpoint.model.objects.order_by("pk").values_list("pk", flat=True).first()
        assert pk is not None, f"the generated catalog has no {endpoint.model.__name__}"
        counts = [cold_queries(client, endpoint.url(pk, mode=mode, fmt=fmt))]
    key = _key(endpoint, mode, fmt, kind)
    found[key] = counts
    if not request.config.getoption("--pin-queries"):
        assert pinned.get(key) == counts, f"{key}: pinned {pinned.get(key)}, now {counts}"
