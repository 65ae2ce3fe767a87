"""Shared fixtures: an API client, the imported seed page, and the recorded upstream JSON."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from hangar.api.rendering import forget_fragments
from hangar.ingest.importing import import_paths

DATA = Path(__file__).parent / "data"
SEED_FILE = DATA / "seed_spacecraft_page.json"


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def seed_page() -> dict:
    return json.loads(SEED_FILE.read_text())


@pytest.fixture
def seed(db):
    """The seed page's 10 spacecraft and everything nested in them, imported as a user would."""
    import_paths([str(SEED_FILE)])


@pytest.fixture
def public_url(settings):
    """Absolute URLs as upstream writes them."""
    settings.PUBLIC_URL = "https://ll.thespacedevs.com"
    return settings.PUBLIC_URL


@pytest.fixture(autouse=True)
def _empty_response_cache():
    """Each test's database starts over, so no test may see another's cached pages or fragments."""
    cache.clear()
    forget_fragments()
