"""A second Hangar on loopback over a generated catalog, a fault-injecting proxy in front of it, and the
byte-for-byte comparison of every endpoint x mode of two catalogs.

The source runs in its own process on its own SQLite file (``hangar serve``); the mirror under test is
the test's own database. Both write absolute URLs with the same ``HANGAR_PUBLIC_URL``, so pages compare
as bytes.
"""

import contextlib
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.test import Client

from tests.endpoints import ENDPOINTS
from tests.server import free_port, get

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_URL = "http://mirror.test"
GENERATED_AT = "2025-07-01T00:00:00+00:00"  # the clock derived values are computed at, on both sides

_WRITE = """
import datetime as dt, sys, django
django.setup()
from django.core.management import call_command
from hangar.ingest.generate import generate
call_command("migrate", verbosity=0)
generate(int(sys.argv[1]), seed=int(sys.argv[2]), now=dt.datetime.fromisoformat(sys.argv[3]))
"""

_CHANGE = """
import datetime as dt, sys, django
django.setup()
from hangar.catalog import signals, stats
from tests.ingest.clock import freeze_stats_clock
freeze_stats_clock(dt.datetime.fromisoformat(sys.argv[1]))
from hangar.catalog.models import Agency, Spacecraft, SpacecraftFlight
with signals.batched():
    # Changed: names of spacecraft and agencies; removed: the last spacecraft and its flights.
    for craft in Spacecraft.objects.order_by("id")[:5]:
        craft.name = craft.name + " (renamed)"
        craft.save()
    agency = Agency.objects.order_by("id").first()
    agency.name = agency.name + " (renamed)"
    agency.save()
    last = Spacecraft.objects.order_by("-id").first()
    SpacecraftFlight.objects.filter(spacecraft=last).delete()
    last.delete()
# A deleted spacecraft's configuration is refreshed by its next write or a recompute (catalog.signals).
stats.recompute(now=dt.datetime.fromisoformat(sys.argv[1]))
"""

_TOUCH_LAUNCH = """
import datetime as dt, sys, django
django.setup()
from hangar.catalog import signals
from tests.ingest.clock import freeze_stats_clock
freeze_stats_clock(dt.datetime.fromisoformat(sys.argv[1]))
from hangar.catalog.models import Launch, Update
with signals.batched():
    # The launch updated last gets a new name, a new update and a later last_updated (the cursor's key).
    launch = Launch.objects.order_by("-last_updated", "-id").first()
    launch.name = launch.name + " (changed)"
    launch.last_updated = launch.last_updated + dt.timedelta(hours=1)
    launch.save()
    newest = Update.objects.order_by("-id").first()
    Update.objects.create(
        id=(newest.id if newest else 0) + 1, launch=launch, comment="Changed at the source.",
        created_by="Hangar tests", created_on=launch.last_updated,
    )
print(launch.id)
"""


def _env(database: Path) -> dict:
    return {
        "HANGAR_SECRET_KEY": "tests-" + "k" * 50,  # serve refuses the placeholder
        **os.environ,
        "HANGAR_DATABASE_URL": f"sqlite:///{database}",
        "HANGAR_PUBLIC_URL": PUBLIC_URL,
        "DJANGO_SETTINGS_MODULE": "hangar.settings",
    }


