"""GET /2.3.0/spacecraft_configurations/ and /{id}/: parity, schema, filters, search, ordering, cost."""

import datetime as dt
import json

import pytest

from hangar.catalog.models import SpacecraftConfig
from hangar.catalog.signals import batched
from tests import factories
from tests.key_order import order_errors
from tests.openapi import errors

URL = "/2.3.0/spacecraft_configurations/"
LIST = "PaginatedPolymorphicSpacecraftConfigurationEndpointList"


def get(client, query="", status=200, url=URL):
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == status, response.content
    return response.json()


def ids(body):
    return [r["id"] for r in body["results"]]


@pytest.fixture
def configs(seed):
    """The seed's five configurations; the crewed Soyuz designs marked human-rated as upstream has them."""
    with batched():
        SpacecraftConfig.objects.filter(id__in=[1, 42]).update(human_rated=True)


# --- parity with upstream ------------------------------------------------------------------------------


def test_normal_mode_is_exactly_what_upstream_nests_in_a_spacecraft(client, seed, seed_page, public_url):
    upstream = {}
    for craft in seed_page["results"]:
        config = json.loads(json.dumps(craft["spacecraft_config"]).replace("?format=api", "?format=json"))
        upstream[config["id"]] = config
    body = get(client, "format=json&limit=100")
    assert sorted(ids(body)) == sorted(upstream)
    for result in body["results"]:
        # Compared as serialized text, so key order and value types count.
        assert json.dumps(result) == json.dumps(upstream[result["id"]])
    detail = get(client, "format=json&mode=normal", url=f"{URL}35/")
    assert json.dumps(detail) == json.dumps(upstream[35])


@pytest.mark.parametrize("query", ["", "mode=normal", "mode=detailed", "mode=detailed&limit=2&offset=2"])
def test_every_list_validates_strictly_and_in_upstream_key_order(client, configs, query):
    body = get(client, query)
    assert body["count"] == 5
    assert errors(LIST, body) == []
    assert order_errors(LIST, body) == []


@pytest.mark.parametrize(
    ("query", "component"), [("", "SpacecraftConfigDetailed"), ("mode=normal", "SpacecraftConfigNormal")]
)
def test_every_detail_validates_strictly_and_in_upstream_key_order(client, configs, query, component):
    for config_id in (1, 3, 33, 35, 42):
        body = get(client, query, url=f"{URL}{config_id}/")
        assert errors(component, body) == []
        assert order_errors(component, body) == []


def test_list_defaults_to_normal_and_detail_to_detailed(client, configs):
    assert {r["response_mode"] for r in get(client)["results"]} == {"normal"}
    assert {r["response_mode"] for r in get(client, "mode=detailed")["results"]} == {"detailed"}
    assert get(client, url=f"{URL}1/")["response_mode"] == "detailed"
    assert get(client, "mode=normal", url=f"{URL}1/") == get(client, "name=Soyuz")["results"][0]


def test_detailed_serves_the_stored_statistics(client, db):
    config = factories.SpacecraftConfigFactory(
        spacecraft_flown=3,
        total_launch_count=7,
        successful_launches=6,
        failed_launches=1,
        attempted_landings=5,
        successful_landings=4,
        failed_landings=1,
        fastest_turnaround=dt.timedelta(days=61, hours=13, minutes=26),
    )
    body = get(client, url=f"{URL}{config.pk}/")
    stats = {k: body[k] for k in list(body)[-8:]}
    assert stats == {
        "spacecraft_flown": 3,
        "total_launch_count": 7,
        "successful_launches": 6,
        "failed_launches": 1,
        "attempted_landings": 5,
        "successful_landings": 4,
        "failed_landings": 1,
        "fastest_turnaround": "P61DT13H26M",
    }


