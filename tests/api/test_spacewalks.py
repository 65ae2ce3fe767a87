"""/2.3.0/spacewalks/: the three modes, every filter (a 400 for bad values), ordering and search field,
and the astronauts' EVA statistics the walks add up to."""

import datetime as dt

import pytest

from hangar.catalog import models, stats
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import _spec
from tests.shared import shared_data

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
CRS = "e3df2ecd-c239-472f-95e4-2b89b4f75800"


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def _build():
    with batched():
        nasa = factories.AgencyFactory(id=9001, name="NASA", abbrev="NASA")
        rfsa = factories.AgencyFactory(id=9002, name="Roscosmos", abbrev="RFSA")
        program_type = models.ProgramType.objects.create(id=1, name="Human Spaceflight")
        apollo = models.Program.objects.create(id=1, name="Apollo", type=program_type)
        iss_program = models.Program.objects.create(
            id=17, name="International Space Station", type=program_type
        )
        iss = factories.SpaceStationFactory(id=4, name="International Space Station")
        mir = factories.SpaceStationFactory(id=2, name="Mir")
        iss.owners.set([nasa, rfsa])
        mir.owners.set([rfsa])
        expedition = models.Expedition.objects.create(
            id=70, name="Expedition 70", start=utc(2023, 9, 27), spacestation=iss
        )
        apollo_flight = factories.SpacecraftFlightFactory(id=11, launch__id=CRS)
        armstrong = factories.AstronautFactory(id=1, name="Neil Armstrong", agency=nasa)
        leonov = factories.AstronautFactory(id=2, name="Alexei Leonov", agency=rfsa)
        moghbeli = factories.AstronautFactory(id=3, name="Jasmin Moghbeli", agency=nasa)

        spacewalk_type = models.EventType.objects.create(id=2, name="Spacewalk")
        us_evas = models.Event.objects.create(
            id=900, name="US Spacewalks 89 and 90", slug="us-spacewalks-89-90", type=spacewalk_type
        )
        models.Event.objects.create(id=901, name="A docking", slug="a-docking", type=spacewalk_type)

        def seat(astronaut):
            return factories.AstronautFlightFactory(astronaut=astronaut)

        walks = [
            # id, name, start, hours, location, station, expedition, flight, crew, programs (event)
            (
                1,
                "Apollo 11 EVA",
                utc(1969, 7, 21, 2, 39),
                2.5,
                "Tranquility Base",
                None,
                None,
                apollo_flight,
                [armstrong],
                [apollo],
            ),
            (2, "Mir EVA 1", utc(1987, 4, 11, 1, 0), 3.5, "Kvant-1", mir, None, None, [leonov], []),
            (
                3,
                "US EVA 89",
                utc(2024, 1, 20, 12, 0),
                6.0,
                "Quest airlock",
                iss,
                expedition,
                None,
                [moghbeli],
                [iss_program],
            ),
            (
                4,
                "VKD-61",
                utc(2024, 4, 25, 15, 0),
                7.0,
                None,
                iss,
                expedition,
                None,
                [leonov, moghbeli],
                [iss_program],
            ),
            (5, "Planned walk", None, None, None, None, None, None, [], []),
        ]
        for pk, name, start, hours, location, station, exp, flight, crew, programs in walks:
            walk = models.Spacewalk.objects.create(
                event=us_evas if pk in (3, 4) else None,
                id=pk,
                name=name,
                start=start,
                end=start + dt.timedelta(hours=hours) if start else None,
                location=location,
                spacestation=station,
                expedition=exp,
                spacecraft_flight=flight,
            )
            walk.crew.set([seat(a) for a in crew])
            walk.program.set(programs)
    stats.recompute(now=NOW)


walks = shared_data(_build)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def ids(client, query):
    return [r["id"] for r in get(client, f"/2.3.0/spacewalks/?{query}&limit=100")["results"]]


def test_modes(db, client, walks):
    listed = get(client, "/2.3.0/spacewalks/?mode=list")["results"]
    assert [w["id"] for w in listed] == [1, 2, 3, 4, 5]  # by start, an unknown one last
    assert list(listed[0]) == ["response_mode", "id", "url", "name", "start", "end", "duration", "location"]
    assert (listed[0]["response_mode"], listed[0]["duration"]) == ("list", "PT2H30M")
    normal = {w["id"]: w for w in get(client, "/2.3.0/spacewalks/")["results"]}
    assert {w["response_mode"] for w in normal.values()} == {"normal"}
    assert normal[1]["spacecraft_flight"]["id"] == 11 and normal[1]["spacestation"] is None
    assert normal[1]["event"] is None
    event = normal[3]["event"]
    assert list(event) == ["id", "url", "name", "info_urls", "vid_urls", "image", "date"]  # EventMini
    assert (event["id"], event["url"]) == (900, "http://testserver/2.3.0/events/900/")
    assert [p["name"] for p in normal[1]["program"]] == ["Apollo"]
    assert "type" not in normal[1]["program"][0]
    assert normal[3]["spacestation"]["name"] == "International Space Station"
    assert "status" not in normal[3]["spacestation"]
    assert list(normal[3]["expedition"]) == ["id", "url", "name", "start", "end"]
    assert [c["astronaut"]["name"] for c in normal[4]["crew"]] == ["Alexei Leonov", "Jasmin Moghbeli"]
    detailed = get(client, "/2.3.0/spacewalks/3/")
    assert detailed["response_mode"] == "detailed"
    assert detailed["spacestation"]["status"]["name"] == "Active"
    assert (
        detailed["expedition"]["spacestation"]["id"] == 4 and detailed["expedition"]["mission_patches"] == []
    )
    assert detailed["program"][0]["type"]["name"] == "Human Spaceflight"
    assert (detailed["event"]["slug"], detailed["event"]["type"]["name"]) == (
        "us-spacewalks-89-90",
        "Spacewalk",
    )
    flight = get(client, "/2.3.0/spacewalks/1/")["spacecraft_flight"]
    assert flight["response_mode"] == "detailed" and "launch_crew" in flight


