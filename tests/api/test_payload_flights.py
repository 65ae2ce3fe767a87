"""/2.3.0/payload_flights/: the three modes, the one filter (a 400 for a bad value), and a payload
flight's docking events (the import round trip: tests/ingest/test_import_payload_flights.py)."""

import datetime as dt

import pytest

from hangar.catalog import stats
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import _spec
from tests.shared import shared_data

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _build():
    with batched():
        beam = factories.PayloadFactory(id=7, name="BEAM")
        factories.PayloadFlightFactory(id=2, payload=beam, destination="International Space Station")
        cygnus = factories.PayloadFlightFactory(id=1, payload=factories.PayloadFactory(id=8), landing=None)
        factories.PayloadFlightFactory(id=3, payload=beam)
        factories.DockingEventFactory(id=50, flight_vehicle_chaser=None, payload_flight_chaser=cygnus)
    stats.recompute(now=NOW)


flights = shared_data(_build)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_modes(db, client, flights):
    listed = get(client, "/2.3.0/payload_flights/?mode=list")["results"]
    assert [f["id"] for f in listed] == [1, 2, 3]
    assert listed[0]["response_mode"] == "list" and listed[0]["landing"] is None
    assert list(listed[1]["launch"]) == ["id", "url", "name"]
    assert "program" not in listed[1]["payload"]
    normal = get(client, "/2.3.0/payload_flights/")["results"]
    assert {f["response_mode"] for f in normal} == {"normal"}
    assert normal[1]["payload"]["response_mode"] == "normal" and "pad" in normal[1]["launch"]
    detailed = get(client, "/2.3.0/payload_flights/1/")
    assert (detailed["response_mode"], detailed["payload"]["response_mode"]) == ("detailed", "detailed")
    assert [e["id"] for e in detailed["docking_events"]] == [50]
    assert get(client, "/2.3.0/payload_flights/2/")["docking_events"] == []


@pytest.mark.parametrize(
    ("query", "expected"), [("payload=7", [2, 3]), ("payload=8", [1]), ("payload=9", [])]
)
def test_payload_filter(db, client, flights, query, expected):
    assert [f["id"] for f in get(client, f"/2.3.0/payload_flights/?{query}")["results"]] == expected


def test_the_only_documented_filter_is_payload():
    parameters = _spec()["paths"]["/2.3.0/payload_flights/"]["get"]["parameters"]
    assert {p["name"] for p in parameters} - {"limit", "offset", "ordering", "search", "mode", "format"} == {
        "payload"
    }


@pytest.mark.parametrize("query", ["payload=beam", "payload=-1", "mode=full"])
def test_bad_values_are_400s_naming_the_parameter(db, client, flights, query):
    assert query.split("=")[0] in get(client, f"/2.3.0/payload_flights/?{query}", status=400)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_id_is_the_ordering(db, client, flights, descending):
    ids = [
        f["id"]
        for f in get(client, f"/2.3.0/payload_flights/?ordering={'-' if descending else ''}id")["results"]
    ]
    assert ids == sorted(ids, reverse=descending)
