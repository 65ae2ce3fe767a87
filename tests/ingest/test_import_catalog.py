"""``hangar import`` of every catalog endpoint's shapes: pages in every mode and single objects round-trip,
re-imports change nothing, a leaner shape never clobbers a richer one, and a bad input changes nothing."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hangar.catalog.models import Agency, LauncherConfig, SpacecraftConfig, SpacecraftConfigFamily
from hangar.ingest.generate import clear_catalog
from tests.conftest import DATA, SEED_FILE

AGENCY_FILE = DATA / "constructed" / "agency_121.json"
# Endpoint → modes, richest first: pages are imported in this order, so leaner shapes come last.
ENDPOINTS = {
    "agencies": ["detailed", "normal", "list"],
    "spacecraft_configurations": ["detailed", "normal"],
    "spacecraft_configuration_families": ["detailed", "normal", "list"],
    "config/spacecraft_statuses": [None],
    "config/spacecraft_configuration_types": [None],
}


# Objects of these endpoints carry no url, so a file of them needs --kind.
NO_URL = (
    "spacecraft_configuration_families",
    "config/spacecraft_statuses",
    "config/spacecraft_configuration_types",
)


def kind(endpoint):
    return ["--kind", endpoint] if endpoint in NO_URL else []


def run(*args):
    err = io.StringIO()
    call_command("import", *args, stderr=err)
    return err.getvalue()


@pytest.fixture
def catalog(db, public_url):
    run(str(SEED_FILE), str(AGENCY_FILE))


def _url(endpoint, mode, suffix=""):
    return f"/2.3.0/{endpoint}/{suffix}?format=json&limit=100" + (f"&mode={mode}" if mode else "")


def snapshot(client):
    """Every list of every endpoint in every mode, and every detail in its default mode."""
    pages = {}
    for endpoint, modes in ENDPOINTS.items():
        for mode in modes:
            pages[(endpoint, mode)] = client.get(_url(endpoint, mode)).json()
            assert pages[(endpoint, mode)]["next"] is None
        for item in pages[(endpoint, modes[-1])]["results"]:
            pages[(endpoint, item["id"])] = client.get(_url(endpoint, None, f"{item['id']}/")).json()
    return pages


def test_pages_of_every_endpoint_and_mode_round_trip(client, catalog, tmp_path):
    before = snapshot(client)
    paths = []
    for n, ((endpoint, mode), body) in enumerate(before.items()):
        if isinstance(mode, int):
            continue
        path = tmp_path / f"{n:02}.json"
        path.write_text(json.dumps(body))
        paths.append((endpoint, path))
    clear_catalog()
    for endpoint, path in paths:
        run(str(path), *kind(endpoint))
    assert snapshot(client) == before


def test_single_objects_round_trip(client, catalog, tmp_path):
    before = snapshot(client)
    details = [(endpoint, body) for (endpoint, key), body in before.items() if isinstance(key, int)]
    for n, (_, body) in enumerate(details):
        (tmp_path / f"{n:03}.json").write_text(json.dumps(body))
    clear_catalog()
    for n, (endpoint, _) in enumerate(details):
        run(str(tmp_path / f"{n:03}.json"), *kind(endpoint))
    after = snapshot(client)
    for endpoint, modes in ENDPOINTS.items():
        # Each detail page is as rich as any list page of its endpoint, so nothing is lost.
        for mode in modes:
            assert after[(endpoint, mode)] == before[(endpoint, mode)], (endpoint, mode)


def test_reimport_is_idempotent(catalog):
    out = run(str(AGENCY_FILE))
    for line in out.splitlines():
        if line.startswith(("Agency:", "LauncherConfig:", "SpacecraftConfig:", "SocialMediaLink:")):
            assert " 0 created, 0 updated," in line, line


def test_leaner_shapes_never_clobber_richer_ones(client, catalog, tmp_path):
    detailed = client.get(_url("agencies", "detailed", "121/")).json()
    family = client.get(_url("spacecraft_configuration_families", "detailed", "6/")).json()
    for endpoint, mode in [
        ("agencies", "list"),
        ("agencies", "normal"),
        ("spacecraft_configuration_families", "list"),
    ]:
        path = tmp_path / "page.json"
        path.write_text(json.dumps(client.get(_url(endpoint, mode)).json()))
        run(str(path), *kind(endpoint))
    assert client.get(_url("agencies", "detailed", "121/")).json() == detailed
    assert client.get(_url("spacecraft_configuration_families", "detailed", "6/")).json() == family
    agency = Agency.objects.get(id=121)
    assert agency.total_launch_count == 500 and agency.social_media_links.count() == 1


def _update_everywhere(node, url_end, **values):
    """Change an object wherever the document nests it, as upstream's copies always agree."""
    if isinstance(node, dict):
        if str(node.get("url", "")).endswith(url_end):
            node.update((k, v) for k, v in values.items() if k in node)
        for value in node.values():
            _update_everywhere(value, url_end, **values)
    elif isinstance(node, list):
        for item in node:
            _update_everywhere(item, url_end, **values)


