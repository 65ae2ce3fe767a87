"""GET /2.3.0/landings/: modes, a landing of each thing that lands (a first stage, a spacecraft, a
payload) and one of nothing stored, every filter of the official file with a 400 for bad values, every
search and ordering field, and the import round trip."""

import datetime as dt

import pytest

from hangar.catalog.models import FirstStage, LandingType, Launcher, LauncherConfig, Rocket
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import item_component, problems
from tests.http import get, ids
from tests.round_trip import round_trip

URL = "/2.3.0/landings/"
STARLINK = "11111111-1111-4111-8111-111111111111"
CREW_1 = "22222222-2222-4222-8222-222222222222"
CARGO = "33333333-3333-4333-8333-333333333333"


@pytest.fixture
def landings(db):
    """Landing 1 ends a Falcon 9 first stage's flight, 2 a Crew Dragon's, 3 a payload's; 4 is a landing
    nothing stored made."""
    with batched():
        spacex = factories.AgencyFactory(id=121, name="SpaceX", abbrev="SpX")
        asds = LandingType.objects.create(id=2, name="Autonomous Spaceport Drone Ship", abbrev="ASDS")
        parachute = factories.LandingTypeFactory(id=1)
        drone_ship = factories.LandingLocationFactory(
            id=10, name="Of Course I Still Love You", abbrev="OCISLY"
        )
        ocean = factories.LandingLocationFactory(id=11, name="Atlantic Ocean", abbrev="ATL")
        landing = {
            1: factories.LandingFactory(
                id=1, success=True, downrange_distance=600.5, landing_location=drone_ship, type=asds
            ),
            2: factories.LandingFactory(id=2, success=False, landing_location=ocean, type=parachute),
            3: factories.LandingFactory(
                id=3,
                attempt=False,
                success=None,
                downrange_distance=12.0,
                landing_location=ocean,
                type=parachute,
            ),
            4: factories.LandingFactory(
                id=4, downrange_distance=30.0, landing_location=ocean, type=parachute
            ),
        }
        falcon = LauncherConfig.objects.create(id=164, name="Falcon 9", manufacturer=spacex)
        rocket = Rocket.objects.create(id=7, configuration=falcon)
        factories.LaunchFactory(id=STARLINK, name="Falcon 9 Block 5 | Starlink Group 6-1", rocket=rocket)
        core = Launcher.objects.create(id=5, serial_number="B1062", launcher_config=falcon, flights=3)
        FirstStage.objects.create(id=70, rocket=rocket, launcher=core, landing=landing[1])
        dragon_config = factories.SpacecraftConfigFactory(id=30, name="Crew Dragon")
        dragon = factories.SpacecraftFactory(
            id=40, name="Crew Dragon Resilience", serial_number="C207", spacecraft_config=dragon_config
        )
        crew_1 = factories.LaunchFactory(id=CREW_1, name="Falcon 9 Block 5 | Crew-1")
        factories.SpacecraftFlightFactory(
            id=50,
            spacecraft=dragon,
            launch=crew_1,
            landing=landing[2],
            mission_end=crew_1.net + dt.timedelta(days=167),
        )
        cargo = factories.LaunchFactory(id=CARGO, name="Electron | Return to Sender")
        factories.PayloadFlightFactory(id=60, launch=cargo, landing=landing[3])


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_every_mode_lists_and_details_its_component(client, landings, mode):
    page = get(client, f"{URL}?mode={mode}")
    assert [r["id"] for r in page["results"]] == [1, 2, 3, 4]
    for row in page["results"]:
        assert problems(item_component("landings", mode), row) == []
        assert get(client, f"{URL}{row['id']}/?mode={mode}") == row