def test_browsable_page_shows_the_help_sections(client, configs):
    response = client.get(f"{URL}?format=api", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("Modes", "Filters", "Search", "Ordering", "Number of results", "Format", "Help"):
        assert f">{section}</h5>" in html
    assert "Progress-MS" in html


# --- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [3, 35, 33, 1, 42]),  # by name: Dragon 1, Progress-M, Progress-MS, Soyuz, Soyuz T
        ("agency=63", [35, 33, 1, 42]),
        ("agency=121", [3]),
        ("agency=999", []),
        ("human_rated=true", [1, 42]),
        ("human_rated=False", [3, 35, 33]),
        ("human_rated=1&agency=121", []),
        ("in_use=TRUE", [33]),
        ("in_use=0", [3, 35, 1, 42]),
        ("name=Soyuz", [1]),
        ("name=soyuz", []),  # exact, as upstream
        ("name=Soyuz T&agency=63&in_use=false", [42]),
    ],
)
def test_filters(client, configs, query, expected):
    assert ids(get(client, query)) == expected


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("agency=abc", "agency"),
        ("agency=1.5", "agency"),
        ("agency=-1", "agency"),
        ("agency=99999999999999999999999", "agency"),
        ("human_rated=maybe", "human_rated"),
        ("in_use=yes", "in_use"),
        ("in_use=2", "in_use"),
        ("mode=list", "mode"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("name=a%00b", "name"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(client, configs, query, param):
    body = get(client, query, status=400)
    assert list(body) == [param]
    assert body[param] and all(isinstance(m, str) and m for m in body[param])


def test_bad_mode_on_detail_is_a_400(client, configs):
    assert list(get(client, "mode=list", status=400, url=f"{URL}1/")) == ["mode"]


def test_empty_and_unknown_parameters_are_ignored(client, configs):
    assert get(client, "agency=&human_rated=&in_use=&name=&mode=&offset=&colour=blue")["count"] == 5


# --- search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("soyuz", [1, 42]),
        ("soyuz t", [42]),  # every term must match
        ("progress,ms", [33]),  # commas split terms too
        ("SpX", [3]),  # the agency's abbreviation
        ("roscosmos", [35, 33, 1, 42]),  # the agency's name
        ("RFSA progress-m", [35, 33]),
        ("nothing-like-this", []),
    ],
)
def test_search(client, configs, term, expected):
    assert ids(get(client, f"search={term}")) == expected


def test_search_folds_unicode_case_on_every_database(client, db):
    factories.SpacecraftConfigFactory(id=1, name="Прогресс")
    factories.SpacecraftConfigFactory(
        id=2, name="Other", agency=factories.AgencyFactory(name="Ümlaut Agentur")
    )
    assert ids(get(client, "search=ПРОГРЕСС")) == [1]
    assert ids(get(client, "search=ümlaut")) == [2]


# --- ordering -----------------------------------------------------------------------------------------


@pytest.fixture
def tied(db):
    for id_, name in [(5, "B"), (2, "A"), (4, "B"), (1, "C"), (3, "A")]:
        factories.SpacecraftConfigFactory(id=id_, name=name)


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("", [2, 3, 4, 5, 1]),
        ("name", [2, 3, 4, 5, 1]),
        ("-name", [1, 5, 4, 3, 2]),  # the id tiebreaker follows the direction
        ("id", [2, 3, 4, 5, 1]),  # not an upstream ordering field: ignored, as upstream does
        ("unknown,-name", [1, 5, 4, 3, 2]),
    ],
)
def test_ordering(client, tied, ordering, expected):
    assert ids(get(client, f"ordering={ordering}")) == expected


@pytest.mark.parametrize("ordering", ["name", "-name"])
def test_pages_never_overlap_or_skip(client, tied, ordering):
    everything = ids(get(client, f"ordering={ordering}&limit=100"))
    paged = []
    for offset in range(0, 5, 2):
        paged += ids(get(client, f"ordering={ordering}&limit=2&offset={offset}"))
    assert paged == everything and sorted(everything) == [1, 2, 3, 4, 5]


# --- errors and cost ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [f"{URL}2/", f"{URL}99999999999999999999999/", f"{URL}abc/"])
def test_unknown_id_is_a_json_404(client, configs, path):
    response = client.get(path)
    assert response.status_code == 404
    assert list(response.json()) == ["detail"]


def test_writes_are_405(client, configs):
    assert client.post(URL, {"name": "x"}, format="json").status_code == 405
    assert client.delete(f"{URL}1/").status_code == 405
