"""/2.3.0/astronauts/: every filter (and a 400 for each bad value), ordering and search field, the derived
values the list serves, the detailed lists; and the astronaut lookups under /config/."""

import datetime as dt

import pytest

from hangar.catalog import models, stats
from hangar.catalog.signals import batched
from tests import factories
from tests.http import get
from tests.shared import shared_data

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def _flight(launch, end=None, launch_crew=(), onboard=(), landing_crew=()):
    flight = factories.SpacecraftFlightFactory(launch__net=launch, mission_end=end)
    for crew, seats in (
        ("launch_crew", launch_crew),
        ("onboard_crew", onboard),
        ("landing_crew", landing_crew),
    ):
        getattr(flight, crew).set(seats)
    return flight


def _build():
    with batched():
        nasa = factories.AgencyFactory(
            id=9001, name="National Aeronautics and Space Administration", abbrev="NASA"
        )
        rfsa = factories.AgencyFactory(id=9002, name="Roscosmos", abbrev="RFSA")
        american = factories.CountryFactory(id=1, name="United States", nationality_name="American")
        russian = factories.CountryFactory(id=2, name="Russia", nationality_name="Russian")
        retired = models.AstronautStatus.objects.create(id=2, name="Retired")
        deceased = models.AstronautStatus.objects.create(id=3, name="Deceased")
        animal = models.AstronautType.objects.create(id=3, name="Non-Human")
        alice = factories.AstronautFactory(
            id=1, name="Alice Walker", agency=nasa, date_of_birth=dt.date(1970, 6, 15)
        )
        boris = factories.AstronautFactory(
            id=2, name="Boris Orbit", agency=rfsa, date_of_birth=dt.date(1980, 1, 1)
        )
        carol = factories.AstronautFactory(
            id=3,
            name="Carol Retired",
            agency=nasa,
            status=retired,
            date_of_birth=dt.date(1940, 3, 1),
            date_of_death=dt.date(2010, 2, 1),
        )
        dmitri = factories.AstronautFactory(
            id=4, name="Dmitri Swap", agency=rfsa, date_of_birth=dt.date(1975, 5, 5)
        )
        factories.AstronautFactory(id=5, name="Laika", agency=None, status=deceased, type=animal)
        alice.nationality.set([american])
        boris.nationality.set([russian])
        carol.nationality.set([american])
        dmitri.nationality.set([russian, american])

        def seat(astronaut):
            return factories.AstronautFlightFactory(astronaut=astronaut)

        a, b, d_up, d_down = seat(alice), seat(boris), seat(dmitri), seat(dmitri)
        first = _flight(utc(2020, 1, 1), utc(2020, 3, 1), launch_crew=[a], landing_crew=[a])
        _flight(utc(2024, 12, 1), None, launch_crew=[b], onboard=[b], landing_crew=[b])
        up = _flight(utc(2024, 6, 1), utc(2024, 12, 1), launch_crew=[d_up])
        down = _flight(utc(2024, 9, 1), utc(2024, 12, 20), landing_crew=[d_down])
        walk = factories.SpacewalkFactory(
            id=1,
            name="Alice's walk",
            start=utc(2020, 2, 1, 10),
            end=utc(2020, 2, 1, 16, 30),
            spacecraft_flight=first,
        )
        walk.crew.set([a])
    stats.recompute(now=NOW)
    return {"first": first, "up": up, "down": down}


history = shared_data(_build)


def ids(client, query):
    return [r["id"] for r in get(client, f"/2.3.0/astronauts/?{query}&limit=100")["results"]]


