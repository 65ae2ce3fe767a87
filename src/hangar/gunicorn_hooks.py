"""gunicorn's server hooks for ``hangar serve`` (loaded with ``--config python:hangar.gunicorn_hooks``).

When the server stops, the master checkpoints the SQLite WAL into the database file: workers exit
without closing their connections, which would leave every recent write in ``<file>-wal`` only.
"""

import os


def on_exit(server):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    from django.conf import settings

    from hangar.sqlite import checkpoint

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        checkpoint(database["NAME"])
        server.log.info("checkpointed %s: the database file is self-contained", database["NAME"])
