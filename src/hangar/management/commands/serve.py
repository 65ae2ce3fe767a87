"""``hangar serve``: apply migrations, load the demo catalog into an empty database, run gunicorn."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from hangar.ingest.importing import load_demo_if_empty


def port(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 65535:
        raise ValueError(value)
    return number


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Serve the API with gunicorn; migrates first and loads demo data into an empty database."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=port, default=8000, help="TCP port, 1-65535 (default 8000)")
        parser.add_argument(
            "--workers", type=positive, default=2, help="gunicorn worker processes (default 2)"
        )
        parser.add_argument(
            "--no-demo", action="store_true", help="do not load demo data into an empty database"
        )

    def handle(self, *args, host, port, workers, no_demo, verbosity, **options):
        call_command("migrate", interactive=False, verbosity=0)
        summary = None if no_demo else load_demo_if_empty()
        if summary is not None:
            created = sum(c["created"] for c in summary.counts.values())
            self.stderr.write(f"loaded demo data: {created} objects")
        argv = [
            sys.executable, "-m", "gunicorn", "hangar.wsgi:application",
            "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "--workers", str(workers),
            "--access-logfile", "-",
        ]  # fmt: skip
        self.stderr.write(f"serving on http://{host}:{port}/2.3.0/spacecraft/")
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            os.execv(sys.executable, argv)
        except OSError as exc:
            raise CommandError(f"cannot start gunicorn: {exc}") from None
