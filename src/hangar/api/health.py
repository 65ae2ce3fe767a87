"""``/healthz`` (the process answers) and ``/readyz`` (it can serve data), answered in front of Django.

Both are WSGI-level so that neither depends on what they report on: Django's middleware reads the data
version on every request, which would make ``/healthz`` a 503 whenever the database is down.

- ``/healthz``: 200 ``{"status": "ok"}`` as long as the worker runs. For liveness probes: restart on
  failure.
- ``/readyz``: 200 when the database answers the data-version read, else 503 (with ``Retry-After``).
  The cache is reported (``ok``, ``unavailable``, or ``local`` without Redis) but never required:
  requests are answered from the database without it. For readiness probes and load balancers.
"""

import orjson
from django.core.cache import caches
from django.db import DatabaseError, connection

from hangar.api.errors import RETRY_AFTER
from hangar.catalog import versioning

PATHS = ("/healthz", "/readyz")


def _cache_state() -> str:
    backend = caches["default"]
    client = getattr(backend, "client", None)
    if client is None:
        return "local"
    if not backend.health.available():
        return "unavailable"
    try:
        client().ping()
    except Exception as exc:
        backend.health.failed(exc, "ping")
        return "unavailable"
    backend.health.succeeded()
    return "ok"


def ready() -> tuple[int, dict]:
    try:
        version, changed_at = versioning.current()
    except (connection.Database.Error, DatabaseError) as exc:
        connection.close()
        return 503, {
            "status": "unavailable",
            "database": f"unavailable: {type(exc).__name__}",
            "cache": _cache_state(),
        }
    return 200, {
        "status": "ready",
        "database": "ok",
        "cache": _cache_state(),
        "data_version": version,
        "data_changed_at": changed_at.isoformat().replace("+00:00", "Z"),
    }


class Health:
    """WSGI middleware: answers ``/healthz`` and ``/readyz``, passes everything else to ``app``."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "").rstrip("/")
        if path not in PATHS or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        status, payload = (200, {"status": "ok"}) if path == "/healthz" else ready()
        body = orjson.dumps(payload)
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ]
        if status == 503:
            headers.append(("Retry-After", str(RETRY_AFTER)))
        start_response("200 OK" if status == 200 else "503 Service Unavailable", headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
