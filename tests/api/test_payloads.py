"""/2.3.0/payloads/: the three modes and their defaults, each of the seven filters (a 400 for a bad
value), each ordering and search field, and a payload flown twice, which appears once whatever the
search or ordering through its flights (the import round trip: tests/ingest/test_import_payloads.py)."""

import datetime as dt

import pytest

from hangar.catalog import models
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import _spec
from tests.http import every_result, get, ids
from tests.shared import shared_data

URL = "/2.3.0/payloads/"


def _launch(name, year):
    net = dt.datetime(year, 6, 1, tzinfo=dt.UTC)
    return factories.LaunchFactory(name=name, net=net)


def _build():
    with batched():
        nasa = factories.AgencyFactory(id=44, name="NASA")
        esa = factories.AgencyFactory(id=27, name="European Space Agency")
        kind = models.ProgramType.objects.create(id=1, name="Program")
        iss = models.Program.objects.create(id=17, name="ISS", type=kind)
        earth = models.Program.objects.create(id=18, name="Earth observation", type=kind)
        # BEAM: NASA-built, flown twice (2016 to the ISS, 2010 on a test flight), in both programs.
        beam = factories.PayloadFactory(id=7, name="BEAM", manufacturer=nasa, operator=nasa)
        beam.program.set([iss, earth])
        factories.PayloadFlightFactory(
            id=1,
            payload=beam,
            launch=_launch("Falcon 9 | CRS-8", 2016),
            destination="International Space Station",
        )
        factories.PayloadFlightFactory(
            id=2, payload=beam, launch=_launch("Falcon 9 | Demo", 2010), destination="Low Earth Orbit"
        )
        # EarthCARE: ESA-built, NASA-operated, one flight in 2024.
        earthcare = factories.PayloadFactory(id=3, name="EarthCARE", manufacturer=esa, operator=nasa)
        earthcare.program.set([earth])
        factories.PayloadFlightFactory(
            id=3,
            payload=earthcare,
            launch=_launch("Falcon 9 | EarthCARE", 2024),
            destination="Sun-Synchronous",
        )
        # Never flown: no launch NET to order by.
        factories.PayloadFactory(id=9, name="Spare", manufacturer=esa, operator=esa)


payloads = shared_data(_build)


def test_modes_and_their_defaults(db, client, payloads):
    listed = get(client, f"{URL}?mode=list")["results"]
    assert [p["id"] for p in listed] == [3, 7, 9]
    assert {p["response_mode"] for p in listed} == {"list"}
    assert list(listed[0]) == ["response_mode", "id", "name", "type", "manufacturer", "operator", "image"]
    normal = get(client, URL)["results"]
    assert {p["response_mode"] for p in normal} == {"normal"}
    assert [p["id"] for p in normal[1]["program"]] == [17, 18]
    assert get(client, f"{URL}?mode=detailed")["results"][0]["response_mode"] == "detailed"
    detail = get(client, f"{URL}7/")
    assert detail["response_mode"] == "detailed"
    # AgencyDetailed and ProgramNormal nested, where PayloadNormal nests AgencyNormal and ProgramMini.
    assert set(detail["manufacturer"]) > set(normal[1]["manufacturer"])
    assert set(detail["program"][0]) > set(normal[1]["program"][0])
    assert get(client, f"{URL}7/?mode=list")["response_mode"] == "list"
    assert get(client, f"{URL}7/?mode=normal")["response_mode"] == "normal"
    assert get(client, f"{URL}8/", status=404)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("manufacturer__id=44", [7]),
        ("manufacturer__id=27", [3, 9]),
        ("manufacturer__id=1", []),
        ("manufacturer__name=NASA", [7]),
        ("manufacturer__name=nasa", []),  # exact, as upstream's
        ("name=EarthCARE", [3]),
        ("name=Earth", []),
        ("operator=44", [3, 7]),
        ("operator=27", [9]),
        ("operator__id=44", [3, 7]),
        ("operator__id=5", []),
        ("operator__name=European Space Agency", [9]),
        ("program__id=18", [3, 7]),  # BEAM is in two programs: once
        ("program__id=17", [7]),
        ("program__id=99", []),
        ("operator=44&program__id=17", [7]),
    ],
)
def test_filters(db, client, payloads, query, expected):
    assert ids(client, f"{URL}?{query}") == expected


