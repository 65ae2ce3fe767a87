"""CORS (django-cors-headers) and Cache-Control, on cache misses and hits, in Django and in front of it."""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from hangar.api.cache.front import CachedResponses

URL = "/2.3.0/spacecraft/?limit=2"
ORIGIN = "https://widget.example"


class Server:
    def __init__(self):
        self.django = WSGIHandler()
        self.app = CachedResponses(self.django)

    def get(self, url, method="GET", **headers):
        environ = RequestFactory().generic(method, url, **headers).environ
        started = []
        body = b"".join(self.app(environ, lambda status, h, exc_info=None: started.append((status, h))))
        status, headers = started[0]
        return int(status.split()[0]), {name.lower(): value for name, value in headers}, body


@pytest.fixture
def server(seed):
    return Server()


def test_any_origin_may_read_on_a_miss_and_on_a_hit(server):
    for _ in range(3):  # a miss, then hits (the front layer hands requests with an Origin to Django)
        status, headers, _ = server.get(URL, HTTP_ORIGIN=ORIGIN)
        assert status == 200
        assert headers["access-control-allow-origin"] == "*"
        assert "origin" in headers["vary"].lower()
        assert "etag" in headers["access-control-expose-headers"].lower()


def test_without_an_origin_hits_and_misses_carry_the_same_headers(server):
    miss = server.get(URL)
    hit = server.get(URL)
    assert miss[1] == hit[1] and miss[2] == hit[2]
    assert "access-control-allow-origin" not in hit[1]
    assert "origin" in hit[1]["vary"].lower()  # a shared cache keeps the browser's answer apart


def test_a_preflight_allows_only_reading(server):
    status, headers, body = server.get(
        URL, "OPTIONS", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert status == 200 and body == b""
    assert headers["access-control-allow-origin"] == "*"
    assert set(headers["access-control-allow-methods"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "OPTIONS",
    }


def test_configured_origins_only(server, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    assert server.get(URL, HTTP_ORIGIN=ORIGIN)[1]["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in server.get(URL, HTTP_ORIGIN="https://other.example")[1]


def test_cache_control_has_the_configured_max_age_on_misses_hits_and_304s(server, settings):
    miss = server.get(URL)
    hit = server.get(URL)
    assert miss[1]["cache-control"] == hit[1]["cache-control"] == "public, max-age=60"
    not_modified = server.get(URL, HTTP_IF_NONE_MATCH=hit[1]["etag"])
    assert not_modified[0] == 304 and not_modified[1]["cache-control"] == "public, max-age=60"


def test_cache_control_max_age_zero_means_revalidate(server, settings):
    settings.CACHE_MAX_AGE = 0
    assert server.get(URL)[1]["cache-control"] == "no-cache"


def test_error_answers_are_not_cacheable_by_clients(server):
    status, headers, _ = server.get("/2.3.0/spacecraft/?limit=ten")
    assert status == 400 and "max-age=60" not in headers.get("cache-control", "")
