"""/2.3.0/space_stations/ and /2.3.0/expeditions/: every filter (a 400 for bad values), ordering and
search field, the derived crews and dockings, and mode=list refused on both."""

import datetime as dt

import pytest

from hangar.catalog import models, stats
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import _spec
from tests.http import get
from tests.shared import shared_data

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def _build():
    with batched():
        nasa = factories.AgencyFactory(
            id=9001, name="National Aeronautics and Space Administration", abbrev="NASA"
        )
        rfsa = factories.AgencyFactory(id=9002, name="Roscosmos", abbrev="RFSA")
        cnsa = factories.AgencyFactory(id=9003, name="China National Space Administration", abbrev="CNSA")
        factories.OrbitFactory()
        russian = factories.CountryFactory(id=2, name="Russia", nationality_name="Russian")
        deorbited = models.SpaceStationStatus.objects.create(id=2, name="De-Orbited")
        international = models.SpaceStationType.objects.create(id=2, name="International")
        iss = factories.SpaceStationFactory(
            id=4,
            name="International Space Station",
            type=international,
            volume=931,
            founded=dt.date(1998, 11, 20),
        )
        tiangong = factories.SpaceStationFactory(
            id=18, name="Tiangong", volume=340, founded=dt.date(2021, 4, 29)
        )
        mir = factories.SpaceStationFactory(
            id=2, name="Mir", status=deorbited, orbit=None, volume=380, founded=dt.date(1986, 2, 19)
        )
        iss.owners.set([nasa, rfsa])
        mir.owners.set([rfsa])
        tiangong.owners.set([cnsa])

        def seat(name, agency):
            return factories.AstronautFlightFactory(
                astronaut=factories.AstronautFactory(name=name, agency=agency)
            )

        a, b, c = seat("Anne Active", nasa), seat("Boris Board", rfsa), seat("Carl Earlier", nasa)
        b.astronaut.nationality.set([russian])
        chinese = [seat(f"Taikonaut {n}", cnsa) for n in range(3)]
        cosmonaut = seat("Musa Mir", rfsa)
        expeditions = [
            (10, "Expedition 72", utc(2024, 9, 11), None, iss, [a, b]),
            (9, "Expedition 71", utc(2024, 3, 1), utc(2024, 9, 10), iss, [c]),
            (20, "Shenzhou 19", utc(2024, 10, 30), utc(2025, 4, 30), tiangong, chinese),
            (1, "Mir EO-5", utc(1990, 1, 1), utc(1990, 7, 1), mir, [cosmonaut]),
        ]
        for pk, name, start, end, station, crew in expeditions:
            models.Expedition.objects.create(
                id=pk, name=name, start=start, end=end, spacestation=station
            ).crew.set(crew)
        docked = factories.DockingEventFactory(id=501, space_station_target=iss, docking=utc(2024, 12, 1))
        factories.DockingEventFactory(
            id=502, space_station_target=iss, docking=utc(2024, 11, 1), departure=utc(2024, 11, 20)
        )
        factories.DockingEventFactory(
            id=503, space_station_target=tiangong, docking=utc(2024, 10, 31), departure=utc(2025, 4, 29)
        )
        factories.DockingEventFactory(
            id=504, space_station_target=mir, docking=utc(1990, 1, 3), departure=utc(1990, 6, 30)
        )
    stats.recompute(now=NOW)
    return {"docked": docked}


history = shared_data(_build)


def ids(client, path, query):
    return [r["id"] for r in get(client, f"/2.3.0/{path}/?{query}&limit=100")["results"]]


