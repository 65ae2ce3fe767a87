"""GET /2.3.0/spacecraft/: parity with upstream, filters, search, ordering, pagination and bad input."""

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.catalog import versioning
from hangar.catalog.signals import batched
from tests import factories
from tests.openapi import errors

URL = "/2.3.0/spacecraft/"


def get(client, query="", status=200):
    response = client.get(f"{URL}?{query}" if query else URL)
    assert response.status_code == status, response.content
    return response.json()


def ids(body):
    return [r["id"] for r in body["results"]]


# --- parity with upstream ------------------------------------------------------------------------------


def test_seed_round_trip_is_exact(client, seed, seed_page, public_url):
    body = get(client, "format=json&ordering=time_docked")
    expected = json.loads(json.dumps(seed_page["results"]).replace("?format=api", "?format=json"))
    # Compared as serialized text, so key order, value types and "\r\n" inside descriptions all count.
    assert json.dumps(body["results"], ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


def test_urls_echo_the_format_parameter(client, seed, public_url):
    body = get(client, "ordering=time_docked&limit=1")
    assert body["results"][0]["url"] == "https://ll.thespacedevs.com/2.3.0/spacecraft/188/"
    body = get(client, "format=json&ordering=time_docked&limit=1")
    assert body["results"][0]["url"] == "https://ll.thespacedevs.com/2.3.0/spacecraft/188/?format=json"


def test_every_list_response_validates_strictly_against_the_official_schema(client, seed):
    for query in ("", "limit=3", "ordering=-time_in_space", "search=soyuz", "in_space=true"):
        body = get(client, query)
        assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []


def test_the_schema_check_catches_an_extra_or_missing_key(client, seed):
    body = get(client, "limit=1")
    body["results"][0]["surprise"] = 1
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body)
    body = get(client, "limit=1")
    del body["results"][0]["status"]
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body)


def test_browsable_page_shows_the_help_sections(client, seed):
    response = client.get(f"{URL}?format=api", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("Modes", "Filters", "Search", "Ordering", "Number of results", "Format", "Help"):
        assert f">{section}</h5>" in html  # DRF shifts markdown headings down one level
    assert "Soyuz T-10" in html


# --- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("in_space=true", [607]),
        ("in_space=True", [607]),
        ("in_space=1", [607]),
        ("in_space=FALSE", [131, 135, 180, 188, 219, 310, 312, 343, 354]),
        ("in_space=0", [131, 135, 180, 188, 219, 310, 312, 343, 354]),
        ("is_placeholder=false&limit=100", [131, 135, 180, 188, 219, 310, 312, 343, 354, 607]),
        ("is_placeholder=true", []),
        ("name=Soyuz 18", [188]),
        ("name=soyuz 18", []),
        ("spacecraft_config=35", [310, 312, 343, 354]),
        ("spacecraft_config=999", []),
        ("status=2", [219]),
        ("status=4&spacecraft_config=42", [131, 135]),
    ],
)
def test_filters(client, seed, query, expected):
    assert ids(get(client, query)) == expected


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("in_space=maybe", "in_space"),
        ("in_space=yes", "in_space"),
        ("is_placeholder=2", "is_placeholder"),
        ("spacecraft_config=abc", "spacecraft_config"),
        ("spacecraft_config=1.5", "spacecraft_config"),
        ("spacecraft_config=-1", "spacecraft_config"),
        ("status=99999999999999999999999", "status"),
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("limit=-5", "limit"),
        ("offset=x", "offset"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("mode=full", "mode"),
        ("name=a%00b", "name"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(client, seed, query, param):
    body = get(client, query, status=400)
    assert list(body) == [param]
    assert body[param] and all(isinstance(m, str) and m for m in body[param])


def test_empty_filter_values_are_ignored(client, seed):
    # The browsable API's filter form submits every field, empty or not.
    assert get(client, "status=&in_space=&is_placeholder=&spacecraft_config=")["count"] == 10
    assert get(client, "name=")["count"] == 10
    body = get(client, "limit=&offset=&mode=&ordering=&search=")
    assert body["count"] == 10 and len(body["results"]) == 10


def test_unknown_parameters_are_ignored(client, seed):
    assert get(client, "colour=blue")["count"] == 10


# --- search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Soyuz", [131, 135, 180, 188]),
        ("soyuz t", [131, 135]),  # every term must match
        ("soyuz,t-1", [131, 135]),  # commas split terms too
        ("PROGRESS-M", [310, 312, 343, 354, 607]),  # matches the configuration's name
        ("MS-30", [607]),
        ("dragon", [219]),
        ("nothing-like-this", []),
    ],
)
def test_search(client, seed, term, expected):
    assert ids(get(client, f"search={term}&limit=100")) == expected


