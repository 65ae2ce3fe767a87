"""Rate limits and API keys (api.throttling), as upstream's: off by default, 429s, /api-throttle/."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from hangar.access.models import ApiKey, create_key
from hangar.api import throttling
from hangar.api.cache.front import CachedResponses
from tests.server import free_port

URL = "/2.3.0/spacecraft/?limit=1"
THROTTLE = "/2.3.0/api-throttle/"


class Server:
    """The WSGI stack ``hangar.wsgi`` serves (cache hits in front of Django), one worker."""

    def __init__(self):
        self.app = CachedResponses(WSGIHandler())

    def get(self, url, **headers):
        environ = RequestFactory().get(url, **headers).environ
        started = []
        chunks = self.app(environ, lambda status, h, exc_info=None: started.append((status, dict(h))))
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status, headers = started[0]
        return int(status.split()[0]), headers, body


@pytest.fixture
def server(seed):
    return Server()


@pytest.fixture(autouse=True)
def _fresh_counters(monkeypatch):
    monkeypatch.setattr(throttling, "memory", throttling._MemoryCounters())
    throttling.keys.forget()


@pytest.fixture
def anon_3(settings):
    settings.THROTTLE_ANON = "3/hour"


def test_off_by_default_and_the_throttle_endpoint_says_so(server):
    assert {server.get(URL)[0] for _ in range(30)} == {200}
    status, headers, body = server.get(THROTTLE)
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert body == (
        b'{"your_request_limit":0,"limit_frequency_secs":0,"current_use":0,"next_use_secs":0,'
        b'"ident":"127.0.0.1"}'
    )


def test_anonymous_callers_get_their_rate_then_429s_as_upstream(server, anon_3):
    answers = [server.get(URL) for _ in range(5)]  # the first a miss, the next two cache hits
    assert [status for status, _, _ in answers] == [200, 200, 200, 429, 429]
    _status, headers, body = answers[3]
    assert headers["Content-Type"] == "application/json"
    wait = int(headers["Retry-After"])
    assert 0 < wait <= 3600
    assert body == f'{{"detail":"Request was throttled. Expected available in {wait} seconds."}}'.encode()


def test_the_throttle_endpoint_reports_real_numbers_and_never_counts(server, anon_3):
    server.get(URL)
    for _ in range(10):
        status, _, body = server.get(THROTTLE)
        assert status == 200
    import json

    report = json.loads(body)
    assert list(report) == [
        "your_request_limit",
        "limit_frequency_secs",
        "current_use",
        "next_use_secs",
        "ident",
    ]
    assert report == {
        "your_request_limit": 3,
        "limit_frequency_secs": 3600,
        "current_use": 1,
        "next_use_secs": 0,
        "ident": "127.0.0.1",
    }
    server.get(URL), server.get(URL)
    report = json.loads(server.get(THROTTLE)[2])
    assert report["current_use"] == 3 and 0 < report["next_use_secs"] <= 3600
    assert server.get(URL)[0] == 429


def test_each_address_has_its_own_count(server, anon_3):
    for _ in range(3):
        assert server.get(URL, REMOTE_ADDR="10.0.0.1")[0] == 200
    assert server.get(URL, REMOTE_ADDR="10.0.0.1")[0] == 429
    assert server.get(URL, REMOTE_ADDR="10.0.0.2")[0] == 200


def test_behind_a_proxy_the_forwarded_address_counts(server, anon_3, settings):
    settings.NUM_PROXIES = 1
    for n in range(4):
        status, _, _ = server.get(URL, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"spoofed, 10.0.0.{n}")
        assert status == 200
    report = server.get(THROTTLE, HTTP_X_FORWARDED_FOR="spoofed, 10.0.0.9")[2]
    assert b'"ident":"10.0.0.9"' in report


def test_only_api_paths_count(server, anon_3):
    for _ in range(5):
        assert server.get("/docs/")[0] == 200


def test_keys_have_their_own_rate_and_ident(server, anon_3, settings):
    row, key = create_key("widget", "5/hour")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert [server.get(URL, **auth)[0] for _ in range(6)] == [200] * 5 + [429]
    report = server.get(THROTTLE, **auth)[2]
    assert b'"your_request_limit":5' in report and f'"ident":"key {row.prefix}"'.encode() in report
    assert server.get(URL)[0] == 200  # the anonymous count of this address is apart


def test_a_key_without_a_rate_gets_the_default_key_rate(server, settings):
    settings.THROTTLE_KEY = "2/minute"
    _, key = create_key("default rate")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert [server.get(URL, **auth)[0] for _ in range(3)] == [200, 200, 429]
    assert {server.get(URL)[0] for _ in range(5)} == {200}  # anonymous: unlimited (THROTTLE_ANON unset)


@pytest.mark.parametrize("header", ["Token nope", "Token ", "token 0123456789abcdef"])
def test_an_unknown_or_revoked_key_is_a_401(server, anon_3, header):
    status, _headers, body = server.get(URL, HTTP_AUTHORIZATION=header)
    assert (status, body) == (401, b'{"detail":"Invalid token."}')
    assert server.get(THROTTLE, HTTP_AUTHORIZATION=header)[0] == 401


def test_a_revoked_key_stops_working(server, anon_3):
    row, key = create_key("soon revoked", "100/hour")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert server.get(URL, **auth)[0] == 200
    call_command("apikey", "revoke", row.prefix, stderr=io.StringIO())
    throttling.keys.forget()  # what KEY_CACHE_SECONDS does on every worker
    assert server.get(URL, **auth)[0] == 401


def test_counters_are_shared_through_redis(server, anon_3, redis_cache):
    assert [server.get(URL)[0] for _ in range(2)] == [200, 200]
    throttling.memory.counts.clear()  # another worker, or another instance: only Redis is shared
    assert [server.get(URL)[0] for _ in range(2)] == [200, 429]


def test_without_redis_each_worker_counts_in_memory(server, anon_3, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.shared.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # down
        }
    }
    assert [server.get(URL)[0] for _ in range(4)] == [200, 200, 200, 429]


# --- hangar apikey -------------------------------------------------------------------------------


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("apikey", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_apikey_create_list_revoke(db):
    key, said = run("create", "launch widget", "--rate", "1000/hour")
    key = key.strip()
    assert len(key) == 40 and "shown only now" in said
    (row,) = ApiKey.objects.all()
    assert row.digest != key and row.prefix == key[:8] and row.rate == "1000/hour"
    listing, _ = run("list")
    assert row.prefix in listing and "launch widget" in listing and key not in listing
    _, said = run("revoke", str(row.id))
    assert "revoked" in said
    row.refresh_from_db()
    assert row.revoked_at is not None
    with pytest.raises(CommandError, match="no active API key"):
        run("revoke", str(row.id))


def test_apikey_refuses_a_bad_rate(db):
    with pytest.raises(CommandError):
        run("create", "x", "--rate", "lots")
