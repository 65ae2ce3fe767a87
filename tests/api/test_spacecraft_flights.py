"""Detailed spacecraft and /2.3.0/spacecraft_flights/: strict schema validation, filters, query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.catalog import stats
from tests import factories
from tests.openapi import errors


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture
def history(db):
    """One spacecraft flown twice (with crews and a docking), one never flown, one in space now."""
    reflown = factories.SpacecraftFactory(id=1, name="Reflown")
    factories.SpacecraftFactory(id=2, name="Never flown")
    in_space = factories.SpacecraftFactory(id=3, name="In space")
    first = factories.SpacecraftFlightFactory(
        id=10, spacecraft=reflown, launch__net=utc(2020, 1, 1), mission_end=utc(2020, 3, 1)
    )
    second = factories.SpacecraftFlightFactory(
        id=11, spacecraft=reflown, launch__net=utc(2020, 6, 1), mission_end=utc(2020, 8, 1)
    )
    commander = factories.AstronautFlightFactory(id=100)
    first.launch_crew.set([commander])
    first.onboard_crew.set([factories.AstronautFlightFactory(id=101)])
    first.landing_crew.set([commander])
    factories.DockingEventFactory(
        id=20, flight_vehicle_chaser=first, docking=utc(2020, 1, 2), departure=utc(2020, 2, 28)
    )
    target = factories.SpacecraftFlightFactory(id=12, launch__net=utc(2020, 5, 1))
    factories.DockingEventFactory(
        id=21,
        flight_vehicle_chaser=second,
        docking=utc(2020, 6, 2),
        departure=utc(2020, 7, 1),
        space_station_target=None,
        flight_vehicle_target=target,
    )
    factories.SpacecraftFlightFactory(id=13, spacecraft=in_space, launch__net=utc(2024, 1, 1))
    stats.refresh([1, 2, 3, target.spacecraft_id], now=utc(2025, 1, 1))
    return first, second


def test_detailed_list_validates_strictly(client, history):
    body = get(client, "/2.3.0/spacecraft/?mode=detailed&limit=100")
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []
    flights = {r["id"]: [f["id"] for f in r["flights"]] for r in body["results"]}
    assert flights[1] == [10, 11] and flights[2] == [] and flights[3] == [13]


def test_detail_defaults_to_detailed_and_honours_normal(client, history):
    body = get(client, "/2.3.0/spacecraft/1/")
    assert body["response_mode"] == "detailed"
    assert errors("SpacecraftEndpointDetailed", body) == []
    body = get(client, "/2.3.0/spacecraft/1/?mode=normal")
    assert body["response_mode"] == "normal"
    assert errors("SpacecraftNormal", body) == []


@pytest.mark.parametrize(
    "query", ["", "mode=normal", "mode=detailed", "spacecraft=1", "ordering=-id&limit=2"]
)
def test_flight_list_validates_strictly(client, history, query):
    body = get(client, f"/2.3.0/spacecraft_flights/?{query}")
    assert errors("PaginatedPolymorphicSpacecraftFlightEndpointList", body) == []


def test_flight_detail_is_detailed_with_crews_and_dockings(client, history):
    body = get(client, "/2.3.0/spacecraft_flights/10/")
    assert errors("SpacecraftFlightDetailed", body) == []
    assert [c["id"] for c in body["launch_crew"]] == [100]
    assert [c["id"] for c in body["onboard_crew"]] == [101]
    assert [c["id"] for c in body["landing_crew"]] == [100]
    assert [d["id"] for d in body["docking_events"]] == [20]
    assert body["duration"] == "P60D"
    assert body["turn_around_time"] == "P0D"
    body = get(client, "/2.3.0/spacecraft_flights/11/")
    assert errors("SpacecraftFlightDetailed", body) == []
    assert body["turn_around_time"] == "P92D"
    assert body["docking_events"][0]["flight_vehicle_target"]["id"] == 12
    assert get(client, "/2.3.0/spacecraft_flights/11/?mode=normal")["response_mode"] == "normal"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("spacecraft=x", "spacecraft"),
        ("spacecraft=-1", "spacecraft"),
        ("mode=list", "mode"),
        ("limit=0", "limit"),
    ],
)
def test_flight_bad_input_is_a_400(client, history, query, param):
    assert list(get(client, f"/2.3.0/spacecraft_flights/?{query}", status=400)) == [param]


def test_flight_filter_by_spacecraft(client, history):
    assert [r["id"] for r in get(client, "/2.3.0/spacecraft_flights/?spacecraft=1")["results"]] == [10, 11]
    assert get(client, "/2.3.0/spacecraft_flights/?spacecraft=2")["results"] == []


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured.captured_queries)


def _fleet(first_id, n_craft, n_flights):
    config = factories.SpacecraftConfigFactory()
    for c in range(n_craft):
        craft = factories.SpacecraftFactory(id=first_id + c, spacecraft_config=config)
        for f in range(n_flights):
            flight = factories.SpacecraftFlightFactory(
                spacecraft=craft, launch__net=utc(2000 + f, 1, 1), mission_end=utc(2000 + f, 2, 1)
            )
            factories.DockingEventFactory(flight_vehicle_chaser=flight, docking=utc(2000 + f, 1, 2))
            flight.launch_crew.set([factories.AstronautFlightFactory()])


MAX_DETAILED_LIST_QUERIES = 60


def test_detailed_list_query_count_grows_with_neither_page_size_nor_flights(client, db):
    _fleet(1, 2, 1)
    small = _count(client, "/2.3.0/spacecraft/?mode=detailed&limit=1")
    _fleet(100, 110, 3)
    large = _count(client, "/2.3.0/spacecraft/?mode=detailed&limit=100")
    assert small == large <= MAX_DETAILED_LIST_QUERIES


@pytest.mark.parametrize("query", ["mode=normal&limit=100", "mode=detailed&limit=100"])
def test_flight_list_query_count_does_not_grow_with_page_size(client, db, query):
    _fleet(1, 1, 2)
    small = _count(client, f"/2.3.0/spacecraft_flights/?{query.replace('100', '1')}")
    _fleet(100, 40, 3)
    large = _count(client, f"/2.3.0/spacecraft_flights/?{query}")
    assert small == large <= MAX_DETAILED_LIST_QUERIES