def test_search_folds_unicode_case_on_every_database(client, db):
    factories.SpacecraftFactory(id=1, name="Прогресс М-19")
    factories.SpacecraftFactory(id=2, name="Ärger Ölig")
    assert ids(get(client, "search=прогресс")) == [1]
    assert ids(get(client, "search=ПРОГРЕСС")) == [1]
    assert ids(get(client, "search=äRGER ölig")) == [2]


def test_dotted_capital_i_folds_alike_on_both_databases(client, db):
    factories.SpacecraftFactory(id=1, name="İZMİR-1")
    assert ids(get(client, "search=izmir")) == [1]
    assert ids(get(client, "search=İzmir")) == [1]


def test_search_treats_like_wildcards_literally(client, db):
    factories.SpacecraftFactory(id=1, name="100% reusable")
    factories.SpacecraftFactory(id=2, name="1000 reusable")
    factories.SpacecraftFactory(id=3, name="A_B")
    factories.SpacecraftFactory(id=4, name="AxB")
    assert ids(get(client, "search=100%25")) == [1]
    assert ids(get(client, "search=a_b")) == [3]


# --- ordering -----------------------------------------------------------------------------------------


def _day(n):
    return dt.timedelta(days=n)


@pytest.fixture
def ordered(db):
    """Spacecraft whose ordering keys tie, are NULL, and would sort wrongly as text."""
    with batched():
        values = [
            # id, flights, ends, docked, in space
            (1, 2, 2, _day(9), _day(10)),
            (2, None, None, None, None),
            (3, 2, 1, _day(100), _day(9)),
            (4, 1, 1, _day(9), None),
            (5, None, 0, _day(0), _day(100)),
        ]
        for id_, flights, ends, docked, in_space in values:
            factories.SpacecraftFactory(
                id=id_,
                flights_count=flights,
                mission_ends_count=ends,
                time_docked=docked,
                time_in_space=in_space,
            )


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("", [1, 2, 3, 4, 5]),
        ("id", [1, 2, 3, 4, 5]),
        ("-id", [5, 4, 3, 2, 1]),
        ("flights_count", [4, 1, 3, 2, 5]),
        ("-flights_count", [5, 2, 3, 1, 4]),
        ("mission_ends_count", [5, 3, 4, 1, 2]),
        ("-mission_ends_count", [2, 1, 4, 3, 5]),
        ("time_docked", [5, 1, 4, 3, 2]),  # by length: 0 < 9 days < 100 days, NULL last
        ("-time_docked", [2, 3, 4, 1, 5]),  # NULL first descending
        ("time_in_space", [3, 1, 5, 2, 4]),
        ("-time_in_space", [4, 2, 5, 1, 3]),
        ("flights_count,-time_docked", [4, 3, 1, 2, 5]),
        ("unknown_field", [1, 2, 3, 4, 5]),
        ("-unknown,flights_count", [4, 1, 3, 2, 5]),
    ],
)
def test_ordering(client, ordered, ordering, expected):
    assert ids(get(client, f"ordering={ordering}")) == expected


