"""The cache is best effort (api.cache.shared) and its keys are normalised (api.cache.keys)."""

import logging
import socket
import threading
import time

import pytest
from django.core.cache import cache

from hangar.api.cache import shared
from tests.server import free_port

URL = "/2.3.0/spacecraft/"


def redis_at(settings, url, timeout_ms=100):
    settings.CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.shared.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"TIMEOUT_MS": timeout_ms},
        }
    }


class FakeRedis:
    """A loopback TCP server: ``silent`` never answers (a hung Redis); otherwise a full Redis
    (``noeviction``): reads find nothing, writes are refused with Redis's OOM error."""

    def __init__(self, silent: bool):
        self.silent = silent
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        threading.Thread(target=self.serve, daemon=True).start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)
            if not self.silent:
                threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn):
        buffer = b""
        while True:
            try:
                data = conn.recv(65536)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while (command := _command(buffer)) is not None:
                name, buffer = command
                if name == b"HELLO":
                    conn.sendall(b"%1\r\n$5\r\nproto\r\n:3\r\n")
                elif name == b"PING":
                    conn.sendall(b"+PONG\r\n")
                elif name == b"GET":
                    conn.sendall(b"_\r\n")
                elif name == b"SET":
                    conn.sendall(b"-OOM command not allowed when used memory > 'maxmemory'.\r\n")
                else:
                    conn.sendall(b"+OK\r\n")

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


def _command(buffer: bytes):
    """(command name, rest of the buffer) for the first complete RESP array in ``buffer``, or None."""
    if not buffer.startswith(b"*") or b"\r\n" not in buffer:
        return None
    head, rest = buffer[1:].split(b"\r\n", 1)
    parts = []
    for _ in range(int(head)):
        if b"\r\n" not in rest:
            return None
        length, rest = rest[1:].split(b"\r\n", 1)
        if len(rest) < int(length) + 2:
            return None
        parts.append(rest[: int(length)])
        rest = rest[int(length) + 2 :]
    return parts[0].upper(), rest


@pytest.fixture
def fast_retry(monkeypatch):
    monkeypatch.setattr(shared, "RETRY_AFTER", 0.0)


def cache_warnings(caplog):
    return [r for r in caplog.records if r.name == "hangar.cache" and r.levelno == logging.WARNING]


def test_redis_down_answers_from_the_database_and_warns_once(client, seed, settings, caplog):
    redis_at(settings, f"redis://127.0.0.1:{free_port()}/0")
    caplog.set_level(logging.WARNING, "hangar.cache")
    bodies = [client.get(f"{URL}?limit=3") for _ in range(5)]
    assert {r.status_code for r in bodies} == {200}
    assert [r["Content-Type"] for r in bodies] == ["application/json"] * 5
    assert len(bodies[0].json()["results"]) == 3
    assert len({r.content for r in bodies}) == 1
    (warning,) = cache_warnings(caplog)
    assert "unreachable" in warning.getMessage() and "answering from the database" in warning.getMessage()


def test_a_hung_redis_costs_one_short_timeout_then_nothing(client, seed, settings, caplog):
    hung = FakeRedis(silent=True)
    try:
        redis_at(settings, hung.url, timeout_ms=200)
        started = time.monotonic()
        first = client.get(f"{URL}?limit=3")
        first_took = time.monotonic() - started
        started = time.monotonic()
        later = [client.get(f"{URL}?limit=3") for _ in range(5)]
        later_took = time.monotonic() - started
    finally:
        hung.close()
    assert first.status_code == 200 and {r.status_code for r in later} == {200}
    assert first_took < 1.5  # one 200 ms timeout (redis-py's default retries would make it seconds)
    assert later_took < first_took  # Redis left alone for RETRY_AFTER seconds: no timeouts at all
    assert len(cache_warnings(caplog)) == 1


def test_a_full_redis_still_answers_misses(client, seed, settings, caplog, fast_retry):
    full = FakeRedis(silent=False)
    try:
        redis_at(settings, full.url)
        responses = [client.get(f"{URL}?limit=3&offset={n}") for n in range(4)]
    finally:
        full.close()
    assert {r.status_code for r in responses} == {200}
    (warning,) = cache_warnings(caplog)
    assert "refused" in warning.getMessage() and "OutOfMemoryError" in warning.getMessage()


def test_redis_coming_back_is_used_again_and_said(client, seed, caplog, fast_retry, redis_cache):
    from django.core.cache import caches

    server, prefix = redis_cache
    caches["default"].health.failed(shared.redis.ConnectionError("refused"), "get")  # as if it was down
    assert client.get(URL).status_code == 200
    assert any(b"response" in key for key in server.scan_iter(f"{prefix}:*"))
    messages = [r.getMessage() for r in cache_warnings(caplog)]
    assert messages[-1] == "cache reachable again"


# --- keys -----------------------------------------------------------------------------------------


def stored_keys():
    from hangar import compat

    return [k for k in compat.locmem_entries(cache) if "hangar:response" in k]


def test_parameters_in_another_order_share_one_entry(client, seed):
    first = client.get(f"{URL}?limit=2&ordering=-id&offset=1")
    second = client.get(f"{URL}?offset=1&ordering=-id&limit=2")
    third = client.get(f"{URL}?offset=1&ordering=-id&limit=%32")
    assert first.content == second.content == third.content
    assert len(stored_keys()) == 1


def test_an_undocumented_parameter_is_answered_but_never_stored(client, seed):
    answers = [client.get(f"{URL}?limit=1&cachebuster={n}") for n in range(5)]
    assert {r.status_code for r in answers} == {200}
    assert "cachebuster=3" in answers[3].json()["next"]  # kept in the links, as upstream keeps it
    assert stored_keys() == []
    assert client.get(f"{URL}188/?mode=normal").status_code == 200
    assert client.get(f"{URL}188/?limit=1").status_code == 200  # limit is not a detail parameter
    assert len(stored_keys()) == 1


def test_only_a_bounded_number_of_hosts_is_cached_when_every_host_is_allowed(client, seed, settings, caplog):
    settings.CACHE_HOSTS = 2
    for n in range(6):
        assert client.get(f"{URL}?limit=1", HTTP_HOST=f"host{n}.example").status_code == 200
    assert len(stored_keys()) == 2
    refused = [r.getMessage() for r in cache_warnings(caplog)]
    assert len(refused) == 4 and "HANGAR_ALLOWED_HOSTS" in refused[0]


def test_named_hosts_are_always_cached(client, seed, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example", "c.example", "testserver"]
    settings.CACHE_HOSTS = 1
    for host in ("a.example", "b.example", "c.example"):
        assert client.get(f"{URL}?limit=1", HTTP_HOST=host).status_code == 200
    assert len(stored_keys()) == 3


def test_entries_live_at_most_the_configured_ttl(client, seed, redis_cache):
    server, prefix = redis_cache
    client.get(f"{URL}?limit=1")
    (key,) = [k for k in server.scan_iter(f"{prefix}:*") if b"response" in k]
    assert 0 < server.ttl(key) <= 3600
