"""Launcher configuration, launcher family and program details: round trip of upstream shapes."""

import json

import pytest

from hangar.ingest.importing import import_paths
from tests.conftest import DATA
from tests.openapi import errors

# Constructed (not recorded) data in the exact shape of the official LauncherConfigDetailed component.
CONFIG_FILE = DATA / "constructed" / "launcher_configuration_164.json"


@pytest.fixture
def config_json():
    return json.loads(CONFIG_FILE.read_text())


@pytest.fixture
def imported(db):
    import_paths([str(CONFIG_FILE)])


def test_launcher_configuration_round_trips_exactly(client, imported, config_json, public_url):
    assert errors("LauncherConfigDetailed", config_json) == []  # the constructed input itself conforms
    body = client.get("/2.3.0/launcher_configurations/164/").json()
    assert errors("LauncherConfigDetailed", body) == []
    assert json.dumps(body) == json.dumps(config_json)


def test_family_and_program_routes_serve_their_components(client, imported, config_json, public_url):
    family = client.get("/2.3.0/launcher_configuration_families/1/").json()
    assert errors("LauncherConfigFamilyDetailed", family) == []
    assert family == config_json["families"][0]
    program = client.get(config_json["program"][0]["url"]).json()
    assert errors("ProgramNormal", program) == []
    assert program["mission_patches"] == config_json["program"][0]["mission_patches"]


def test_unknown_ids_are_a_404(client, imported):
    assert client.get("/2.3.0/programs/999/").status_code == 404
    assert client.get("/2.3.0/launcher_configurations/999/").status_code == 404