@pytest.mark.parametrize(
    "ordering", ["id", "-flights_count", "time_docked", "-time_in_space", "mission_ends_count"]
)
def test_pages_never_overlap_or_skip(client, ordered, ordering):
    everything = ids(get(client, f"ordering={ordering}&limit=100"))
    paged = []
    for offset in range(0, 5, 2):
        paged += ids(get(client, f"ordering={ordering}&limit=2&offset={offset}"))
    assert paged == everything
    assert sorted(everything) == [1, 2, 3, 4, 5]


# --- pagination ---------------------------------------------------------------------------------------


def test_pagination_envelope_and_links(client, seed, public_url):
    body = get(client, "format=json&ordering=time_docked&limit=3&offset=3")
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == 10
    assert ids(body) == [219, 343, 310]
    assert body["next"] == (
        "https://ll.thespacedevs.com/2.3.0/spacecraft/?format=json&limit=3&offset=6&ordering=time_docked"
    )
    # offset is dropped when the previous page starts at 0, as DRF does.
    assert (
        body["previous"]
        == "https://ll.thespacedevs.com/2.3.0/spacecraft/?format=json&limit=3&ordering=time_docked"
    )


def test_default_limit_is_10_and_limit_is_clamped_to_100(client, db):
    for n in range(105):
        factories.SpacecraftFactory(id=n + 1)
    assert len(get(client)["results"]) == 10
    body = get(client, "limit=1000")
    assert len(body["results"]) == 100
    assert parse_qs(urlsplit(body["next"]).query)["limit"] == ["100"]


def test_offset_past_the_end_is_an_empty_page(client, seed):
    body = get(client, "offset=500")
    assert body["results"] == [] and body["count"] == 10 and body["next"] is None


def test_links_use_the_request_host_without_public_url(client, seed):
    body = get(client, "limit=2")
    assert body["next"] == "http://testserver/2.3.0/spacecraft/?limit=2&offset=2"
    assert body["results"][0]["url"].startswith("http://testserver/2.3.0/spacecraft/")


# --- methods, errors, cost ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_405_and_change_nothing(client, seed, method):
    from hangar.catalog.models import Spacecraft

    before = list(Spacecraft.objects.values_list("id", "name"))
    response = getattr(client, method)(URL, {"name": "x"}, format="json")
    assert response.status_code == 405
    response = getattr(client, method)(f"{URL}188/", {"name": "x"}, format="json")
    assert response.status_code == 405
    assert list(Spacecraft.objects.values_list("id", "name")) == before


def test_head_and_options(client, seed):
    assert client.head(URL).status_code == 200
    assert client.options(URL).status_code == 200


def test_unknown_format_is_a_404(client, seed):
    assert client.get(f"{URL}?format=xml").status_code == 404


def _count_queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        get(client, query)
    return len(captured.captured_queries)


def test_query_count_is_pinned_and_does_not_grow_with_limit(client, db):
    for n in range(60):
        factories.SpacecraftFactory(id=n + 1)
    cold_small = _count_queries(client, "limit=1")
    versioning.bump()  # a new data version: cached pages and fragments start cold again
    cold_large = _count_queries(client, "limit=100")
    assert cold_small == cold_large
    # data version, count, page ids, rows, then at most one query per nested object shape (image,
    # licence, status, configuration, its type, agency, agency type, the families' manufacturers and
    # parents, the configurations' images and licences) and two per list (variants and their type,
    # families: the (parent, item) pairs, then the items not cached yet).
    assert cold_large <= 18
    # Fragments and this filter set's count are warm: data version, page ids, rows.
    assert _count_queries(client, "limit=100&offset=1") == 3
    # The DRF path (the browsable API's) is pinned too.
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{URL}?limit=100&format=api", HTTP_ACCEPT="text/html").status_code == 200
    assert len(captured.captured_queries) <= 8