def test_derived_values(db, client, history):
    rows = {r["id"]: r for r in get(client, "/2.3.0/astronauts/?mode=normal")["results"]}
    alice, boris, carol, dmitri, laika = (rows[i] for i in (1, 2, 3, 4, 5))
    assert (alice["in_space"], alice["time_in_space"], alice["eva_time"]) == (False, "P60D", "PT6H30M")
    assert (alice["flights_count"], alice["landings_count"], alice["spacewalks_count"]) == (1, 1, 1)
    assert (alice["first_flight"], alice["last_flight"], alice["age"]) == (
        "2020-01-01T00:00:00Z",
        "2020-01-01T00:00:00Z",
        54,
    )
    # In space since 2024-12-01 on a flight that has not ended: 31 days by the clock.
    assert (boris["in_space"], boris["time_in_space"], boris["landings_count"], boris["age"]) == (
        True,
        "P31D",
        0,
        45,
    )
    # Up on one flight, down on another: the stay ends with the landing, not with the flight flown up on.
    assert (
        dmitri["in_space"],
        dmitri["time_in_space"],
        dmitri["flights_count"],
        dmitri["landings_count"],
    ) == (
        False,
        "P202D",
        1,
        1,
    )
    assert dmitri["age"] == 49  # birthday not reached yet this year
    assert carol["age"] == 69  # at death
    assert (carol["time_in_space"], carol["first_flight"], carol["flights_count"]) == (None, None, 0)
    assert laika["age"] is None and laika["agency"] is None


def test_detail_defaults_to_detailed_with_flights_landings_and_spacewalks(db, client, history):
    dmitri = get(client, "/2.3.0/astronauts/4/")
    assert dmitri["response_mode"] == "detailed"
    assert [f["id"] for f in dmitri["flights"]] == [str(history["up"].launch_id)]
    assert [f["id"] for f in dmitri["landings"]] == [history["down"].id]
    assert dmitri["spacewalks"] == []
    alice = get(client, "/2.3.0/astronauts/1/")
    (walk,) = alice["spacewalks"]
    assert (walk["name"], walk["duration"], walk["response_mode"]) == ("Alice's walk", "PT6H30M", "list")
    assert [c["astronaut"]["id"] for c in walk["crew"]] == [1]
    assert get(client, "/2.3.0/astronauts/1/?mode=list")["response_mode"] == "list"


def test_modes(db, client, history):
    assert get(client, "/2.3.0/astronauts/")["results"][0]["response_mode"] == "normal"
    assert get(client, "/2.3.0/astronauts/?mode=list")["results"][0]["response_mode"] == "list"
    assert "flights_count" not in get(client, "/2.3.0/astronauts/?mode=list")["results"][0]
    get(client, "/2.3.0/astronauts/?mode=full", status=400)