def test_lists_default_to_normal_and_details_to_detailed(client, landings):
    assert {r["response_mode"] for r in get(client, URL)["results"]} == {"normal"}
    assert get(client, f"{URL}1/")["response_mode"] == "detailed"


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_each_landing_shows_what_landed_without_its_landing(client, landings, mode):
    rows = {r["id"]: r for r in get(client, f"{URL}?mode={mode}")["results"]}
    landed = {
        i: [k for k in ("firststage", "spacecraftflight", "payloadflight") if r[k]] for i, r in rows.items()
    }
    assert landed == {1: ["firststage"], 2: ["spacecraftflight"], 3: ["payloadflight"], 4: []}
    stage, flight, payload = rows[1]["firststage"], rows[2]["spacecraftflight"], rows[3]["payloadflight"]
    assert (stage["id"], stage["launcher"]["serial_number"]) == (70, "B1062")
    assert (flight["id"], flight["spacecraft"]["name"]) == (50, "Crew Dragon Resilience")
    assert (payload["id"], payload["launch"]["name"]) == (60, "Electron | Return to Sender")
    for nested in (stage, flight, payload):
        assert "landing" not in nested


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("attempt=true", [1, 2, 4]),
        ("attempt=false", [3]),
        ("success=true", [1, 4]),
        ("success=false", [2]),
        (f"firststage_launch__ids={STARLINK}", [1]),
        (f"firststage_launch__ids={CREW_1}", []),
        ("landing_location__ids=10", [1]),
        ("landing_location__ids=10,11", [1, 2, 3, 4]),
        ("landing_type__ids=2", [1]),
        ("landing_type__ids=1", [2, 3, 4]),
        ("launcher__ids=5", [1]),
        ("launcher__ids=6", []),
        ("launcher_config__ids=164", [1]),
        ("launcher_serial_numbers=B1062", [1]),
        ("launcher_serial_numbers=B1048,B1062", [1]),
        ("launcher_serial_numbers=b1062", []),
        ("spacecraft__ids=40", [2]),
        ("spacecraft_config__ids=30,31", [2]),
        (f"spacecraft_launch__ids={CREW_1},{STARLINK}", [2]),
        ("ordering=downrange_distance", [3, 4, 1, 2]),  # nulls last ascending, first descending
        ("ordering=-downrange_distance", [2, 1, 4, 3]),
        ("ordering=-id", [4, 3, 2, 1]),
    ],
)
def test_filters_and_ordering(client, landings, query, expected):
    assert ids(client, f"{URL}?{query}") == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("falcon 9", [1, 2]),  # the first stage's launcher configuration; Crew-1's launch name
        ("b1062", [1]),  # its launcher's serial number
        ("starlink", [1]),  # the launch it flew
        ("ocisly", [1]),  # landing location abbrev
        ("atlantic", [2, 3, 4]),  # landing location name
        ("crew-1", [2]),  # the spacecraft flight's launch
        ("resilience", [2]),  # its spacecraft
        ("c207", [2]),  # the spacecraft's serial number
        ("crew dragon", [2]),  # the spacecraft's configuration (and name)
        ("return to sender", []),  # a payload flight's launch is not searched
    ],
)
def test_search(client, landings, term, expected):
    assert ids(client, f"{URL}?search={term}") == expected


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("attempt", "maybe"),
        ("success", "2"),
        ("firststage_launch__ids", "not-a-uuid"),
        ("landing_location__ids", "x"),
        ("landing_type__ids", "1,x"),
        ("launcher__ids", "-1"),
        ("launcher_config__ids", "1.5"),
        ("spacecraft__ids", "abc"),
        ("spacecraft_config__ids", "9" * 30),
        ("spacecraft_launch__ids", f"{CREW_1},nope"),
        ("mode", "nope"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(client, landings, param, value):
    assert list(get(client, f"{URL}?{param}={value}", status=400)) == [param]


def test_every_page_and_mode_round_trips_through_import(client, landings, tmp_path, public_url):
    """A landing's first stage is stored from its launch (the landings endpoint omits its rocket): the
    launches come first, then the landings in every mode."""
    launches = [f"/2.3.0/launches/{pk}/?format=json" for pk in (STARLINK, CREW_1, CARGO)]
    pages = [f"{URL}?mode={mode}&format=json" for mode in ("detailed", "normal", "list")]
    before, after = round_trip(client, [*launches, *pages], tmp_path)
    assert {url: after[url] for url in pages} == {url: before[url] for url in pages}


def test_a_stage_first_seen_on_a_landing_page_waits_for_its_launch(client, landings, tmp_path):
    """The landings endpoint does not name a stage's rocket: a stage not stored yet is skipped with a
    warning, the rest of the page is stored, and the stage's launch stores it with its landing."""
    from hangar.ingest.generate import clear_catalog
    from hangar.ingest.importing import import_paths

    page, launch = tmp_path / "landings.json", tmp_path / "launch.json"
    page.write_bytes(client.get(f"{URL}?format=json&mode=detailed").content)
    launch.write_bytes(client.get(f"/2.3.0/launches/{STARLINK}/?format=json").content)
    before = get(client, f"{URL}1/")
    clear_catalog()
    summary = import_paths([str(page)])
    assert any("FirstStage 70" in line for line in summary.warnings)
    assert ids(client, URL) == [1, 2, 3, 4]
    assert get(client, f"{URL}1/")["firststage"] is None
    import_paths([str(launch)])
    assert get(client, f"{URL}1/") == before
