"""/2.3.0/docking_events/: chasers and targets of every kind in both modes, every filter (a 400 for bad
values), both orderings, every search field, and mode=list refused."""

import datetime as dt

import pytest

from hangar.catalog import models, stats, versioning
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import _spec
from tests.shared import shared_data

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def _build():
    with batched():
        iss = factories.SpaceStationFactory(id=4, name="International Space Station")
        salyut = factories.SpaceStationFactory(id=6, name="Salyut 7")
        kosmos = factories.SpaceStationFactory(id=7, name="Kosmos 1686")
        dragon = factories.SpacecraftFlightFactory(
            id=101, spacecraft=factories.SpacecraftFactory(name="Endeavour")
        )
        soyuz = factories.SpacecraftFlightFactory(
            id=102, spacecraft=factories.SpacecraftFactory(name="Soyuz T-13")
        )
        cargo = factories.PayloadFlightFactory(id=201, payload=factories.PayloadFactory(name="Cygnus NG-21"))
        mev = factories.PayloadFlightFactory(id=202, payload=factories.PayloadFactory(name="MEV-1"))

        def port(pk, name, **owner):
            return models.DockingLocation.objects.create(id=pk, name=name, **owner)

        harmony = port(11, "Harmony Forward", spacestation=iss)
        unity = port(12, "Unity Nadir", spacestation=iss)
        salyut_aft = port(13, "Salyut 7 Aft", spacestation=salyut)
        soyuz_port = port(14, "Soyuz Probe", spacecraft=soyuz.spacecraft.spacecraft_config)
        intelsat = port(15, "Intelsat Apogee Engine", payload=mev.payload)
        events = [
            # id, chaser, target, port, docking, departure
            (
                1,
                {"flight_vehicle_chaser": dragon},
                {"space_station_target": iss},
                harmony,
                utc(2024, 3, 5),
                None,
            ),
            (
                2,
                {"payload_flight_chaser": cargo},
                {"space_station_target": iss},
                unity,
                utc(2024, 8, 6),
                utc(2024, 12, 20),
            ),
            (
                3,
                {"space_station_chaser": kosmos},
                {"space_station_target": salyut},
                salyut_aft,
                utc(1985, 10, 2),
                utc(1991, 2, 7),
            ),
            (
                4,
                {"flight_vehicle_chaser": soyuz},
                {"flight_vehicle_target": dragon},
                soyuz_port,
                utc(1985, 6, 8),
                utc(1985, 9, 26),
            ),
            (
                5,
                {"payload_flight_chaser": mev},
                {"payload_flight_target": cargo},
                intelsat,
                utc(2020, 2, 25),
                None,
            ),
        ]
        for pk, chaser, target, location, docking, departure in events:
            models.DockingEvent.objects.create(
                id=pk, docking=docking, departure=departure, docking_location=location, **chaser, **target
            )
    stats.recompute(now=NOW)
    return {"dragon": dragon, "soyuz": soyuz}


dockings = shared_data(_build)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def ids(client, query):
    return [r["id"] for r in get(client, f"/2.3.0/docking_events/?{query}&limit=100")["results"]]


def test_list_is_normal_and_detail_detailed_with_chasers_and_targets_of_every_kind(db, client, dockings):
    rows = {r["id"]: r for r in get(client, "/2.3.0/docking_events/")["results"]}
    assert {r["response_mode"] for r in rows.values()} == {"normal"}
    flight = rows[1]
    assert (flight["flight_vehicle_chaser"]["id"], flight["space_station_target"]["id"]) == (101, 4)
    assert (flight["space_station_chaser"], flight["payload_flight_chaser"]) == (None, None)
    assert (flight["flight_vehicle_target"], flight["payload_flight_target"]) == (None, None)
    # Normal nests the chaser flight's mini shape: its launch by id, url and name.
    assert list(flight["flight_vehicle_chaser"]["launch"]) == ["id", "url", "name"]
    assert "response_mode" not in flight["flight_vehicle_chaser"]
    assert rows[2]["payload_flight_chaser"]["payload"]["name"] == "Cygnus NG-21"
    assert rows[2]["payload_flight_chaser"]["response_mode"] == "list"
    assert (rows[3]["space_station_chaser"]["name"], rows[3]["space_station_target"]["id"]) == (
        "Kosmos 1686",
        6,
    )
    assert "status" not in rows[3]["space_station_chaser"]
    assert rows[4]["flight_vehicle_target"]["spacecraft"]["name"] == "Endeavour"
    assert rows[5]["payload_flight_target"]["id"] == 201
    assert rows[5]["docking_location"]["payload"]["name"] == "MEV-1"

    detailed = {n: get(client, f"/2.3.0/docking_events/{n}/") for n in (1, 2, 3)}
    assert {d["response_mode"] for d in detailed.values()} == {"detailed"}
    assert detailed[1]["flight_vehicle_chaser"]["response_mode"] == "normal"
    assert "pad" in detailed[1]["flight_vehicle_chaser"]["launch"]
    assert detailed[2]["payload_flight_chaser"]["response_mode"] == "normal"
    assert detailed[3]["space_station_chaser"]["status"]["name"] == "Active"
    # The targets keep their mini shapes in both modes.
    assert "status" not in detailed[1]["space_station_target"]
    assert (
        get(client, "/2.3.0/docking_events/?mode=detailed&limit=100")["results"][0]["response_mode"]
        == "detailed"
    )


