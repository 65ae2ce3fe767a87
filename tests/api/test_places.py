"""GET /2.3.0/pads/, /locations/ and /celestial_bodies/ (and /programs/' modes): every filter the official
file lists, with a 400 for bad values, every ordering and search field, detailed nesting, and import."""

import pytest

from hangar.catalog.models import CelestialBodyType, Program, ProgramType
from hangar.catalog.signals import batched
from tests import factories
from tests.http import get, ids
from tests.openapi import errors
from tests.round_trip import round_trip

# id, name, location, latitude, longitude, agencies, total_launch_count, orbital_launch_attempt_count
PADS = [
    (11, "LC-39A", 27, 28.6, -80.6, [1], 200, 190),
    (12, "SLC-40", 12, 28.56, -80.57, [1, 2], 300, 299),
    (31, "Site 1/5", 15, 45.9, 63.3, [3], 500, 480),
    (139, "LC-39B", 27, 28.62, -80.62, [], 10, 10),
    (5, "Site 31/6", 15, None, None, [3], None, None),
]
# id, name, country, total_launch_count, total_landing_count
LOCATIONS = [
    (27, "Kennedy Space Center, FL, USA", "USA", 250, 5),
    (12, "Cape Canaveral SFS, FL, USA", "USA", 1000, 60),
    (15, "Baikonur Cosmodrome, Republic of Kazakhstan", "KAZ", 1500, None),
]


@pytest.fixture
def places(db):
    with batched():
        planet, moon = (
            CelestialBodyType.objects.create(id=i, name=n) for i, n in [(1, "Planet"), (2, "Moon")]
        )
        earth = factories.CelestialBodyFactory(id=1, name="Earth", type=planet)
        factories.CelestialBodyFactory(id=2, name="Moon", type=moon)
        countries = {
            code: factories.CountryFactory(id=n, alpha_3_code=code, name=name)
            for n, code, name in [(1, "USA", "United States"), (2, "KAZ", "Kazakhstan")]
        }
        agencies = {n: factories.AgencyFactory(id=n) for n in (1, 2, 3)}
        locations = {
            id_: factories.LocationFactory(
                id=id_,
                name=name,
                celestial_body=earth,
                country=countries[code],
                total_launch_count=launches,
                total_landing_count=landings,
            )
            for id_, name, code, launches, landings in LOCATIONS
        }
        for id_, name, location, lat, lon, owners, total, orbital in PADS:
            factories.PadFactory(
                id=id_,
                name=name,
                location=locations[location],
                country=locations[location].country,
                latitude=lat,
                longitude=lon,
                agencies=[agencies[n] for n in owners],
                total_launch_count=total,
                orbital_launch_attempt_count=orbital,
            )
        program_type = ProgramType.objects.create(id=1, name="Human Exploration")
        for id_, name in [(1, "Apollo"), (2, "Artemis")]:
            Program.objects.create(id=id_, name=name, type=program_type)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [5, 11, 12, 31, 139]),
        ("agencies_ids=1", [11, 12]),
        ("agencies_ids=1,3", [5, 11, 12, 31]),  # each pad once, though pad 12 has two of them
        ("agencies_ids=2,", [12]),
        ("agencies_ids=9", []),
        ("id=31", [31]),
        ("id__contains=3", [31, 139]),
        ("id__contains=1", [11, 12, 31, 139]),
        ("latitude__gt=28.6", [31, 139]),
        ("latitude__gte=28.6", [11, 31, 139]),
        ("latitude__lt=28.6", [12]),
        ("latitude__lte=28.6", [11, 12]),
        ("longitude__gt=0", [31]),
        ("longitude__gte=-80.57", [12, 31]),
        ("longitude__lt=-80.6", [139]),
        ("longitude__lte=-80.6", [11, 139]),
        ("location__id=27", [11, 139]),
        ("location__name=Kennedy%20Space%20Center,%20FL,%20USA", [11, 139]),
        ("location__name=Kennedy", []),
        ("location__name__contains=Cosmo", [5, 31]),
        ("location__name__contains=cosmo", []),  # case-sensitive, as upstream's
        ("name=LC-39A", [11]),
        ("name__contains=39", [11, 139]),
        ("name__contains=Site", [5, 31]),
        ("name__contains=site", []),
        ("orbital_launch_attempt_count=190", [11]),
        ("orbital_launch_attempt_count__gt=190", [12, 31]),
        ("orbital_launch_attempt_count__gte=190", [11, 12, 31]),
        ("orbital_launch_attempt_count__lt=190", [139]),
        ("orbital_launch_attempt_count__lte=190", [11, 139]),
        ("total_launch_count=300", [12]),
        ("total_launch_count__gt=200", [12, 31]),
        ("total_launch_count__gte=200", [11, 12, 31]),
        ("total_launch_count__lt=200", [139]),
        ("total_launch_count__lte=200", [11, 139]),
        ("location__id=27&name__contains=B", [139]),
        ("search=39A", [11]),
        ("search=baikonur", [5, 31]),  # the location's name
        ("search=lc%2039", [11, 139]),  # every term must match
        ("search=299", [12]),  # the counts are searched as text, as upstream does
        ("search=19", [11]),
        ("ordering=-id", [139, 31, 12, 11, 5]),
        ("ordering=location__id", [12, 5, 31, 11, 139]),
        ("ordering=location__name", [5, 31, 12, 11, 139]),
        ("ordering=name", [11, 139, 12, 31, 5]),
        ("ordering=-name", [5, 31, 12, 139, 11]),
        ("ordering=orbital_launch_attempt_count", [139, 11, 12, 31, 5]),
        ("ordering=-orbital_launch_attempt_count", [5, 31, 12, 11, 139]),
        ("ordering=total_launch_count", [139, 11, 12, 31, 5]),
        ("ordering=-total_launch_count", [5, 31, 12, 11, 139]),
        ("ordering=latitude", [5, 11, 12, 31, 139]),  # not an ordering field: ignored
        ("mode=detailed", [5, 11, 12, 31, 139]),  # one shape, no modes: ignored, as upstream does
    ],
)
def test_pad_filters_search_and_ordering(client, places, query, expected):
    assert ids(client, f"/2.3.0/pads/?{query}") == expected