def test_derived_crews_and_dockings(db, client, history):
    iss = get(client, "/2.3.0/space_stations/4/")
    assert iss["response_mode"] == "detailed"
    assert (iss["onboard_crew"], iss["docked_vehicles"]) == (2, 1)
    assert [e["id"] for e in iss["active_expeditions"]] == [10]
    assert [e["id"] for e in iss["active_docking_events"]] == [501]
    port = history["docked"].docking_location_id
    occupied = {p["id"]: p["currently_docked"] for p in iss["docking_location"]}
    assert occupied[port]["id"] == 501
    assert occupied[port]["flight_vehicle_chaser"]["id"] == history["docked"].flight_vehicle_chaser_id
    assert (occupied[port]["space_station_chaser"], occupied[port]["payload_flight_chaser"]) == (None, None)
    assert all(v is None for k, v in occupied.items() if k != port)
    assert [o["abbrev"] for o in iss["owners"]] == ["NASA", "RFSA"]
    rows = {r["id"]: r for r in get(client, "/2.3.0/space_stations/")["results"]}
    assert (rows[18]["response_mode"], [e["id"] for e in rows[18]["active_expeditions"]]) == ("normal", [20])
    assert rows[2]["active_expeditions"] == []
    assert "onboard_crew" not in rows[2]


def test_expedition_shapes(db, client, history):
    normal = get(client, "/2.3.0/expeditions/?mode=normal")["results"]
    assert [e["id"] for e in normal] == [1, 9, 10, 20]
    assert normal[2]["spacestation"]["id"] == 4 and "owners" not in normal[2]["spacestation"]
    detailed = get(client, "/2.3.0/expeditions/10/")
    assert detailed["response_mode"] == "detailed"
    assert [c["astronaut"]["name"] for c in detailed["crew"]] == ["Anne Active", "Boris Board"]
    assert [o["abbrev"] for o in detailed["spacestation"]["owners"]] == ["NASA", "RFSA"]


@pytest.mark.parametrize("path", ["space_stations", "expeditions"])
def test_mode_list_is_a_400(db, client, history, path):
    body = get(client, f"/2.3.0/{path}/?mode=list", status=400)
    assert "mode" in body
    get(client, f"/2.3.0/{path}/4/?mode=list", status=400)


STATION_FILTERS = [
    ("docked_vehicles=1", [4, 18]),
    ("docked_vehicles__gt=0", [4, 18]),
    ("docked_vehicles__gte=1", [4, 18]),
    ("docked_vehicles__lt=1", [2]),
    ("docked_vehicles__lte=0", [2]),
    ("id=18", [18]),
    ("name=Tiangong", [18]),
    ("name__contains=Space", [4]),
    ("onboard_crew=2", [4]),
    ("onboard_crew__gt=2", [18]),
    ("onboard_crew__gte=2", [4, 18]),
    ("onboard_crew__lt=2", [2]),
    ("onboard_crew__lte=2", [2, 4]),
    ("orbit=8", [4, 18]),
    ("owner__ids=9002", [2, 4]),
    ("owners=9001,9003", [4, 18]),
    ("status=2", [2]),
    ("status__ids=1,2", [2, 4, 18]),
    ("type=2", [4]),
]
EXPEDITION_FILTERS = [
    ("crew__astronaut={anne}", [10]),
    ("crew__astronaut__agency=9001", [9, 10]),
    ("end__gt=2024-01-01T00:00:00Z", [9, 20]),
    ("end__gte=2024-09-10T00:00:00Z", [9, 20]),
    ("end__lt=2000-01-01", [1]),
    ("end__lte=2024-09-10T00:00:00Z", [1, 9]),
    ("name=Expedition 72", [10]),
    ("space_station=4", [9, 10]),
    ("start__gt=2024-09-11T00:00:00Z", [20]),
    ("start__gte=2024-09-11T00:00:00Z", [10, 20]),
    ("start__lt=2024-03-01", [1]),
    ("start__lte=2024-03-01T00:00:00Z", [1, 9]),
]


@pytest.mark.parametrize(("query", "expected"), STATION_FILTERS, ids=[q for q, _ in STATION_FILTERS])
def test_station_filters(db, client, history, query, expected):
    assert ids(client, "space_stations", query) == expected


@pytest.mark.parametrize(("query", "expected"), EXPEDITION_FILTERS, ids=[q for q, _ in EXPEDITION_FILTERS])
def test_expedition_filters(db, client, history, query, expected):
    anne = models.Astronaut.objects.get(name="Anne Active").id
    assert ids(client, "expeditions", query.format(anne=anne)) == expected