FILTERS = [
    ("age=54", [1]),
    ("age__gt=54", [3]),
    ("age__gte=54", [1, 3]),
    ("age__lt=49", [2]),
    ("age__lte=49", [2, 4]),
    ("agency_ids=9001", [1, 3]),
    ("agency_ids=9001,9002", [1, 2, 3, 4]),
    ("date_of_birth=1970-06-15", [1]),
    ("date_of_birth__gt=1975-05-05", [2]),
    ("date_of_birth__gte=1975-05-05", [2, 4]),
    ("date_of_birth__lt=1970-06-15", [3]),
    ("date_of_birth__lte=1970-06-15", [1, 3]),
    ("date_of_death=2010-02-01", [3]),
    ("date_of_death__gt=2010-02-01", []),
    ("date_of_death__gte=2010-02-01", [3]),
    ("date_of_death__lt=2010-02-02", [3]),
    ("date_of_death__lte=2010-01-31", []),
    ("first_flight=2020-01-01T00:00:00Z", [1]),
    ("first_flight__gt=2020-01-01T00:00:00Z", [2, 4]),
    ("first_flight__gte=2024-06-01T00:00:00Z", [2, 4]),
    ("first_flight__lt=2024-06-01", [1]),
    ("first_flight__lte=2024-06-01", [1, 4]),
    ("flights_count=1", [1, 2, 4]),
    ("flights_count__gt=0", [1, 2, 4]),
    ("flights_count__gte=1", [1, 2, 4]),
    ("flights_count__lt=1", [3, 5]),
    ("flights_count__lte=0", [3, 5]),
    ("has_flown=true", [1, 2, 4]),
    ("has_flown=FALSE", [3, 5]),
    ("in_space=true", [2]),
    ("in_space=0", [1, 3, 4, 5]),
    ("is_human=false", [5]),
    ("is_human=1", [1, 2, 3, 4]),
    ("landings_count=1", [1, 4]),
    ("landings_count__gt=0", [1, 4]),
    ("landings_count__gte=1", [1, 4]),
    ("landings_count__lt=1", [2, 3, 5]),
    ("landings_count__lte=0", [2, 3, 5]),
    ("last_flight=2024-12-01T00:00:00Z", [2]),
    ("last_flight__gt=2024-06-01T00:00:00Z", [2]),
    ("last_flight__gte=2024-06-01T00:00:00Z", [2, 4]),
    ("last_flight__lt=2024-12-01T00:00:00Z", [1, 4]),
    ("last_flight__lte=2020-01-01T00:00:00Z", [1]),
    ("nationality=russian", [2, 4]),
    ("nationality=American", [1, 3, 4]),
    ("status_ids=2", [3]),
    ("status_ids=1,3", [1, 2, 4, 5]),
    ("type__id=3", [5]),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters(db, client, history, query, expected):
    assert ids(client, query) == expected


def test_every_documented_filter_is_tested():
    from tests.conformance import _spec

    documented = {
        p["name"]
        for p in _spec()["paths"]["/2.3.0/astronauts/"]["get"]["parameters"]
        if p["name"] not in ("limit", "offset", "ordering", "search", "mode", "format")
    }
    assert len(documented) == 42
    assert documented == {q.split("=")[0] for q, _ in FILTERS}


BAD = [
    "age=old",
    "age__gt=1.5",
    "agency_ids=nasa",
    "agency_ids=1,-2",
    "date_of_birth=1970-13-01",
    "date_of_death__lt=yesterday",
    "first_flight=2020-01-01T25:00",
    "last_flight__gte=soon",
    "flights_count__lte=many",
    "has_flown=maybe",
    "in_space=yes",
    "is_human=2",
    "landings_count=1e3",
    "landings_count__gt=99999999999",
    "status_ids=active",
    "type__id=x",
]


@pytest.mark.parametrize("query", BAD)
def test_bad_values_are_400s_naming_the_parameter(db, client, history, query):
    body = get(client, f"/2.3.0/astronauts/?{query}", status=400)
    assert query.split("=")[0] in body


ORDERINGS = [
    "age",
    "date_of_birth",
    "eva_time",
    "flights_count",
    "id",
    "landings_count",
    "last_flight",
    "name",
    "spacewalks_count",
    "status",
    "time_in_space",
]


def _expected_order(field, descending):
    column = "status_id" if field == "status" else field
    rows = list(models.Astronaut.objects.values_list(column, "id"))
    present = sorted((r for r in rows if r[0] is not None), reverse=descending)
    missing = sorted((r for r in rows if r[0] is None), reverse=descending)
    return [i for _, i in (missing + present if descending else present + missing)]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("field", ORDERINGS)
def test_orderings(db, client, history, field, descending):
    query = f"ordering={'-' if descending else ''}{field}"
    assert ids(client, query) == _expected_order(field, descending)


@pytest.mark.parametrize(
    ("term", "expected"),
    [("walker", [1]), ("nasa", [1, 3]), ("roscosmos", [2, 4]), ("RUSSIAN", [2, 4]), ("laika", [5])],
)
def test_search(db, client, history, term, expected):
    assert ids(client, f"search={term}") == expected


def test_lookups(db, client, history):
    assert get(client, "/2.3.0/config/astronaut_statuses/")["results"] == [
        {"id": 1, "name": "Active"},
        {"id": 2, "name": "Retired"},
        {"id": 3, "name": "Deceased"},
    ]
    assert get(client, "/2.3.0/config/astronaut_types/3/") == {"id": 3, "name": "Non-Human"}
    roles = get(client, "/2.3.0/config/astronaut_roles/?ordering=-role")["results"]
    assert roles == [{"id": 1, "role": "Commander", "priority": 0}]
