"""api.cache.front: cache hits answered in front of Django, exactly as Django answers them, never stale."""

import datetime as dt
import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hangar.api.cache.front import CachedResponses
from hangar.catalog import versioning
from hangar.catalog.models import Spacecraft
from hangar.ingest.importing import import_paths

URL = "/2.3.0/spacecraft/"

PAGES = [
    URL,
    f"{URL}?limit=100",
    f"{URL}?format=json&limit=3&offset=2",
    f"{URL}?status=4&is_placeholder=false&ordering=-time_docked",
    f"{URL}?search=soyuz",
    f"{URL}?name=Soyuz%2018",
    f"{URL}188/",
    f"{URL}188/?mode=normal",
    f"{URL}?%66ormat=json",
    "/2.3.0/spacecraft_configurations/?mode=detailed",
    "/2.3.0/config/spacecraft_statuses/",
]


class Server:
    """The WSGI application ``hangar.wsgi`` builds, called as gunicorn calls it; records who answered."""

    def __init__(self):
        django = WSGIHandler()
        self.django_calls = 0

        def counted(environ, start_response):
            self.django_calls += 1
            return django(environ, start_response)

        self.django = django
        self.app = CachedResponses(counted)

    def request(self, url, method="GET", app=None, **headers):
        """(status, headers, body, answered by Django?) for ``url``."""
        environ = RequestFactory().generic(method, url, **headers).environ
        before = self.django_calls
        started = []
        chunks = (app or self.app)(environ, lambda *args: started.append(args[:2]))
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status, hdrs = started[0]
        return status, list(hdrs), body, self.django_calls > before

    def django_answer(self, url, method="GET", **headers):
        """Django's own answer, its cache middleware included (a hit when the entry exists)."""
        return self.request(url, method, app=self.django, **headers)[:3]


@pytest.fixture
def server(seed):
    # Django's handler recycles connections at each request's start and end, which the test's
    # transaction cannot survive; the test client skips it the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield Server()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def hit_after_miss(server, url, method="GET", **headers):
    status, miss_headers, miss_body, by_django = server.request(url, method, **headers)
    assert by_django
    hit = server.request(url, method, **headers)
    assert not hit[3], url  # answered in front of Django
    return (status, miss_headers, miss_body), hit[:3]