@pytest.mark.parametrize(
    ("path", "table"), [("space_stations", STATION_FILTERS), ("expeditions", EXPEDITION_FILTERS)]
)
def test_every_documented_filter_is_tested(path, table):
    documented = {
        p["name"]
        for p in _spec()["paths"][f"/2.3.0/{path}/"]["get"]["parameters"]
        if p["name"] not in ("limit", "offset", "ordering", "search", "mode", "format")
    }
    assert documented == {q.split("=")[0] for q, _ in table}


BAD = [
    ("space_stations", "docked_vehicles=some"),
    ("space_stations", "onboard_crew__gte=2.5"),
    ("space_stations", "id=four"),
    ("space_stations", "orbit=leo"),
    ("space_stations", "owner__ids=nasa"),
    ("space_stations", "owners=1,x"),
    ("space_stations", "status=active"),
    ("space_stations", "status__ids=-1"),
    ("space_stations", "type=x"),
    ("expeditions", "crew__astronaut=anne"),
    ("expeditions", "crew__astronaut__agency=nasa"),
    ("expeditions", "end__gt=tomorrow"),
    ("expeditions", "start__lte=2024-02-30"),
    ("expeditions", "space_station=iss"),
]


@pytest.mark.parametrize(("path", "query"), BAD)
def test_bad_values_are_400s_naming_the_parameter(db, client, history, path, query):
    assert query.split("=")[0] in get(client, f"/2.3.0/{path}/?{query}", status=400)


def _expected_order(model, field, descending):
    column = f"{field}_id" if field in ("status", "type") else field
    rows = list(model.objects.values_list(column, "id"))
    present = sorted((r for r in rows if r[0] is not None), reverse=descending)
    missing = sorted((r for r in rows if r[0] is None), reverse=descending)
    return [i for _, i in (missing + present if descending else present + missing)]


ORDERINGS = [
    ("space_stations", models.SpaceStation, f)
    for f in ("docked_vehicles", "founded", "id", "name", "onboard_crew", "status", "type", "volume")
] + [("expeditions", models.Expedition, f) for f in ("end", "id", "start")]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize(("path", "model", "field"), ORDERINGS, ids=[f"{p}-{f}" for p, _, f in ORDERINGS])
def test_orderings(db, client, history, path, model, field, descending):
    query = f"ordering={'-' if descending else ''}{field}"
    assert ids(client, path, query) == _expected_order(model, field, descending)


@pytest.mark.parametrize(
    ("path", "term", "expected"),
    [
        ("space_stations", "tiangong", [18]),
        ("space_stations", "rfsa", [2, 4]),
        ("space_stations", "national aeronautics", [4]),
        ("expeditions", "expedition 72", [10]),
        ("expeditions", "nasa", [9, 10]),
        ("expeditions", "taikonaut", [20]),
        ("expeditions", "roscosmos", [1, 10]),
        ("expeditions", "russian", [10]),
    ],
)
def test_search(db, client, history, path, term, expected):
    assert ids(client, path, f"search={term}") == expected


def test_lookups(db, client, history):
    statuses = get(client, "/2.3.0/config/space_station_statuses/")["results"]
    assert statuses == [{"id": 1, "name": "Active"}, {"id": 2, "name": "De-Orbited"}]
    port = get(client, f"/2.3.0/config/docking_locations/{history['docked'].docking_location_id}/")
    assert port["spacestation"]["id"] == 4 and port["spacecraft"] is None


def test_expeditions_without_a_stored_crew_keep_the_imported_onboard_crew(db, history):
    station = factories.SpaceStationFactory(id=77, onboard_crew=7, docked_vehicles=3)
    models.Expedition.objects.create(
        id=77, name="Known only by name", start=utc(2024, 12, 1), spacestation=station
    )
    stats.refresh_stations([77], now=NOW)
    station.refresh_from_db()
    assert (station.onboard_crew, station.docked_vehicles) == (7, 3)
    assert list(station.active_expeditions.values_list("id", flat=True)) == [77]