@pytest.mark.parametrize(
    "param",
    [
        "agencies_ids=a",
        "agencies_ids=1,-2",
        "id=x",
        "id__contains=-1",
        "latitude__gt=north",
        "latitude__gte=nan",
        "latitude__lt=inf",
        "longitude__lte=1e",
        "location__id=abc",
        "orbital_launch_attempt_count=1.5",
        "orbital_launch_attempt_count__lt=x",
        "total_launch_count__gt=99999999999",
    ],
)
def test_bad_pad_filter_values_are_a_400_naming_the_parameter(client, places, param):
    assert list(get(client, f"/2.3.0/pads/?{param}", status=400)) == [param.split("=")[0]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [12, 15, 27]),
        ("country_code=USA", [12, 27]),
        ("country_code=kaz", [15]),
        ("country_code=USA,KAZ", [12, 15, 27]),
        ("id=15", [15]),
        ("name=Kennedy%20Space%20Center,%20FL,%20USA", [27]),
        ("name__contains=Cape", [12]),
        ("name__contains=cape", []),
        ("total_landing_count=5", [27]),
        ("total_landing_count__gt=5", [12]),
        ("total_landing_count__gte=5", [12, 27]),
        ("total_landing_count__lt=60", [27]),
        ("total_landing_count__lte=60", [12, 27]),
        ("total_launch_count=250", [27]),
        ("total_launch_count__gt=250", [12, 15]),
        ("total_launch_count__gte=250", [12, 15, 27]),
        ("total_launch_count__lt=1000", [27]),
        ("total_launch_count__lte=1000", [12, 27]),
        ("search=usa", [12, 27]),
        ("search=kaz", [15]),  # the country code and the name
        ("search=cosmodrome", [15]),
        ("ordering=total_landing_count", [27, 12, 15]),
        ("ordering=-total_landing_count", [15, 12, 27]),
        ("ordering=total_launch_count", [27, 12, 15]),
        ("ordering=-total_launch_count", [15, 12, 27]),
        ("ordering=name", [12, 15, 27]),  # not an ordering field: ignored
    ],
)
def test_location_filters_search_and_ordering(client, places, query, expected):
    assert ids(client, f"/2.3.0/locations/?{query}") == expected


