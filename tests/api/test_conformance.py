"""Every endpoint, in every mode, answers with the official file's component, strictly and in its key
order: lists as the path's paginated component, detail views as the mode's item component.

On a generated catalog whose first objects carry every optional part, so every nested component is
checked with data in it. The errata (where upstream's own answers break its file) are listed in
``tests/openapi.py`` and the README.
"""

import pytest

from tests.conformance import item_component, list_component, problems
from tests.endpoints import ENDPOINTS


def _case(endpoint, mode):
    return pytest.param(endpoint, mode, id=f"{endpoint.prefix}-{mode}")


CASES = [_case(e, m) for e in ENDPOINTS for m in e.modes]


@pytest.mark.parametrize(("endpoint", "mode"), [c for c in CASES if c.values[0].lists])
def test_list_pages_conform(db, client, generated_catalog, endpoint, mode):
    body = client.get(endpoint.url(mode=mode, fmt="json", limit=8)).json()
    assert body["results"], f"{endpoint.path} mode={mode} is empty on a generated catalog"
    assert problems(list_component(endpoint.prefix), body) == []
    assert {r.get("response_mode", mode) for r in body["results"]} <= {mode}


@pytest.mark.parametrize(("endpoint", "mode"), CASES)
def test_detail_views_conform(db, client, generated_catalog, endpoint, mode):
    for pk in endpoint.model.objects.order_by("pk").values_list("pk", flat=True)[:3]:
        response = client.get(endpoint.url(pk, mode=mode, fmt="json"))
        assert response.status_code == 200
        assert problems(item_component(endpoint.prefix, mode), response.json()) == [], (endpoint.path, pk)


def test_every_url_in_every_first_page_resolves(db, client, generated_catalog):
    """Each ``url`` (at any depth) of each list's first page in each mode, and of the detail views those
    lead to, answers 200; links to other hosts are not followed."""
    from tests.api.test_crawl import HOST, _links

    queue = [f"{HOST}{e.url(mode=m, limit=5)}" for e in ENDPOINTS if e.lists for m in e.modes]
    seen, failures = set(queue), {}
    while queue:
        url = queue.pop()
        response = client.get(url)
        if response.status_code != 200:
            failures[url] = response.status_code
            continue
        for link in _links(response.json()):
            link = link.split("?")[0]
            if link.startswith(f"{HOST}/") and link not in seen and "offset=" not in link:
                seen.add(link)
                queue.append(link)
    assert failures == {}
    assert len(seen) > 100


def test_a_polymorphic_item_is_checked_against_the_component_its_response_mode_names():
    from tests.openapi import errors

    normal = {"response_mode": "normal", "id": 4, "name": "Falcon", "manufacturer": [], "parent": None}
    # Every key of the normal shape is declared by the detailed one too, whose required keys it has: a
    # plain oneOf finds it valid under both, and so invalid.
    assert errors("PolymorphicLauncherConfigFamilyEndpoint", normal) == []
    assert errors("PolymorphicLauncherConfigFamilyEndpoint", {**normal, "response_mode": "list"})
    assert errors("PolymorphicLauncherConfigFamilyEndpoint", {**normal, "response_mode": "full"})
