"""Faults injected on loopback under load (``make faults``): real ``hangar serve`` instances with 2 workers
on PostgreSQL and Redis, each reached through a ``Proxy`` that can cut or freeze the link.

Asserted throughout: no 5xx but 503 (and no 503 at all while only Redis fails), every body JSON,
recovery within seconds without a restart, and nothing lost. Two instances on one PostgreSQL and one
Redis: a write is seen by the next request to either, and a rate limit is counted once across both.
Needs PostgreSQL and Redis on 127.0.0.1 (``.ci/run`` starts them); skipped where they are missing.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.faults.proxy import Proxy
from tests.server import free_port

pytestmark = pytest.mark.faults

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("HANGAR_FAULTS_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("HANGAR_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def _reachable() -> str | None:
    try:
        import psycopg
        import redis

        psycopg.connect(PG, connect_timeout=2).close()
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except Exception as exc:
        return f"PostgreSQL or Redis not reachable: {exc}"
    return None


@pytest.fixture(scope="module")
def database():
    """A PostgreSQL database of its own, migrated, with the demo catalog."""
    why = _reachable()
    if why:
        pytest.skip(why)
    import psycopg

    name = f"hangar_faults_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG.rsplit("/", 1)[0] + f"/{name}"
    env = {**os.environ, "HANGAR_DATABASE_URL": url, "HANGAR_SECRET_KEY": "faults-" + "x" * 50}
    subprocess.run([sys.executable, "-m", "hangar.cli", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    demo = ROOT / "src" / "hangar" / "fixtures" / "demo"
    subprocess.run([sys.executable, "-m", "hangar.cli", "import", str(demo)], env=env, check=True, cwd=ROOT)
    yield url
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


class Instance:
    def __init__(self, database_url, redis_url, **extra):
        self.port = free_port()
        env = {
            **os.environ,
            "HANGAR_DATABASE_URL": database_url,
            "HANGAR_CACHE_URL": redis_url,
            "HANGAR_SECRET_KEY": "faults-" + "x" * 50,
            "HANGAR_ALLOWED_HOSTS": "127.0.0.1",
            "HANGAR_DB_CONNECT_TIMEOUT": "2",
            "HANGAR_DB_STATEMENT_TIMEOUT_MS": "4000",
            "HANGAR_REQUEST_TIMEOUT": "6",
            "HANGAR_CACHE_TIMEOUT_MS": "200",
            **extra,
        }
        # The log goes to a file: an unread pipe fills up and blocks the workers that write to it.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115  (closed by stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hangar.cli", "serve", "--no-migrate", "--no-demo", "--workers", "2",
             "--port", str(self.port)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while self.get("/healthz")[0] != 200:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(self.stop())
            time.sleep(0.2)

    def get(self, path, timeout=10, headers=None):
        """(status, content type, body); status 0 when nothing came back."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type", ""), exc.read()
        except OSError:
            return 0, "", b""

    def stop(self) -> str:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        text = self.log.read().decode(errors="replace")
        self.log.close()
        return text


class Load:
    """Two client threads asking for cached and uncached pages; every answer recorded with its time."""

    PATHS = [
        "/2.3.0/spacecraft/",
        "/2.3.0/spacecraft/188/",
        "/2.3.0/agencies/44/",
        "/2.3.0/spacecraft/?limit=3",
    ]

    def __init__(self, instance):
        self.instance = instance
        self.answers: list[tuple[float, str, int, str, bytes]] = []
        self.phase = "start"
        self.running = True
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(2)]
        for thread in self.threads:
            thread.start()

    def run(self):
        rng = random.Random()
        while self.running:
            path = rng.choice(self.PATHS)
            if rng.random() < 0.5:  # a miss: an offset no one asked for yet in this data version
                order = rng.choice(["id", "-id"])
                path = f"/2.3.0/spacecraft/?limit=1&offset={rng.randrange(10)}&ordering={order}"
            phase = self.phase
            status, content_type, body = self.instance.get(path, timeout=10)
            if self.phase != phase:  # in flight across a change of fault: it belongs to neither phase
                phase = f"{phase} -> {self.phase}"
            self.answers.append((time.monotonic(), phase, status, content_type, body))

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=20)

    def in_phase(self, phase):
        return [a for a in self.answers if a[1] == phase]


def _settle(load, phase, seconds):
    load.phase = phase
    time.sleep(seconds)


