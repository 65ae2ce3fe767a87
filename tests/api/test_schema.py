"""Hangar's own OpenAPI schema: generated without errors, documenting every mode parameter."""

import yaml


def test_schema_lists_the_spacecraft_endpoint_with_its_modes(client, db):
    response = client.get("/2.3.0/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    operation = schema["paths"]["/2.3.0/spacecraft/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert {"in_space", "is_placeholder", "name", "spacecraft_config", "status", "search", "ordering"} <= set(
        parameters
    )
    assert parameters["mode"]["schema"]["default"] == "normal"
    assert "#### Filters" in operation["description"]
