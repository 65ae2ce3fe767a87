"""The demo catalog's flights: detailed mode shows structure out of the box, and validates strictly."""

import pytest

from hangar.ingest.importing import import_demo
from tests.openapi import errors


@pytest.fixture
def demo(db):
    import_demo()


def test_demo_detailed_responses_validate(client, demo):
    body = client.get("/2.3.0/spacecraft/?mode=detailed&limit=100").json()
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []
    flown = {r["id"]: len(r["flights"]) for r in body["results"] if r["flights"]}
    assert flown == {188: 1, 135: 1, 219: 2}
    body = client.get("/2.3.0/spacecraft_flights/?mode=detailed").json()
    assert errors("PaginatedPolymorphicSpacecraftFlightEndpointList", body) == []


def test_demo_soyuz_18_derives_upstreams_values(client, demo):
    craft = client.get("/2.3.0/spacecraft/188/").json()
    assert (craft["time_in_space"], craft["time_docked"]) == ("P62DT23H20M8S", "P61DT13H26M")
    assert [
        a["astronaut"]["name"] for a in client.get("/2.3.0/spacecraft_flights/900001/").json()["launch_crew"]
    ] == [
        "Pyotr Klimuk",
        "Vitali Sevastyanov",
    ]


def test_demo_reflown_dragon_has_a_turnaround(client, demo):
    craft = client.get("/2.3.0/spacecraft/219/").json()
    assert craft["flights_count"] == 2
    assert craft["fastest_turnaround"] == "P691DT1H39M41S"
