"""``hangar backup FILE``: a consistent copy of the embedded SQLite database, safe while serving."""

import time

from django.conf import settings
from django.core.management.base import CommandError

from hangar.management.base import HangarCommand
from hangar.sqlite import BackupError, backup


class Command(HangarCommand):
    help = (
        "Back up the SQLite database to FILE. One consistent snapshot through SQLite's online backup "
        "API, taken while the server runs; restore by stopping the server and putting FILE in the "
        "database's place. For PostgreSQL use pg_dump (docs/deploy.md)."
    )
    examples = """
        hangar backup /backups/hangar-$(date +%F).sqlite3
        hangar backup --overwrite /backups/hangar-latest.sqlite3
        HANGAR_DATA_DIR=/srv/hangar hangar backup /backups/hangar.sqlite3
    """
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="where to write the copy")
        parser.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")

    def handle(self, *args, file, overwrite, verbosity, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError(
                "hangar backup copies the embedded SQLite database; this one is PostgreSQL: "
                "use pg_dump (docs/deploy.md, Backups)"
            )
        started = time.monotonic()
        try:
            size = backup(database["NAME"], file, overwrite=overwrite)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        if verbosity >= 1:
            self.stderr.write(
                f"backed up {database['NAME']} to {file}: {size / 1e6:.1f} MB "
                f"in {time.monotonic() - started:.1f}s"
            )
