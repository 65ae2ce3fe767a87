"""Shared fixtures: an API client, the imported seed page, and the recorded upstream JSON."""

import json
import os
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from rest_framework.test import APIClient

from hangar.api.rendering import forget_fragments
from hangar.ingest.importing import import_paths

DATA = Path(__file__).parent / "data"
SEED_FILE = DATA / "seed_spacecraft_page.json"
REDIS_URL = os.environ.get("HANGAR_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


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


@pytest.fixture
def redis_cache(settings):
    """The real Redis, under a key prefix of this test's own."""
    prefix = f"hangar-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    server = redis.Redis.from_url(REDIS_URL)
    yield server, prefix
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)