@dataclass
class SourceServer:
    database: Path
    port: int = 0
    process: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)  # more environment for the server (HANGAR_THROTTLE_ANON=…)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def python(self, code: str, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            env=_env(self.database),
            capture_output=True,
            timeout=300,
            cwd=ROOT,  # `tests` importable
        )
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        return done.stdout.decode().strip()

    def generate(self, spacecraft: int, seed: int) -> None:
        self.python(_WRITE, str(spacecraft), str(seed), GENERATED_AT)

    def change(self) -> None:
        self.python(_CHANGE, GENERATED_AT)

    def touch_launch(self) -> str:
        """Rename the launch updated last and give it an update; return its id."""
        return self.python(_TOUCH_LAUNCH, GENERATED_AT)

    def start(self) -> "SourceServer":
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hangar.cli", "serve", "--port", str(self.port), "--workers", "1",
             "--no-demo", "--no-migrate"],
            env={**_env(self.database), **self.env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        get(f"{self.url}/2.3.0/config/spacecraft_statuses/", time.monotonic() + 60)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.communicate()
            self.process = None


def hangar_process(database: Path, *args: str, **kwargs) -> subprocess.Popen:
    """``hangar ARGS`` on its own SQLite file, with the shared public URL."""
    return subprocess.Popen([sys.executable, "-m", "hangar.cli", *args], env=_env(database), **kwargs)


# --- the fault-injecting proxy -------------------------------------------------------------------------


@dataclass
class Faults:
    """Which faults the proxy injects: every ``every``-th request (0: none), the kinds in turn, so a run
    of ``every * len(kinds)`` requests meets each of them."""

    every: int = 2
    kinds: tuple[str, ...] = ("429", "500", "stall", "cut", "truncated")
    stall_seconds: float = 3.0
    retry_after: int = 1
    log: list[tuple[str, str]] = field(default_factory=list)  # (fault or "ok", path with query)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def pick(self) -> str:
        with self._lock:
            n = len(self.log) + 1
            if not self.every or n % self.every:
                return "ok"
            return self.kinds[(n // self.every - 1) % len(self.kinds)]


class Proxy:
    """An HTTP proxy to ``upstream`` that answers some requests with a fault instead (``Faults``)."""

    def __init__(self, upstream: str, faults: Faults):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                # The client may have given up on a stall: what the fault is for.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    proxy.handle(self)

        self.upstream, self.faults = upstream, faults
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def requests(self) -> int:
        return len(self.faults.log)

    def handle(self, handler) -> None:
        fault = self.faults.pick()
        with self.faults._lock:
            self.faults.log.append((fault, handler.path))
        if fault == "429":
            return self._answer(
                handler, 429, b'{"detail":"throttled"}', {"Retry-After": str(self.faults.retry_after)}
            )
        if fault == "500":
            return self._answer(handler, 500, b"<h1>Server Error</h1>", {})
        if fault == "stall":
            time.sleep(self.faults.stall_seconds)
        try:
            with urllib.request.urlopen(self.upstream + handler.path, timeout=60) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read()
        if fault == "cut":
            # Promise the whole body, send half of it, and close the connection.
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 2])
            handler.wfile.flush()
            handler.connection.shutdown(socket.SHUT_RDWR)
            handler.close_connection = True
            return None
        if fault == "truncated":
            body = body[: len(body) * 2 // 3]  # a complete HTTP answer holding broken JSON
        return self._answer(handler, status, body, {})

    @staticmethod
    def _answer(handler, status: int, body: bytes, headers: dict) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- comparing two catalogs ----------------------------------------------------------------------------


def every_page(ids_of, details: int = 25) -> list[str]:
    """Every page of every endpoint x mode: all list pages (limit=100), and detail pages of up to
    ``details`` objects per endpoint x mode. ``ids_of(endpoint)`` gives the ids to read details of."""
    urls = []
    for endpoint in ENDPOINTS:
        ids = ids_of(endpoint)
        for mode in endpoint.modes:
            if endpoint.lists:
                pages = max(1, -(-len(ids) // 100))
                urls += [endpoint.url(mode=mode, fmt="json", limit=100, offset=100 * i) for i in range(pages)]
            urls += [endpoint.url(pk, mode=mode, fmt="json") for pk in ids[:details]]
    return urls


def local_ids(endpoint) -> list:
    return list(endpoint.model.objects.order_by("pk").values_list("pk", flat=True))


def local_pages(urls: list[str]) -> dict[str, bytes]:
    client = Client()
    return {url: client.get(url, HTTP_HOST="mirror.test").content for url in urls}


def remote_pages(base: str, urls: list[str]) -> dict[str, bytes]:
    pages = {}
    for url in urls:
        try:
            with urllib.request.urlopen(base + url, timeout=60) as response:
                pages[url] = response.read()
        except urllib.error.HTTPError as exc:
            pages[url] = exc.read()
    return pages


def differences(base: str, details: int = 25) -> list[str]:
    """The pages of every endpoint x mode where the local catalog and the server at ``base`` differ (the
    ids read in detail are the local ones; list pages compare the rest, counts included)."""
    urls = every_page(local_ids, details)
    mine, theirs = local_pages(urls), remote_pages(base, urls)
    return [url for url in urls if mine[url] != theirs[url]]


def first_difference(a: bytes, b: bytes) -> str:
    i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    return f"{a[max(0, i - 120) : i + 120]!r}\n  vs\n{b[max(0, i - 120) : i + 120]!r}"


def count(base: str, prefix: str) -> int:
    with urllib.request.urlopen(f"{base}/2.3.0/{prefix}/?limit=1&format=json", timeout=30) as response:
        return json.loads(response.read())["count"]


__all__ = ["Faults", "Proxy", "SourceServer", "differences", "first_difference", "hangar_process"]