@pytest.mark.parametrize(
    "param", ["country_code=US", "id=x", "total_landing_count=a", "total_launch_count__gte=1.5", "mode=list"]
)
def test_bad_location_values_are_a_400_naming_the_parameter(client, places, param):
    assert list(get(client, f"/2.3.0/locations/?{param}", status=400)) == [param.split("=")[0]]


def test_a_detailed_location_lists_its_pads_without_their_location(client, places):
    body = get(client, "/2.3.0/locations/27/")
    assert body["response_mode"] == "detailed"
    assert [p["id"] for p in body["pads"]] == [11, 139]
    assert errors("LocationSerializerWithPads", body) == []
    assert "location" not in body["pads"][0]
    assert get(client, "/2.3.0/locations/27/?mode=normal")["response_mode"] == "normal"
    assert "pads" not in get(client, "/2.3.0/locations/27/?mode=normal")


def test_a_pad_nests_its_location_and_agencies(client, places):
    body = get(client, "/2.3.0/pads/12/")
    assert body["location"]["id"] == 12
    assert [a["id"] for a in body["agencies"]] == [1, 2]
    assert errors("Pad", body) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 2]),
        ("search=moon", [2]),
        ("search=planet", [1]),  # the type's name
        ("ordering=-name", [2, 1]),
        ("ordering=-id", [2, 1]),
        ("mode=list", [1, 2]),
    ],
)
def test_celestial_body_search_and_ordering(client, places, query, expected):
    assert ids(client, f"/2.3.0/celestial_bodies/?{query}") == expected


def test_celestial_body_modes(client, places):
    assert get(client, "/2.3.0/celestial_bodies/?mode=list")["results"][0] == {
        "response_mode": "list",
        "id": 1,
        "name": "Earth",
    }
    detailed = get(client, "/2.3.0/celestial_bodies/1/")
    assert detailed["response_mode"] == "detailed"
    assert [loc["id"] for loc in detailed["locations"]] == [12, 15, 27]
    assert errors("CelestialBodyEndpointDetailed", detailed) == []
    assert get(client, "/2.3.0/celestial_bodies/2/")["locations"] == []
    assert get(client, "/2.3.0/celestial_bodies/?mode=detailed", status=200)["count"] == 2
    assert list(get(client, "/2.3.0/celestial_bodies/?mode=full", status=400)) == ["mode"]


def test_program_modes_and_ordering(client, places):
    assert ids(client, "/2.3.0/programs/?ordering=-name") == [2, 1]
    mini = get(client, "/2.3.0/programs/?mode=list")["results"][0]
    assert mini["response_mode"] == "list" and "agencies" not in mini
    assert get(client, "/2.3.0/programs/1/")["response_mode"] == "normal"
    assert get(client, "/2.3.0/programs/1/?mode=list")["response_mode"] == "list"


PAGES = [  # richest first, so a leaner shape never comes before the one that says more
    "/2.3.0/celestial_bodies/?mode=detailed",
    "/2.3.0/locations/?mode=detailed",
    "/2.3.0/pads/",
    "/2.3.0/locations/",
    "/2.3.0/celestial_bodies/",
    "/2.3.0/celestial_bodies/?mode=list",
]


def test_every_page_and_mode_round_trips_through_import(client, places, tmp_path, public_url):
    urls = [f"{url}{'&' if '?' in url else '?'}format=json" for url in PAGES]
    urls += ["/2.3.0/pads/11/?format=json", "/2.3.0/locations/27/?format=json"]
    # Celestial bodies carry no url to be recognised by.
    before, after = round_trip(
        client, urls, tmp_path, lambda url: "celestial_bodies" if "celestial" in url else None
    )
    assert after == before
