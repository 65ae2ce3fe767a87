"""Shared fixtures: an API client, the imported seed page, a generated catalog, recorded upstream JSON."""

import datetime as dt
import json
import os
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from rest_framework.test import APIClient

from hangar.api.cache.keys import forget_cached_origins
from hangar.api.fast.fragments import forget_fragments
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths
from tests.shared import forget_planner_statistics, shared_data

DATA = Path(__file__).parent / "data"
SEED_FILE = DATA / "seed_spacecraft_page.json"
REDIS_URL = os.environ.get("HANGAR_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


# The clock generated catalogs are computed at: flights still in space count up to it.
GENERATED_AT = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)


def pytest_addoption(parser):
    parser.addoption(
        "--pin-queries", action="store_true", help="rewrite tests/api/query_counts.json (run with -n0)"
    )
    parser.addoption(
        "--update-screenshots", action="store_true", help="write the browser tests' screenshots to docs/"
    )


# A generated catalog of 120 spacecraft and everything they nest (its first objects dressed with every
# optional part: ingest.generate_dress), for the generic tests over every endpoint.
generated_catalog = shared_data(lambda: generate(120, seed=7, now=GENERATED_AT))


@pytest.fixture
def no_planner_statistics(db):
    """For tests of SQLite's query plans without ``ANALYZE`` (as factories leave a catalog)."""
    forget_planner_statistics()


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
    forget_cached_origins()


@pytest.fixture
def redis_cache(settings):
    """The real Redis, under a key prefix of this test's own."""
    prefix = f"hangar-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.shared.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    server = redis.Redis.from_url(REDIS_URL)
    yield server, prefix
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)
