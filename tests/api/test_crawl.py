"""Every ``url`` a response emits resolves: a crawl from every list endpoint, in every mode, meets only 200s.

Modes are read from each view, so a mode added later (spacecraft ``detailed``) is crawled without
changing this test. Links to other hosts (social media, images, info pages) are not followed.
"""

from collections import deque
from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from hangar.catalog.models import Agency, Spacecraft, SpacecraftConfig
from hangar.ingest.importing import import_paths
from tests.conftest import DATA, SEED_FILE
from tests.endpoints import ENDPOINTS

HOST = "http://testserver"
STARTS = [endpoint.path for endpoint in ENDPOINTS if endpoint.lists]


def _modes(path: str) -> list[str | None]:
    modes = getattr(resolve(path).func.cls, "modes", None)
    return list(modes) if modes else [None]


def _links(node):
    """Every ``url``, ``next`` and ``previous`` value at any depth of a response body."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("url", "next", "previous") and isinstance(value, str):
                yield value
            else:
                yield from _links(value)
    elif isinstance(node, list):
        for item in node:
            yield from _links(item)


def crawl(client, starts):
    queue = deque(starts)
    seen = set(queue)
    statuses = {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code != 200:
            continue
        for link in _links(response.json()):
            if link.startswith(f"{HOST}/") and link not in seen:
                seen.add(link)
                queue.append(link)
    return statuses


@pytest.fixture
def catalog(db):
    """The seed spacecraft, and SpaceX in detailed shape with its launcher, program and spacecraft designs."""
    import_paths([str(SEED_FILE), str(DATA / "constructed" / "agency_121.json")])


def test_every_url_reached_from_every_endpoint_and_mode_answers_200(client, catalog):
    starts = []
    for path in STARTS:
        for mode in _modes(path):
            starts.append(f"{HOST}{path}?limit=3" + (f"&mode={mode}" if mode else ""))
    statuses = crawl(client, starts)
    failures = {url: status for url, status in statuses.items() if status != 200}
    assert failures == {}
    details = {}
    for url in statuses:
        parts = urlsplit(url).path.strip("/").split("/")
        if parts[-1].isdigit():
            details.setdefault(parts[-2], set()).add(int(parts[-1]))
    # Following next links reaches every object, and each object's url leads to its detail page.
    assert details["spacecraft"] == set(Spacecraft.objects.values_list("id", flat=True))
    assert details["spacecraft_configurations"] == set(SpacecraftConfig.objects.values_list("id", flat=True))
    assert details["agencies"] == set(Agency.objects.values_list("id", flat=True))
    assert details["launcher_configurations"] == {164} and details["programs"]


def test_the_crawl_reports_a_url_that_does_not_resolve(client, catalog):
    statuses = crawl(client, [f"{HOST}/2.3.0/agencies/424242/"])
    assert statuses == {f"{HOST}/2.3.0/agencies/424242/": 404}