def test_changed_values_are_updated(client, catalog, tmp_path):
    agency = json.loads(AGENCY_FILE.read_text())
    _update_everywhere(agency, "/agencies/121/", total_launch_count=501)
    agency["spacecraft_list"][1]["crew_capacity"] = 4
    agency["launcher_list"][0]["name"] = "Falcon 9 (renamed)"
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(agency))
    out = run(str(path))
    assert Agency.objects.get(id=121).total_launch_count == 501
    assert SpacecraftConfig.objects.get(id=96).crew_capacity == 4
    assert LauncherConfig.objects.get(id=164).name == "Falcon 9 (renamed)"
    assert "Agency: 0 created, 1 updated" in out


def test_lists_set_the_relation_back_to_the_agency_and_leave_others_alone(catalog, tmp_path):
    other = LauncherConfig.objects.create(id=999, name="Other", manufacturer_id=121)
    agency = json.loads(AGENCY_FILE.read_text())
    # A launcher and a spacecraft design listed under another agency move to it...
    agency.update(id=7, name="Moved", url=agency["url"].replace("/121/", "/7/"))
    agency["social_media_links"] = []
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(agency))
    run(str(path))
    assert LauncherConfig.objects.get(id=164).manufacturer_id == 7
    assert SpacecraftConfig.objects.get(id=96).agency_id == 7
    # ...but what a list does not mention is neither moved nor deleted.
    other.refresh_from_db()
    assert other.manufacturer_id == 121


def test_a_family_page_imports_its_configurations(db, client, tmp_path, public_url):
    run(str(SEED_FILE))
    family = client.get(_url("spacecraft_configuration_families", "detailed", "2/")).json()
    clear_catalog()
    path = tmp_path / "family.json"
    path.write_text(json.dumps(family))
    run(str(path), *kind("spacecraft_configuration_families"))
    assert sorted(SpacecraftConfig.objects.values_list("id", flat=True)) == [33, 35]
    assert list(
        SpacecraftConfigFamily.objects.get(id=2).configs.order_by("id").values_list("id", flat=True)
    ) == [
        33,
        35,
    ]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda a: a["spacecraft_list"][1].pop("type"), "$.spacecraft_list[1]: missing required key 'type'"),
        (lambda a: a.update(founding_year="2002"), "$.founding_year: expected an integer"),
        (lambda a: a.update(spacecraft_list={}), "$.spacecraft_list: expected a list"),
        (lambda a: a["launcher_list"][0].update(id=None), "$.launcher_list[0].id: expected an integer"),
        (
            lambda a: a["spacecraft_list"][0]["family"][0].update(spacecraft=3),
            "family[0].spacecraft: expected a list",
        ),
    ],
)
def test_bad_input_names_the_path_and_changes_nothing(db, tmp_path, mutate, message):
    run(str(SEED_FILE))
    before = sorted(Agency.objects.values_list("id", "name", "total_launch_count"))
    agency = json.loads(AGENCY_FILE.read_text())
    mutate(agency)
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(agency))
    with pytest.raises(CommandError) as excinfo:
        run(str(path))
    assert message in str(excinfo.value) and "\n" not in str(excinfo.value)
    assert sorted(Agency.objects.values_list("id", "name", "total_launch_count")) == before
    assert not LauncherConfig.objects.exists()
