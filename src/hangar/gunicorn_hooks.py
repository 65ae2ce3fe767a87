"""gunicorn's server hooks for ``hangar serve`` (loaded with ``--config python:hangar.gunicorn_hooks``).

When the server stops, the master checkpoints the SQLite WAL into the database file: workers exit
without closing their connections, which would leave every recent write in ``<file>-wal`` only.

The requests gunicorn refuses itself (a request line over 4094 bytes: 414, too many or too large
headers: 431, a malformed request: 400) are answered in Hangar's JSON error format, not gunicorn's HTML.
"""

import os

import orjson

from hangar import compat


def _json_error(status: int, reason: str, message: str) -> bytes:
    detail = f"{reason}: {message}" if message else f"{reason}."
    return orjson.dumps({"detail": detail})


compat.gunicorn_json_errors(_json_error)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory and os.environ.get("HANGAR_METRICS_DIR_OWNED"):
        import shutil

        shutil.rmtree(directory, ignore_errors=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    from django.conf import settings

    from hangar.sqlite import checkpoint

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        checkpoint(database["NAME"])
        server.log.info("checkpointed %s: the database file is self-contained", database["NAME"])
