"""Operations: /healthz, /readyz and /metrics, answered by the WSGI layers ``hangar.wsgi`` stacks."""

import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError
from django.test import RequestFactory

from hangar.api import health, metrics
from hangar.api.cache.front import CachedResponses
from hangar.api.errors import ErrorGuard
from hangar.catalog import versioning
from tests.server import free_port


def served():
    return metrics.Metrics(ErrorGuard(health.Health(CachedResponses(WSGIHandler()))))


def call(app, url, method="GET"):
    environ = RequestFactory().generic(method, url).environ
    started = []
    body = b"".join(
        app(environ, lambda status, headers, exc_info=None: started.append((status, dict(headers))))
    )
    status, headers = started[0]
    return int(status.split()[0]), headers, body


def test_healthz_answers_without_the_database(db, monkeypatch):
    def down():
        raise OperationalError("the database is down")

    monkeypatch.setattr(versioning, "current", down)
    status, headers, body = call(served(), "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers["Cache-Control"] == "no-store"


def test_readyz_reports_the_database_and_the_cache(seed):
    status, _, body = call(served(), "/readyz")
    report = json.loads(body)
    assert status == 200 and report["status"] == "ready" and report["database"] == "ok"
    assert report["cache"] == "local" and report["data_version"] >= 1


def test_readyz_is_a_503_without_the_database_and_ignores_the_cache(db, monkeypatch, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.shared.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    status, _, body = call(served(), "/readyz")
    assert status == 200 and json.loads(body)["cache"] == "unavailable"  # not required

    def down():
        raise OperationalError("the database is down")

    monkeypatch.setattr(versioning, "current", down)
    status, headers, body = call(served(), "/readyz")
    assert status == 503 and headers["Retry-After"] == "5"
    assert json.loads(body)["database"].startswith("unavailable")


def sample(text: str, name: str, **labels) -> float:
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                total += s.value
    return total


def test_metrics_count_requests_latency_cache_hits_and_database_time(seed):
    app = served()
    before = call(app, "/metrics")[2].decode()
    for _ in range(3):
        assert call(app, "/2.3.0/spacecraft/?limit=2")[0] == 200
    assert call(app, "/2.3.0/spacecraft/999999/")[0] == 404
    status, headers, body = call(app, "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    after = body.decode()

    def grew(name, **labels):
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert grew("hangar_requests_total", endpoint="spacecraft-list", status="200") == 3
    assert grew("hangar_requests_total", endpoint="spacecraft-detail", status="404") == 1
    assert grew("hangar_request_duration_seconds_count", endpoint="spacecraft-list") == 3
    assert grew("hangar_cache_requests_total", result="hit") == 2  # the two repeats, in front of Django
    assert grew("hangar_cache_requests_total", result="miss") >= 1
    assert grew("hangar_database_queries_total", endpoint="spacecraft-list") >= 1
    assert grew("hangar_database_seconds_total", endpoint="spacecraft-list") > 0


def test_unknown_paths_share_one_label(db):
    assert metrics.endpoint("/no/such/path/1") == metrics.endpoint("/no/such/path/2") == "unrouted"


@pytest.mark.parametrize("setting", [False])
def test_metrics_can_be_turned_off(db, settings, setting):
    settings.METRICS = setting
    assert call(served(), "/metrics")[0] == 404
