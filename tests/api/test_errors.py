"""Error answers: JSON in one format from every layer; an unavailable database is a 503 with Retry-After."""

import logging
import sqlite3
import time

import pytest
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError
from django.test import RequestFactory
from rest_framework.test import APIClient

from hangar.api import errors
from hangar.api.cache.front import CachedResponses
from hangar.catalog import versioning

URL = "/2.3.0/spacecraft/"


def call(app, url=URL, method="GET", **headers):
    environ = RequestFactory().generic(method, url, **headers).environ
    started = []
    chunks = app(environ, lambda status, headers, exc_info=None: started.append((status, dict(headers))))
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    status, headers = started[0]
    return int(status.split()[0]), headers, body


def served():
    """The application ``hangar.wsgi`` builds, without its request deadline."""
    return errors.ErrorGuard(CachedResponses(WSGIHandler()))


def failing(exc):
    def raising(*args, **kwargs):
        raise exc

    return raising


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("connection to server at 127.0.0.1 failed"),  # Django's, from connecting
        sqlite3.OperationalError("database is locked"),  # the driver's, from the raw read
    ],
    ids=["django", "driver"],
)
def test_an_unavailable_database_is_a_json_503_from_every_layer(seed, monkeypatch, exc):
    monkeypatch.setattr(versioning, "current", failing(exc))
    status, headers, body = call(served())
    assert status == 503
    assert headers["Content-Type"] == "application/json" and headers["Retry-After"] == "5"
    assert body == b'{"detail":"The database is unavailable. Try again shortly."}'
    # Inside Django (the test client: no WSGI layers in front of it) the same answer.
    response = APIClient(raise_request_exception=False).get(URL)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json() == {"detail": "The database is unavailable. Try again shortly."}


def test_a_database_error_in_a_view_is_a_503(seed, monkeypatch):
    from hangar.api.views.spacecraft import SpacecraftViewSet

    monkeypatch.setattr(SpacecraftViewSet, "list", failing(OperationalError("server closed the connection")))
    response = APIClient(raise_request_exception=False).get(URL)
    assert response.status_code == 503 and response.json()["detail"].startswith("The database is unavailable")


def test_a_bug_is_a_json_500(seed, monkeypatch):
    from hangar.api.views.spacecraft import SpacecraftViewSet

    monkeypatch.setattr(SpacecraftViewSet, "list", failing(ZeroDivisionError("a bug")))
    response = APIClient(raise_request_exception=False).get(URL)
    assert response.status_code == 500 and response.json() == {"detail": "Internal server error."}


def test_what_escapes_django_is_a_json_500_not_gunicorns_html():
    def broken(environ, start_response):
        raise KeyError("escaped")

    status, headers, body = call(errors.ErrorGuard(broken))
    assert (status, headers["Content-Type"], body) == (
        500,
        "application/json",
        b'{"detail":"Internal server error."}',
    )


def test_a_request_past_the_deadline_is_a_503_and_its_connections_closed(db, monkeypatch):
    closed = []
    monkeypatch.setattr(errors.connections, "close_all", lambda: closed.append(True))

    def hung(environ, start_response):
        time.sleep(5)  # a database that accepted the query and never answers

    started = time.monotonic()
    status, headers, _body = call(errors.ErrorGuard(hung, timeout=0.2))
    assert time.monotonic() - started < 2
    assert status == 503 and headers["Retry-After"] == "5" and closed == [True]


@pytest.mark.parametrize(
    ("url", "method", "status"),
    [
        ("/no/such/page/", "GET", 404),
        (f"{URL}999999/", "GET", 404),
        (URL, "POST", 405),
        (URL, "DELETE", 405),
    ],
)
def test_error_bodies_are_json_with_a_detail(seed, url, method, status):
    code, headers, body = call(served(), url, method)
    assert code == status and headers["Content-Type"] == "application/json"
    assert body.startswith(b'{"detail":"')


def test_an_unacceptable_format_is_a_json_406(seed):
    code, _headers, body = call(served(), URL, HTTP_ACCEPT="text/csv")
    assert code == 406 and body.startswith(b'{"detail":')


def test_a_refused_host_is_a_json_400_logged_in_one_line(seed, settings, caplog):
    settings.ALLOWED_HOSTS = ["ll.example.org"]
    code, headers, body = call(served(), URL, HTTP_HOST="evil.example")
    assert (code, headers["Content-Type"], body) == (400, "application/json", b'{"detail":"Bad request."}')
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert errors.OneLineFilter().filter(record)
    assert record.exc_info is None and "\n" not in record.getMessage()
    assert "evil.example" in record.getMessage()


def test_the_one_line_filter_keeps_other_tracebacks():
    try:
        raise ValueError("a bug")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    assert errors.OneLineFilter().filter(record) and record.exc_info is not None
    try:
        raise DisallowedHost("Invalid HTTP_HOST header: 'x'.")
    except DisallowedHost:
        import sys

        record = logging.LogRecord(
            "django.security", logging.ERROR, __file__, 1, "refused", (), sys.exc_info()
        )
    assert errors.OneLineFilter().filter(record) and record.exc_info is None


def raw(port: int, request: bytes) -> tuple[int, dict, bytes]:
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    if headers.get("Transfer-Encoding") == "chunked":
        chunks, rest = [], body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            chunks.append(rest[: int(size, 16)])
            rest = rest[int(size, 16) + 2 :]
        body = b"".join(chunks)
    return int(lines[0].split()[1]), headers, body


def test_a_real_server_answers_its_own_refusals_in_json(tmp_path):
    import signal
    import subprocess

    from tests.server import free_port, get, hangar

    port = free_port()
    server = hangar(
        "serve", "--port", str(port), "--workers", "1",
        database=tmp_path / "db.sqlite3", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env_extra={"HANGAR_ALLOWED_HOSTS": "127.0.0.1"},
    )  # fmt: skip
    try:
        get(f"http://127.0.0.1:{port}/2.3.0/spacecraft/?limit=1", time.monotonic() + 60)
        too_long = raw(
            port, b"GET /2.3.0/spacecraft/?search=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        many = b"".join(b"X-H%d: v\r\n" % n for n in range(200))
        too_many = raw(port, b"GET /2.3.0/spacecraft/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n")
        malformed = raw(port, b"NOT HTTP\r\n\r\n")
        bad_host = raw(
            port, b"GET /2.3.0/spacecraft/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        )
    finally:
        server.send_signal(signal.SIGINT)
        _out, err = server.communicate(timeout=30)
    for (status, headers, body), expected in zip(
        (too_long, too_many, malformed, bad_host), (414, 431, 400, 400), strict=True
    ):
        assert status == expected, body
        assert headers["Content-Type"] == "application/json"
        assert body.startswith(b'{"detail":"'), body
    assert b"Traceback" not in err
    host_lines = [line for line in err.decode().splitlines() if "evil.example" in line]
    assert len(host_lines) == 1, err.decode()
