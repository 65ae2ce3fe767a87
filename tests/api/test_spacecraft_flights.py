"""Detailed spacecraft and /2.3.0/spacecraft_flights/: strict schema validation, filters, query counts."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hangar.catalog import models, stats
from hangar.catalog.signals import batched
from hangar.ingest.importing import ImportFailed, import_paths
from tests import factories
from tests.api.test_no_server_errors import VALUES
from tests.conftest import DATA
from tests.http import get
from tests.openapi import errors
from tests.shared import shared_data

PARAMS = ["spacecraft", "search", "ordering", "limit", "offset", "mode", "format", "id", "in_space", "status"]


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


LAUNCHER_FILE = DATA / "constructed" / "launcher_configuration_164.json"


def _dress(launch):
    """Give a launch every optional part LaunchNormal has: rocket, program, reading and video links."""
    rocket = models.Rocket.objects.create(id=launch.mission_id, configuration_id=164)
    models.Launch.objects.filter(pk=launch.pk).update(rocket=rocket, image=factories.ImageFactory())
    launch.program.set([25])
    kind = models.InfoURLType.objects.get_or_create(id=1, name="Official")[0]
    language = models.Language.objects.get_or_create(id=1, name="English", code="en")[0]
    models.InfoURL.objects.create(
        mission_id=launch.mission_id, position=0, url="https://example.org/a", type=kind
    )
    models.VidURL.objects.create(
        mission_id=launch.mission_id,
        position=0,
        url="https://example.org/v",
        language=language,
        start_time=utc(2020, 1, 1),
    )


def _build_history():
    """One spacecraft flown twice (with crews and a docking), one never flown, one in space now."""
    with batched():
        first, second, target = _fly()
    stats.refresh([1, 2, 3, target.spacecraft_id], now=NOW)
    return first, second


def _fly():
    import_paths([str(LAUNCHER_FILE)])
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
    _dress(first.launch)
    commander.astronaut.social_media_links.set(
        [
            models.SocialMediaLink.objects.create(
                id=1, social_media=models.SocialMedia.objects.first(), url=None
            )
        ]
    )
    return first, second, target


_history = shared_data(_build_history)


@pytest.fixture
def history(db, _history):
    return _history


def test_the_fast_path_gives_drfs_bytes_for_crews_and_every_docking_target(client, history):
    from hangar.api.renderers import PreRendered
    from tests.api.test_fast_render import compare

    for url in (
        "/2.3.0/spacecraft/?mode=detailed&limit=100",
        "/2.3.0/spacecraft_flights/?mode=detailed&limit=100",
        "/2.3.0/spacecraft_flights/?limit=100",
        *(f"/2.3.0/spacecraft_flights/{pk}/" for pk in (10, 11, 12, 13)),
        *(f"/2.3.0/spacecraft/{pk}/" for pk in (1, 2, 3)),
    ):
        fast, _ = compare(client, url)
        assert fast.status_code == 200 and isinstance(fast.data, PreRendered), url
    first = client.get("/2.3.0/spacecraft_flights/10/").json()
    assert first["launch_crew"] and first["landing_crew"] and first["docking_events"]


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


# --- import: what we serve can be imported back, and gives the same responses ----------------------------

ROUND_TRIP = [
    "/2.3.0/spacecraft/1/?format=json",
    "/2.3.0/spacecraft/3/?format=json",
    "/2.3.0/spacecraft_flights/?format=json&mode=detailed&limit=100",
    "/2.3.0/spacecraft_flights/11/?format=json",
]


def _wipe():
    for model in (
        models.DockingEvent,
        models.SpacecraftFlight,
        models.AstronautFlight,
        models.Astronaut,
        models.Launch,
        models.Rocket,
        models.Mission,
        models.Landing,
        models.Spacecraft,
    ):
        model.objects.all().delete()


def test_detailed_objects_and_flight_pages_import_back_identically(client, history, tmp_path, public_url):
    before = {url: get(client, url) for url in ROUND_TRIP}
    for i, url in enumerate(ROUND_TRIP):
        (tmp_path / f"{i}.json").write_text(json.dumps(before[url]))
    _wipe()
    assert get(client, "/2.3.0/spacecraft_flights/")["count"] == 0
    import_paths([str(tmp_path)])
    stats.recompute(now=NOW)  # the import computed with the real clock; compare at the fixture's
    after = {url: get(client, url) for url in ROUND_TRIP}
    for url in ROUND_TRIP:
        assert json.dumps(after[url]) == json.dumps(before[url]), url


@pytest.mark.parametrize("url", ROUND_TRIP)
def test_reimport_is_idempotent(client, history, tmp_path, public_url, url):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(get(client, url)))
    import_paths([str(path)])
    summary = import_paths([str(path)])
    changed = [line for line in summary.lines() if " 0 created, 0 updated" not in line]
    assert changed == []


def test_a_bad_nested_value_names_its_path_and_changes_nothing(client, history, tmp_path):
    body = get(client, ROUND_TRIP[3])
    body["launch"]["net"] = "soon"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(body))
    with pytest.raises(ImportFailed, match=r"\$\.launch\.net: expected a date-time"):
        import_paths([str(path)])
    body["launch"]["net"] = None
    path.write_text(json.dumps(body))
    with pytest.raises(ImportFailed, match=r"\$\.launch\.net: may not be null"):
        import_paths([str(path)])


def test_a_normal_page_does_not_override_derived_values_once_flights_are_known(client, history, tmp_path):
    page = get(client, "/2.3.0/spacecraft/?format=json&mode=normal")
    for craft in page["results"]:
        craft["flights_count"] = 42
        craft["time_in_space"] = "P1D"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    import_paths([str(path)])
    assert models.Spacecraft.objects.get(id=1).flights_count == 2  # derived from stored flights
    assert models.Spacecraft.objects.get(id=2).flights_count == 42  # no stored flight: imported wins


@pytest.mark.parametrize(
    ("url", "component"),
    [
        ("/2.3.0/launches/{launch}/", "LaunchDetailed"),
        ("/2.3.0/landings/{landing}/", "LandingEndpointDetailed"),
        ("/2.3.0/pads/{pad}/", "Pad"),
        ("/2.3.0/locations/{location}/", "LocationSerializerWithPads"),
        ("/2.3.0/astronauts/{astronaut}/", "AstronautEndpointDetailed"),
        ("/2.3.0/space_stations/{station}/", "SpaceStationDetailedEndpoint"),
        ("/2.3.0/docking_events/20/", "DockingEventEndpointDetailed"),
    ],
)
def test_every_emitted_url_resolves_to_its_shape(client, history, url, component):
    first = history[0]
    url = url.format(
        launch=first.launch_id,
        landing=first.landing_id,
        pad=first.launch.pad_id,
        location=first.launch.pad.location_id,
        station=first.docking_events.get().space_station_target_id,
        astronaut=models.AstronautFlight.objects.get(id=100).astronaut_id,
    )
    assert errors(component, get(client, url)) == []


def test_no_url_in_a_detailed_response_is_dangling(client, history):
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str) and value.startswith("http://testserver/"):
                    found.add(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(get(client, "/2.3.0/spacecraft_flights/?mode=detailed&limit=100"))
    walk(get(client, "/2.3.0/spacecraft/?mode=detailed&limit=100"))
    assert len(found) > 20
    for url in sorted(found):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "path", ["/2.3.0/spacecraft_flights/", "/2.3.0/spacecraft_flights/10/", "/2.3.0/launches/x/"]
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(st.sampled_from(PARAMS), VALUES), max_size=4))
def test_no_query_string_yields_a_5xx(client, history, path, query):
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
