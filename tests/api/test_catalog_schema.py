"""Hangar's OpenAPI schema documents the catalog endpoints with their modes and upstream's parameters."""

import json

import pytest
import yaml

from tests.openapi import OPENAPI_FILE

ENDPOINTS = {
    "/2.3.0/agencies/": (
        ["list", "normal", "detailed"],
        {"country_code", "spacecraft", "parent__id", "type__id"},
    ),
    "/2.3.0/spacecraft_configurations/": (
        ["normal", "detailed"],
        {"agency", "human_rated", "in_use", "name"},
    ),
    "/2.3.0/spacecraft_configuration_families/": (["list", "normal", "detailed"], {"manufacturer", "name"}),
    "/2.3.0/config/spacecraft_statuses/": (None, {"limit", "offset", "ordering", "search"}),
    "/2.3.0/config/spacecraft_configuration_types/": (None, {"limit", "offset", "ordering", "search"}),
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/2.3.0/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_list_and_detail_are_documented(schema, path):
    modes, parameters = ENDPOINTS[path]
    for operation_path, default in ((path, "normal"), (f"{path}{{id}}/", "detailed")):
        operation = schema["paths"][operation_path]["get"]
        documented = {p["name"]: p for p in operation.get("parameters", [])}
        if modes:
            assert sorted(documented["mode"]["schema"]["enum"]) == sorted(modes)
            assert documented["mode"]["schema"]["default"] == default
        else:
            assert "mode" not in documented
        if operation_path == path:
            assert parameters <= set(documented)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_official_query_parameter_is_documented(schema, path):
    official = json.loads(OPENAPI_FILE.read_text())["paths"][path]["get"]["parameters"]
    documented = {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}
    for parameter in official:
        if parameter["in"] == "query":
            assert documented[parameter["name"]] == parameter["schema"], parameter["name"]
