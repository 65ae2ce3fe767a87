"""``hangar serve``: apply migrations, load the demo catalog into an empty database, run gunicorn."""

import errno
import os
import socket
import subprocess
import sys
import tempfile

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from hangar.ingest.importing import load_demo_if_empty
from hangar.management.base import HangarCommand


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


def ensure_free(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be listened on, before gunicorn tries (and retries)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
            sock.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise CommandError(
                f"port {port} on {host} is already in use: stop what holds it, or choose another port "
                f"(hangar serve --port {port + 1 if port < 65535 else 8000}, make run PORT=…)"
            ) from None
        raise CommandError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


# gunicorn's default access log line, with the time to answer in milliseconds at its end.
ACCESS_LOG = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'


def metrics_directory() -> None:
    """Where the workers' Prometheus counters live, so ``/metrics`` adds up every worker (emptied)."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        directory = tempfile.mkdtemp(prefix="hangar-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        os.environ["HANGAR_METRICS_DIR_OWNED"] = "1"  # removed by the master when it exits
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        if name.endswith(".db"):
            os.remove(os.path.join(directory, name))


def unapplied_migrations() -> int:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def start_mirror(base_url: str, budget: str | None, api_key: str | None) -> None:
    """``hangar mirror --watch`` in a process of its own; gunicorn keeps this process's id (``execv``),
    and the mirror stops when that process is gone."""
    argv = [
        sys.executable,
        "-m",
        "hangar.cli",
        "mirror",
        base_url,
        "--watch",
        "--parent-pid",
        str(os.getpid()),
    ]
    if budget:
        argv += ["--budget", budget]
    if api_key:
        argv += ["--api-key", api_key]
    subprocess.Popen(argv, stdin=subprocess.DEVNULL, close_fds=True)


class Command(HangarCommand):
    help = (
        "Serve the API with gunicorn. Applies migrations first (unless --no-migrate) and loads the demo "
        "catalog into an empty database (unless --no-demo); the access log goes to stdout."
    )
    examples = """
        hangar serve                                  # http://127.0.0.1:8000/2.3.0/spacecraft/
        hangar serve --host 0.0.0.0 --port 8716 --workers 4
        hangar migrate && hangar serve --no-migrate --no-demo   # production: migrations once per release
        hangar serve --no-demo --mirror https://ll.thespacedevs.com   # a mirror kept fresh beside it
    """
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=port, default=8000, help="TCP port, 1-65535 (default 8000)")
        parser.add_argument(
            "--workers", type=positive, default=2, help="gunicorn worker processes (default 2)"
        )
        parser.add_argument(
            "--no-demo", action="store_true", help="do not load demo data into an empty database"
        )
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="do not apply migrations (run `hangar migrate` once per release); refuses a database "
            "that lacks some",
        )
        parser.add_argument(
            "--mirror",
            metavar="BASE_URL",
            help="also run `hangar mirror BASE_URL --watch` beside the server (stops with it); what is "
            "stored is served meanwhile",
        )
        parser.add_argument("--mirror-budget", metavar="N/PERIOD", help="its --budget (e.g. 15/hour)")
        parser.add_argument("--mirror-api-key", metavar="KEY", help="its --api-key")

    def handle(self, *args, host, port, workers, no_demo, no_migrate, mirror, mirror_budget, mirror_api_key,
               verbosity, **options):  # fmt: skip
        if settings.SECRET_KEY == settings.SECRET_KEY_PLACEHOLDER and not settings.DEBUG:
            raise CommandError(
                "HANGAR_SECRET_KEY is not set, and the placeholder is public: set it to 50 random characters "
                "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or HANGAR_DEBUG=true on a "
                "laptop (make run makes one in var/secret_key)"
            )
        ensure_free(host, port)
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        elif pending := unapplied_migrations():
            raise CommandError(
                f"the database lacks {pending} migration(s): run `hangar migrate` first "
                "(or serve without --no-migrate)"
            )
        summary = None if no_demo else load_demo_if_empty()
        if summary is not None:
            created = sum(c["created"] for c in summary.counts.values())
            self.stderr.write(f"loaded demo data: {created} objects")
        # Closing the last connection checkpoints SQLite's WAL, so the file holds what was just written.
        connections.close_all()
        if mirror:
            start_mirror(mirror, mirror_budget, mirror_api_key)
        argv = [
            sys.executable, "-m", "gunicorn", "hangar.wsgi:application",
            "--config", "python:hangar.gunicorn_hooks",
            "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "--workers", str(workers),
            "--access-logfile", "-",
            "--access-logformat", ACCESS_LOG,
            # Above HANGAR_REQUEST_TIMEOUT, so a request that hangs ends as a JSON 503, not a killed worker.
            "--timeout", str(settings.REQUEST_TIMEOUT + 10),
            "--no-control-socket",  # one per user by default: several servers on a host would share it
        ]  # fmt: skip
        metrics_directory()
        self.stderr.write(f"serving on http://{host}:{port}/2.3.0/spacecraft/ (docs: /docs/)")
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            os.execv(sys.executable, argv)
        except OSError as exc:
            raise CommandError(f"cannot start gunicorn: {exc}") from None