@pytest.mark.parametrize("origin", ["request-host", "public-url"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_hit_is_byte_for_byte_what_django_answered(server, settings, origin, method):
    if origin == "public-url":
        settings.PUBLIC_URL = "https://ll.example.org"
    for url in PAGES:
        miss, hit = hit_after_miss(server, url, method)
        assert miss[0] == hit[0] == "200 OK", url
        assert hit[2] == miss[2], url
        assert sorted(hit[1]) == sorted(miss[1]), url  # every header and value
        assert hit == server.django_answer(url, method)  # and Django's own hit, in its order too
        names = {name for name, _ in hit[1]}
        assert {"Content-Type", "Content-Length", "ETag", "Last-Modified", "Vary", "Allow"} <= names
        if method == "GET" and origin == "public-url" and url.startswith(URL):
            assert b"https://ll.example.org/2.3.0/" in hit[2]


def test_the_host_and_accept_header_are_part_of_the_key(server):
    server.request(URL)
    _, _, body, by_django = server.request(URL, HTTP_HOST="other.example")
    assert by_django and b"http://other.example/2.3.0/" in body
    assert server.request(URL, HTTP_HOST="other.example")[3] is False
    _, headers, body, by_django = server.request(URL, HTTP_ACCEPT="text/html")
    assert by_django and dict(headers)["Content-Type"].startswith("text/html")
    assert server.request(URL, HTTP_ACCEPT="text/html")[3]  # the browsable API is never cached
    assert server.request(f"{URL}?format=api")[3]


CONDITIONS = [
    {"HTTP_IF_NONE_MATCH": "{etag}"},
    {"HTTP_IF_NONE_MATCH": "W/{etag}"},
    {"HTTP_IF_NONE_MATCH": '"other", {etag}'},
    {"HTTP_IF_NONE_MATCH": "*"},
    {"HTTP_IF_NONE_MATCH": '"other"'},
    {"HTTP_IF_NONE_MATCH": "garbage"},
    {"HTTP_IF_NONE_MATCH": "garbage", "HTTP_IF_MODIFIED_SINCE": "{last_modified}"},
    {"HTTP_IF_NONE_MATCH": '"other"', "HTTP_IF_MODIFIED_SINCE": "{last_modified}"},
    {"HTTP_IF_MODIFIED_SINCE": "{last_modified}"},
    {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 1970 00:00:00 GMT"},
    {"HTTP_IF_MODIFIED_SINCE": "Fri, 01 Jan 2100 00:00:00 GMT"},
    {"HTTP_IF_MODIFIED_SINCE": "not a date"},
]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("condition", CONDITIONS)
def test_conditional_requests_get_djangos_answer(server, method, condition):
    _, headers, _, _ = server.request(URL)
    values = {"etag": dict(headers)["ETag"], "last_modified": dict(headers)["Last-Modified"]}
    request_headers = {name: value.format(**values) for name, value in condition.items()}
    status, answer_headers, body, by_django = server.request(URL, method, **request_headers)
    assert not by_django
    assert (status, answer_headers, body) == server.django_answer(URL, method, **request_headers)
    if "*" in condition.get("HTTP_IF_NONE_MATCH", "") or condition == CONDITIONS[0]:
        assert status == "304 Not Modified" and body == b""


@pytest.mark.parametrize(
    "method, url, headers",
    [
        ("POST", URL, {}),
        ("OPTIONS", URL, {}),
        ("GET", URL, {"HTTP_IF_MATCH": '"x"'}),
        ("GET", URL, {"HTTP_IF_UNMODIFIED_SINCE": "Thu, 01 Jan 1970 00:00:00 GMT"}),
        ("GET", f"{URL}?limit=abc", {}),
        ("GET", f"{URL}999999/", {}),
        ("GET", f"{URL}?format=api", {}),
    ],
)
def test_what_it_does_not_serve_reaches_django(server, method, url, headers):
    server.request(URL)  # an entry exists for the plain page
    for _ in range(2):
        status, _, _, by_django = server.request(url, method, **headers)
        assert by_django, (method, url, status)


def test_a_host_django_refuses_reaches_django(server, settings):
    server.request(URL)
    settings.ALLOWED_HOSTS = ["only.example"]
    status, _, _, by_django = server.request(URL)
    assert by_django and status.startswith("400")


def test_a_hit_reads_only_the_data_version_and_a_miss_reads_it_once(server):
    server.request(URL)
    with CaptureQueriesContext(connection) as captured:
        assert server.request(URL)[3] is False
    assert len(captured.captured_queries) == 1
    assert "catalog_dataversion" in captured.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as captured:
        assert server.request(f"{URL}?limit=4")[3]
    assert sum("catalog_dataversion" in q["sql"] for q in captured.captured_queries) == 1


def first_name(server, url=f"{URL}188/"):
    status, _, body, by_django = server.request(url)
    return status, (json.loads(body)["name"] if status == "200 OK" else None), by_django


def test_an_admin_save_is_seen_at_once(server):
    assert first_name(server)[1] == "Soyuz 18"
    assert first_name(server)[2] is False
    spacecraft = Spacecraft.objects.get(pk=188)
    spacecraft.name = "Edited in the admin"
    spacecraft.save()
    assert first_name(server) == ("200 OK", "Edited in the admin", True)
    spacecraft.delete()
    assert first_name(server)[0].startswith("404")


def test_an_import_is_seen_at_once(server, seed_page, tmp_path):
    assert first_name(server)[1] == "Soyuz 18"
    assert first_name(server)[2] is False
    for item in seed_page["results"]:
        if item["id"] == 188:
            item["name"] = "Soyuz 18 (imported again)"
    changed = tmp_path / "page.json"
    changed.write_text(json.dumps(seed_page))
    import_paths([str(changed)])
    assert first_name(server) == ("200 OK", "Soyuz 18 (imported again)", True)


def test_a_recompute_is_seen_at_once(server):
    url = f"{URL}?ordering=-time_in_space&limit=1"
    before = server.request(url)
    assert server.request(url)[3] is False
    # A bulk write bumps nothing by itself, so the entry still stands: the version decides.
    Spacecraft.objects.filter(pk=188).update(time_in_space=dt.timedelta(days=999))
    assert server.request(url)[2] == before[2]
    call_command("recompute")
    after = server.request(url)
    assert after[3] and after[2] != before[2]


def test_hits_on_redis(server, redis_cache):
    miss, hit = hit_after_miss(server, f"{URL}?limit=2")
    assert hit[2] == miss[2] and sorted(hit[1]) == sorted(miss[1])
    versioning.bump()  # what any writer, in any process, does in its transaction
    assert server.request(f"{URL}?limit=2")[3]


def test_a_database_error_is_left_to_django(server, monkeypatch):
    """The layer closes the connection (Django reconnects) and passes the request on."""
    from types import SimpleNamespace

    from hangar.api.cache import front

    server.request(URL)
    real_current, closed = versioning.current, []

    def failing_once():
        monkeypatch.setattr(versioning, "current", real_current)
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(versioning, "current", failing_once)
    monkeypatch.setattr(
        front, "connection", SimpleNamespace(Database=connection.Database, close=lambda: closed.append(1))
    )
    status, _, body, by_django = server.request(URL)
    assert by_django and status == "200 OK" and closed
    assert body == server.request(URL)[2]