def _check_json(answers):
    for _, phase, status, content_type, body in answers:
        if status == 0:
            continue
        assert content_type.startswith("application/json"), (phase, status, body[:200])
        json.loads(body)


@pytest.fixture
def proxies():
    from urllib.parse import urlsplit

    made = []

    def make(url):
        parts = urlsplit(url)
        proxy = Proxy(parts.port or 5432)
        made.append(proxy)
        return proxy, url.replace(parts.netloc.split("@")[-1], proxy.url_host)

    yield make
    for proxy in made:
        proxy.close()


def test_faults_under_load_on_two_workers(database, proxies):
    pg, pg_url = proxies(database)
    redis_proxy, redis_url = proxies(REDIS)
    instance = Instance(pg_url, redis_url, HANGAR_CACHE_PREFIX=f"faults-{uuid.uuid4().hex[:8]}")
    load = Load(instance)
    try:
        _settle(load, "baseline", 2)
        redis_proxy.down()
        _settle(load, "redis down", 3)
        redis_proxy.up()
        _settle(load, "redis back", 6)
        redis_proxy.hang()
        _settle(load, "redis hung", 3)
        redis_proxy.up()
        _settle(load, "redis unhung", 6)
        pg.down()
        _settle(load, "pg down", 4)
        pg.up()
        _settle(load, "pg back", 2)
        _settle(load, "pg recovered", 3)
        pg.hang()
        _settle(load, "pg hung", 8)
        pg.up()
        _settle(load, "pg unhung", 4)
        _settle(load, "end", 3)
    finally:
        load.stop()
        log = instance.stop()
    _check_json(load.answers)
    statuses = {}
    for _, phase, status, _, _ in load.answers:
        statuses.setdefault(phase, set()).add(status)
    for phase in (
        "baseline",
        "redis down",
        "redis back",
        "redis hung",
        "redis unhung",
        "pg recovered",
        "end",
    ):
        assert statuses.get(phase) == {200}, (phase, statuses, log[-3000:])
    for phase in ("pg down", "pg hung", "pg back", "pg unhung"):
        assert statuses[phase] <= {200, 503}, (phase, statuses)
    for phase in [p for p in statuses if "->" in p]:  # across a change: never another 5xx
        assert statuses[phase] <= {200, 503}, (phase, statuses)
    assert 503 in statuses["pg down"] | statuses["pg hung"]
    assert "Traceback" not in log, log[-3000:]
    assert "WORKER TIMEOUT" not in log  # no request outlived gunicorn's timeout
    # Nothing lost: every answer of the last phase is the full catalog's.
    pages = [json.loads(a[4]) for a in load.in_phase("end") if a[2] == 200]
    assert pages and all(page.get("count", 10) == 10 for page in pages if "count" in page)


def test_two_instances_share_writes_and_rate_limits(database):
    throttle = {"HANGAR_THROTTLE_ANON": "5/hour"}
    throttle["HANGAR_CACHE_PREFIX"] = f"faults-{uuid.uuid4().hex[:8]}"  # counts of earlier runs apart
    first, second = Instance(database, REDIS, **throttle), Instance(database, REDIS, **throttle)
    try:
        path = "/2.3.0/spacecraft/188/"
        before = [json.loads(i.get(path)[2])["name"] for i in (first, second)]
        assert before == ["Soyuz 18", "Soyuz 18"]
        env = {**os.environ, "HANGAR_DATABASE_URL": database, "HANGAR_SECRET_KEY": "faults-" + "x" * 50}
        renamed = (
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','hangar.settings'); "
            "django.setup(); from hangar.catalog.models import Spacecraft; "
            "s = Spacecraft.objects.get(pk=188); s.name = 'Soyuz 18 (renamed)'; s.save()"
        )
        subprocess.run([sys.executable, "-c", renamed], env=env, check=True, cwd=ROOT)
        after = [json.loads(i.get(path)[2])["name"] for i in (second, first)]
        assert after == ["Soyuz 18 (renamed)", "Soyuz 18 (renamed)"]
        # 4 requests so far; the fifth is allowed, the sixth refused, whichever instance answers.
        assert first.get(path)[0] == 200
        assert second.get(path)[0] == 429
        assert first.get(path)[0] == 429
        report = json.loads(first.get("/2.3.0/api-throttle/")[2])
        assert report["your_request_limit"] == 5 and report["current_use"] == 5
    finally:
        first.stop()
        second.stop()