def test_stations_count_chasers_of_every_kind(db, client, dockings):
    iss = get(client, "/2.3.0/space_stations/4/")
    # At NOW, Dragon is docked (no departure) and the cargo module left on 2024-12-20.
    assert (iss["docked_vehicles"], [e["id"] for e in iss["active_docking_events"]]) == (1, [1])
    stats.refresh_stations([4], now=utc(2024, 10, 1))
    versioning.bump()  # a new data version: the cached answer is retired
    iss = get(client, "/2.3.0/space_stations/4/")
    assert (iss["docked_vehicles"], [e["id"] for e in iss["active_docking_events"]]) == (2, [1, 2])
    port = {p["id"]: p["currently_docked"] for p in iss["docking_location"]}[12]
    assert port["payload_flight_chaser"]["id"] == 201 and port["flight_vehicle_chaser"] is None


def test_one_chaser_exactly(db, dockings):
    from django.db import IntegrityError, transaction

    event = models.DockingEvent.objects.get(id=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.DockingEvent.objects.filter(id=1).update(space_station_chaser_id=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.DockingEvent.objects.filter(id=1).update(flight_vehicle_chaser=None)
    assert event.flight_vehicle_chaser_id == 101


def test_mode_list_is_a_400(db, client, dockings):
    assert "mode" in get(client, "/2.3.0/docking_events/?mode=list", status=400)
    assert "mode" in get(client, "/2.3.0/docking_events/1/?mode=list", status=400)


FILTERS = [
    ("docking__gt=2024-03-05T00:00:00Z", [2]),
    ("docking__gte=2024-03-05T00:00:00Z", [1, 2]),
    ("docking__lt=1985-10-02", [4]),
    ("docking__lte=1985-10-02T00:00:00Z", [4, 3]),
    ("docking_location__id=12", [2]),
    ("flight_vehicle_chaser__id=102", [4]),
    ("space_station_target__id=4", [1, 2]),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters(db, client, dockings, query, expected):
    assert ids(client, query) == expected


def test_every_documented_filter_is_tested():
    documented = {
        p["name"]
        for p in _spec()["paths"]["/2.3.0/docking_events/"]["get"]["parameters"]
        if p["name"] not in ("limit", "offset", "ordering", "search", "mode", "format")
    }
    assert documented == {q.split("=")[0] for q, _ in FILTERS}


@pytest.mark.parametrize(
    "query",
    [
        "docking__gt=yesterday",
        "docking__gte=2024-02-30",
        "docking__lt=1",
        "docking__lte=x",
        "docking_location__id=harmony",
        "flight_vehicle_chaser__id=-1",
        "space_station_target__id=iss",
    ],
)
def test_bad_values_are_400s_naming_the_parameter(db, client, dockings, query):
    assert query.split("=")[0] in get(client, f"/2.3.0/docking_events/?{query}", status=400)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("field", ["docking", "departure"])
def test_orderings(db, client, dockings, field, descending):
    rows = list(models.DockingEvent.objects.values_list(field, "id"))
    present = sorted((r for r in rows if r[0] is not None), reverse=descending)
    missing = sorted((r for r in rows if r[0] is None), reverse=descending)
    expected = [i for _, i in (missing + present if descending else present + missing)]
    assert ids(client, f"ordering={'-' if descending else ''}{field}") == expected


def test_default_order_is_by_docking(db, client, dockings):
    assert ids(client, "") == [4, 3, 5, 1, 2]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("harmony", [1]),  # docking_location__name
        ("t-13", [4]),  # flight_vehicle_chaser__spacecraft__name
        ("endeavour", [4, 1]),  # flight_vehicle_chaser__… (1) and flight_vehicle_target__spacecraft__name (4)
        ("mev", [5]),  # payload_flight_chaser__payload__name
        ("cygnus", [5, 2]),  # payload_flight_target__payload__name (5) and the chaser's (2)
        ("kosmos", [3]),  # space_station_chaser__name
        ("salyut", [3]),  # space_station_target__name (and its port's name)
        ("international", [1, 2]),  # space_station_target__name
    ],
)
def test_search(db, client, dockings, term, expected):
    assert ids(client, f"search={term}") == expected