def test_spacewalks_add_up_to_the_astronauts_eva_statistics(db, client, walks):
    leonov = get(client, "/2.3.0/astronauts/2/")
    assert (leonov["spacewalks_count"], leonov["eva_time"]) == (2, "PT10H30M")
    assert [w["id"] for w in leonov["spacewalks"]] == [2, 4]
    moghbeli = get(client, "/2.3.0/astronauts/3/")
    assert (moghbeli["spacewalks_count"], moghbeli["eva_time"]) == (2, "PT13H")
    assert get(client, "/2.3.0/spacewalks/4/")["duration"] == "PT7H"


FILTERS = [
    ("astronaut__ids=2", [2, 4]),
    ("astronaut__ids=1,3", [1, 3, 4]),
    ("day=21,25", [1, 4]),
    ("end=1987-04-11T04:30:00Z", [2]),
    ("end__gt=1987-04-11T04:30:00Z", [3, 4]),
    ("end__gte=1987-04-11T04:30:00Z", [2, 3, 4]),
    ("end__lt=1987-04-11T04:30:00Z", [1]),
    ("end__lte=1987-04-11", [1]),
    ("event__ids=900", [3, 4]),
    ("event__ids=901,1", []),
    ("id=3", [3]),
    ("ids=4,1", [1, 4]),
    (f"launch__ids={CRS}", [1]),
    ("month=4", [2, 4]),
    ("name=Mir EVA 1", [2]),
    ("name__contains=EVA", [1, 2, 3]),
    ("owner__ids=9001", [3, 4]),
    ("owner__ids=9002", [2, 3, 4]),
    ("program__ids=17", [3, 4]),
    ("program__name=Apollo", [1]),
    ("program__name__contains=Space", [3, 4]),
    ("spacestation__ids=2,4", [2, 3, 4]),
    ("start__gt=2024-01-20T12:00:00Z", [4]),
    ("start__gte=2024-01-20T12:00:00Z", [3, 4]),
    ("start__lt=1987-04-11", [1]),
    ("start__lte=1987-04-11T01:00:00Z", [1, 2]),
    ("year=1969,2024", [1, 3, 4]),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters(db, client, walks, query, expected):
    assert ids(client, query) == expected


def test_every_documented_filter_is_tested():
    documented = {
        p["name"]
        for p in _spec()["paths"]["/2.3.0/spacewalks/"]["get"]["parameters"]
        if p["name"] not in ("limit", "offset", "ordering", "search", "mode", "format")
    }
    assert documented == {q.split("=")[0] for q, _ in FILTERS}


BAD = [
    "astronaut__ids=neil",
    "day=first",
    "end=tomorrow",
    "end__gt=2024-13-01",
    "end__gte=x",
    "end__lt=1",
    "end__lte=never",
    "event__ids=a",
    "id=three",
    "ids=1,x",
    "launch__ids=not-a-uuid",
    "month=4.5",
    "owner__ids=nasa",
    "program__ids=apollo",
    "spacestation__ids=-4",
    "start__gt=later",
    "start__gte=2024-02-30",
    "start__lt=x",
    "start__lte=y",
    "year=nineteen",
]


@pytest.mark.parametrize("query", BAD)
def test_bad_values_are_400s_naming_the_parameter(db, client, walks, query):
    assert query.split("=")[0] in get(client, f"/2.3.0/spacewalks/?{query}", status=400)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("field", ["duration", "end", "id", "name", "start"])
def test_orderings(db, client, walks, field, descending):
    rows = list(models.Spacewalk.objects.values_list(field, "id"))
    present = sorted((r for r in rows if r[0] is not None), reverse=descending)
    missing = sorted((r for r in rows if r[0] is None), reverse=descending)
    expected = [i for _, i in (missing + present if descending else present + missing)]
    assert ids(client, f"ordering={'-' if descending else ''}{field}") == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("leonov", [2, 4]),  # crew__astronaut__name
        ("quest", [3]),  # location
        ("vkd", [4]),  # name
        ("apollo", [1]),  # program__name (and name)
        ("international space", [3, 4]),  # program__name
    ],
)
def test_search(db, client, walks, term, expected):
    assert ids(client, f"search={term}") == expected