def test_every_official_filter_is_served():
    from hangar.api.filters.payload import PayloadFilterSet

    parameters = _spec()["paths"][URL]["get"]["parameters"]
    official = {p["name"] for p in parameters} - {"limit", "offset", "ordering", "search"}
    assert set(PayloadFilterSet.base_filters) == official


@pytest.mark.parametrize(
    "query",
    [
        "manufacturer__id=nasa",
        "manufacturer__id=-1",
        "operator=1.5",
        "operator__id=x",
        "program__id=18,17",
        "program__id=99999999999999999999",
        "mode=full",
    ],
)
def test_bad_values_are_400s_naming_the_parameter(db, client, payloads, query):
    assert query.split("=")[0] in get(client, f"{URL}?{query}", status=400)


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("id", [3, 7, 9]),
        ("-id", [9, 7, 3]),
        ("name", [7, 3, 9]),
        ("-name", [9, 3, 7]),
        # By the payload's first flight's launch NET: BEAM's 2010, EarthCARE's 2024; never flown last
        # ascending, first descending (NULLs as everywhere).
        ("payloadflight__rocket__launch__net", [7, 3, 9]),
        ("-payloadflight__rocket__launch__net", [9, 3, 7]),
    ],
)
def test_ordering(db, client, payloads, ordering, expected):
    assert ids(client, f"{URL}?ordering={ordering}") == expected
    assert [p["id"] for p in every_result(client, URL, ordering=ordering, limit=1)] == expected


def test_ordering_by_launch_net_breaks_ties_by_id(db, client, payloads):
    # Both of BEAM's flights and EarthCARE's flight on one launch: the same first NET for both.
    launch = models.Launch.objects.get(name="Falcon 9 | EarthCARE")
    models.PayloadFlight.objects.filter(id__in=[1, 2]).update(launch=launch)
    assert ids(client, f"{URL}?ordering=payloadflight__rocket__launch__net&format=json") == [3, 7, 9]
    assert ids(client, f"{URL}?ordering=-payloadflight__rocket__launch__net&format=json") == [9, 7, 3]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("nasa", [3, 7]),  # manufacturer__name (BEAM), operator__name (EarthCARE)
        ("european", [3, 9]),  # manufacturer__name
        ("earthc", [3]),  # name
        ("space station", [7]),  # payloadflight__destination, one of BEAM's two flights
        ("orbit", [7]),  # payloadflight__destination, the other
        ("falcon", [3, 7]),  # payloadflight__rocket__launch__name: BEAM's two flights, BEAM once
        ("crs-8", [7]),
        ("nothing", []),
    ],
)
def test_search(db, client, payloads, term, expected):
    assert ids(client, f"{URL}?search={term}") == expected
    assert get(client, f"{URL}?search={term}")["count"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [
        {"search": "falcon"},
        {"search": "falcon", "ordering": "-payloadflight__rocket__launch__net"},
        {"ordering": "payloadflight__rocket__launch__net"},
        {"program__id": 18, "ordering": "-payloadflight__rocket__launch__net"},
    ],
)
@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_a_payload_flown_twice_appears_once(db, client, payloads, params, mode):
    # Page after page of one: a repeated row would show on two pages, a missing one on none.
    found = [p["id"] for p in every_result(client, URL, mode=mode, limit=1, **params)]
    assert found.count(7) == 1
    assert (
        len(found)
        == len(set(found))
        == get(client, f"{URL}?format=json&" + "&".join(f"{k}={v}" for k, v in params.items()))["count"]
    )
