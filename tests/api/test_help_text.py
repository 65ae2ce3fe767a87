"""Each endpoint's help text (its view's docstring and the closing sections every endpoint shares, on the
browsable page) is upstream's, word for word."""

import json

import pytest
from django.urls import resolve
from rest_framework.utils.formatting import dedent

from hangar.api.views.base import CLOSING_HELP
from hangar.api.views.config import CONFIG_LOOKUPS
from tests.endpoints import ENDPOINTS
from tests.openapi import OPENAPI_FILE

PATHS = [
    "/2.3.0/spacecraft/",
    "/2.3.0/spacecraft_configurations/",
    "/2.3.0/spacecraft_configuration_families/",
    "/2.3.0/config/spacecraft_statuses/",
    "/2.3.0/config/spacecraft_configuration_types/",
    "/2.3.0/agencies/",
    "/2.3.0/pads/",
    "/2.3.0/locations/",
    "/2.3.0/celestial_bodies/",
    "/2.3.0/programs/",
    "/2.3.0/launcher_configurations/",
    "/2.3.0/launcher_configuration_families/",
    "/2.3.0/docking_events/",
    "/2.3.0/spacewalks/",
    "/2.3.0/payloads/",
    "/2.3.0/payload_flights/",
    "/2.3.0/events/",
    "/2.3.0/events/upcoming/",
    "/2.3.0/events/previous/",
    *(f"/2.3.0/config/{path}/" for path in CONFIG_LOOKUPS),
]


def _paragraphs(text: str) -> list[list[str]]:
    # Long lines are wrapped in the docstrings; Markdown joins a paragraph's lines, so within a paragraph
    # only the words count.
    blocks, current = [], []
    for line in text.strip().splitlines():
        if line.strip():
            current += line.split()
        elif current:
            blocks.append(current)
            current = []
    return [*blocks, current]


@pytest.mark.parametrize("path", PATHS)
def test_list_and_detail_help_is_the_official_description(path):
    paths = json.loads(OPENAPI_FILE.read_text())["paths"]
    match = resolve(path)
    view = match.func.cls(**match.func.initkwargs)
    for official in (path, f"{path}{{id}}/"):
        assert _paragraphs(view.get_view_description()) == _paragraphs(paths[official]["get"]["description"])


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.prefix)
def test_no_view_restates_the_closing_sections_every_endpoint_shares(endpoint):
    # The base viewset appends them once, with the endpoint's own path.
    assert "#### Number of results" not in (endpoint.viewset.__doc__ or "")
    if endpoint.lists:
        view = endpoint.viewset(basename=endpoint.basename)
        closing = dedent(CLOSING_HELP.format(path=endpoint.path.removeprefix("/2.3.0")))
        assert view.get_view_description().endswith(closing)
