"""GET /2.3.0/spacecraft_configuration_families/ and /{id}/: parity, schema, filters, search, ordering."""

import json

import pytest

from hangar.catalog.models import SpacecraftConfigFamily
from hangar.catalog.signals import batched
from tests import factories
from tests.key_order import order_errors
from tests.openapi import errors

URL = "/2.3.0/spacecraft_configuration_families/"
LIST = "PaginatedPolymorphicSpacecraftConfigFamilyEndpointList"
DETAIL = {
    "list": "SpacecraftConfigFamilyMini",
    "normal": "SpacecraftConfigFamilyNormal",
    "detailed": "SpacecraftConfigFamilyEndpointDetailed",
}


def get(client, query="", status=200, url=URL):
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == status, response.content
    return response.json()


def ids(body):
    return [r["id"] for r in body["results"]]


@pytest.fixture
def families(seed):
    """The seed's families (Soyuz 1, Progress 2, Dragon 6), with Soyuz T's own branch under Soyuz."""
    with batched():
        SpacecraftConfigFamily.objects.create(
            id=9,
            name="Soyuz T",
            manufacturer_id=1000,
            parent_id=1,
            total_launch_count=15,
            spacecraft_flown=15,
        )


# --- parity with upstream ------------------------------------------------------------------------------


def test_normal_mode_is_exactly_what_upstream_nests_in_a_configuration(client, seed, seed_page, public_url):
    upstream = {}
    for craft in seed_page["results"]:
        for family in craft["spacecraft_config"]["family"]:
            upstream[family["id"]] = json.loads(json.dumps(family).replace("?format=api", "?format=json"))
    body = get(client, "format=json")
    assert ids(body) == [6, 2, 1]  # by name
    for result in body["results"]:
        assert json.dumps(result) == json.dumps(upstream[result["id"]])
    assert json.dumps(get(client, "format=json&mode=normal", url=f"{URL}2/")) == json.dumps(upstream[2])


@pytest.mark.parametrize("mode", ["", "list", "normal", "detailed"])
def test_every_list_validates_strictly_and_in_upstream_key_order(client, families, mode):
    body = get(client, f"mode={mode}" if mode else "")
    assert body["count"] == 4
    assert {r["response_mode"] for r in body["results"]} == {mode or "normal"}
    assert errors(LIST, body) == []
    assert order_errors(LIST, body) == []


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_every_detail_validates_strictly_and_in_upstream_key_order(client, families, mode):
    for family_id in (1, 2, 6, 9):
        body = get(client, f"mode={mode}", url=f"{URL}{family_id}/")
        assert body["response_mode"] == mode
        assert errors(DETAIL[mode], body) == []
        assert order_errors(DETAIL[mode], body) == []


def test_detail_defaults_to_detailed_with_the_family_configurations(client, families):
    body = get(client, url=f"{URL}2/")
    assert body["response_mode"] == "detailed"
    assert [c["id"] for c in body["spacecraft"]] == [33, 35]  # by id
    assert {c["response_mode"] for c in body["spacecraft"]} == {"normal"}
    branch = get(client, url=f"{URL}9/")
    assert branch["parent"]["id"] == 1 and branch["parent"]["response_mode"] == "normal"
    assert branch["manufacturer"]["response_mode"] == "normal"
    assert (branch["spacecraft_flown"], branch["total_launch_count"], branch["spacecraft"]) == (15, 15, [])


def test_browsable_page_shows_the_help_sections(client, families):
    response = client.get(f"{URL}?format=api", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("Modes", "Filters", "Search", "Ordering", "Number of results", "Format", "Help"):
        assert f">{section}</h5>" in html


# --- filters, search, ordering ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [6, 2, 1, 9]),  # Dragon, Progress, Soyuz, Soyuz T
        ("manufacturer=1000", [2, 1, 9]),
        ("manufacturer=121", [6]),
        ("manufacturer=63", []),
        ("name=Soyuz", [1]),
        ("name=soyuz", []),
        ("name=Soyuz T&manufacturer=1000", [9]),
        ("mode=list&manufacturer=121", [6]),
    ],
)
def test_filters(client, families, query, expected):
    assert ids(get(client, query)) == expected


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("manufacturer=abc", "manufacturer"),
        ("manufacturer=-3", "manufacturer"),
        ("manufacturer=99999999999999999999999", "manufacturer"),
        ("mode=mini", "mode"),
        ("limit=x", "limit"),
        ("name=%00", "name"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(client, families, query, param):
    body = get(client, query, status=400)
    assert list(body) == [param]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("soyuz", [1, 9]),
        ("OKB-1", [2, 1, 9]),  # the manufacturer's abbreviation
        ("energia progress", [2]),  # the manufacturer's name and the family's
        ("spacex", [6]),
        ("nothing-like-this", []),
    ],
)
def test_search(client, families, term, expected):
    assert ids(get(client, f"search={term}")) == expected


def test_search_finds_families_without_a_manufacturer(client, families):
    SpacecraftConfigFamily.objects.filter(id=9).update(manufacturer=None)
    assert ids(get(client, "search=soyuz t")) == [9]
    assert errors(LIST, get(client, "mode=normal")) == []


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", [6, 2, 1, 9]),
        ("-name", [9, 1, 2, 6]),
        ("maiden_flight", [6, 2, 1, 9]),  # not an upstream ordering field: ignored
    ],
)
def test_ordering(client, families, ordering, expected):
    assert ids(get(client, f"ordering={ordering}")) == expected


def test_ties_on_name_are_broken_by_id(client, db):
    for id_ in (3, 1, 2):
        factories.SpacecraftConfigFamilyFactory(id=id_, name="Same")
    assert ids(get(client)) == [1, 2, 3]
    assert ids(get(client, "ordering=-name")) == [3, 2, 1]
    assert ids(get(client, "limit=1&offset=1")) == [2]


@pytest.mark.parametrize("path", [f"{URL}3/", f"{URL}99999999999999999999999/"])
def test_unknown_id_is_a_json_404(client, families, path):
    response = client.get(path)
    assert response.status_code == 404 and list(response.json()) == ["detail"]


# --- cost ---------------------------------------------------------------------------------------------
