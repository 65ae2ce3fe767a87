"""GET /2.3.0/config/spacecraft_statuses/ and /config/spacecraft_configuration_types/, with /{id}/."""

import pytest

from hangar.catalog.models import SpacecraftConfigType, SpacecraftStatus
from tests.http import get
from tests.key_order import order_errors
from tests.openapi import errors

ENDPOINTS = [
    ("/2.3.0/config/spacecraft_statuses/", "SpacecraftStatus", [2, 4]),
    ("/2.3.0/config/spacecraft_configuration_types/", "SpacecraftConfigType", [2, 4]),
]


@pytest.mark.parametrize(("url", "component", "expected"), ENDPOINTS)
def test_list_and_detail_validate_strictly(client, seed, url, component, expected):
    body = get(client, url)
    assert [r["id"] for r in body["results"]] == expected
    assert errors(f"Paginated{component}List", body) == []
    assert order_errors(f"Paginated{component}List", body) == []
    for item in body["results"]:
        assert get(client, f"{url}{item['id']}/") == item
        assert errors(component, item) == []


def test_values_are_the_seed_values(client, seed):
    statuses = get(client, "/2.3.0/config/spacecraft_statuses/")["results"]
    assert statuses == [{"id": 2, "name": "Retired"}, {"id": 4, "name": "Single Use"}]
    types = get(client, "/2.3.0/config/spacecraft_configuration_types/")["results"]
    assert types == [{"id": 2, "name": "Capsule"}, {"id": 4, "name": "Cargo Resupply"}]


@pytest.fixture
def lookups(db):
    for id_, name in [(1, "Active"), (2, "Retired"), (3, "Destroyed"), (4, "Active")]:
        SpacecraftStatus.objects.create(id=id_, name=name)
        SpacecraftConfigType.objects.create(id=id_, name=name)


@pytest.mark.parametrize("url", [u for u, _, _ in ENDPOINTS])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 2, 3, 4]),
        ("ordering=-id", [4, 3, 2, 1]),
        ("ordering=name", [1, 4, 3, 2]),  # ties broken by id
        ("ordering=-name", [2, 3, 4, 1]),
        ("ordering=colour", [1, 2, 3, 4]),
        ("search=retired", [1, 2, 3, 4]),  # upstream names no search fields: ignored
        ("mode=detailed", [1, 2, 3, 4]),  # no modes here: ignored, as upstream does
        ("limit=2&offset=1", [2, 3]),
    ],
)
def test_ordering_and_paging(client, lookups, url, query, expected):
    assert [r["id"] for r in get(client, f"{url}?{query}")["results"]] == expected


@pytest.mark.parametrize("url", [u for u, _, _ in ENDPOINTS])
@pytest.mark.parametrize(("query", "param"), [("limit=0", "limit"), ("offset=a", "offset"), ("x=%00", "x")])
def test_bad_values_are_a_400(client, lookups, url, query, param):
    assert list(get(client, f"{url}?{query}", status=400)) == [param]


@pytest.mark.parametrize("url", [u for u, _, _ in ENDPOINTS])
def test_unknown_id_is_a_404_and_writes_are_405(client, lookups, url):
    assert list(get(client, f"{url}9/", status=404)) == ["detail"]
    assert client.get(f"{url}99999999999999999999999/").status_code == 404
    assert client.post(url, {"name": "x"}, format="json").status_code == 405


@pytest.mark.parametrize("url", [u for u, _, _ in ENDPOINTS])
def test_browsable_page_shows_the_help_sections(client, lookups, url):
    html = client.get(f"{url}?format=api", HTTP_ACCEPT="text/html").content.decode()
    for section in ("Number of results", "Format", "Help"):
        assert f">{section}</h5>" in html
