"""``hangar mirror`` and ``hangar export`` against a generated source: requests and wall time.

A source Hangar (gunicorn, 2 workers, SQLite) over a generated catalog of ``--spacecraft`` spacecraft
on loopback; a mirror into an empty SQLite database, as separate ``hangar`` processes, with a budget
that never waits (what is measured is the work, not the rate limit: at upstream's 15/hour the time is
requests x 4 minutes). Rows: the first full pass, a run with nothing due, a re-read of everything after
changes at the source (``--refresh 0``), then ``hangar export`` of the mirror to a ``.tar.gz`` and its
import into an empty database. Requests are counted in the source's access log.

    .venv/bin/python bench/mirror.py                      # 10,000 spacecraft, about 5 minutes
    .venv/bin/python bench/mirror.py --spacecraft 1000    # a quick look
"""

import argparse
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
GENERATE = """
import datetime as dt, sys, django
django.setup()
from django.core.management import call_command
from hangar.ingest.generate import generate
call_command("migrate", verbosity=0)
generate(int(sys.argv[1]), seed=1, now=dt.datetime(2025, 7, 1, tzinfo=dt.UTC))
"""
CHANGE = """
import sys, django
django.setup()
from hangar.catalog import signals
from hangar.catalog.models import Spacecraft
with signals.batched():
    for craft in Spacecraft.objects.order_by("id")[: int(sys.argv[1])]:
        craft.name += " (renamed)"
        craft.save()
"""


def env(database: Path) -> dict:
    return {
        "HANGAR_SECRET_KEY": "bench-" + "k" * 50,  # serve refuses the placeholder
        **os.environ,
        "HANGAR_DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "hangar.settings",
    }


def hangar(database: Path, *args: str) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "hangar.cli", *args], env=env(database), check=True)
    return time.monotonic() - started


def python(database: Path, code: str, *args: str) -> None:
    subprocess.run([sys.executable, "-c", code, *args], env=env(database), check=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spacecraft", type=int, default=10_000)
    parser.add_argument("--output", default=str(BENCH / "RESULTS-mirror.md"))
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source_db, mirror_db, copy_db = tmp / "source.sqlite3", tmp / "mirror.sqlite3", tmp / "copy.sqlite3"
        print(f"generating {options.spacecraft} spacecraft…", file=sys.stderr)
        python(source_db, GENERATE, str(options.spacecraft))
        port, log = free_port(), tmp / "access.log"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "hangar.cli", "serve", "--port", str(port), "--workers", "2",
                 "--no-demo", "--no-migrate"],
                env=env(source_db), stdout=out, stderr=(tmp / "serve.err").open("wb"),
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    urllib.request.urlopen(f"{url}/2.3.0/config/spacecraft_statuses/", timeout=2).read()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit(f"the source did not start: {(tmp / 'serve.err').read_text()[-2000:]}")
                    time.sleep(0.3)
            hangar(mirror_db, "migrate", "-v0")

            def requests() -> int:
                return sum(
                    1
                    for line in log.read_text().splitlines()
                    if "GET /2.3.0/" in line and "api-throttle" not in line
                )

            def measure(label: str, *extra: str) -> None:
                before = requests()
                seconds = hangar(mirror_db, "mirror", url, "--budget", "1000000/minute", "-v0", *extra)
                rows.append((label, requests() - before, seconds))
                print(f"{label}: {rows[-1][1]} requests, {seconds:.1f} s", file=sys.stderr)

            measure("mirror: first full pass into an empty database")
            measure("mirror: run again, nothing due")
            python(source_db, CHANGE, "100")
            measure("mirror: --refresh 0 after 100 spacecraft renamed at the source", "--refresh", "0")
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
        snapshot = tmp / "snapshot.tar.gz"
        seconds = hangar(mirror_db, "export", str(snapshot), "-v0")
        rows.append((f"export of the mirror to .tar.gz ({snapshot.stat().st_size / 1e6:.1f} MB)", 0, seconds))
        hangar(copy_db, "migrate", "-v0")
        seconds = hangar(copy_db, "import", str(snapshot), "-v0")
        rows.append(("import of that snapshot into an empty database", 0, seconds))
        counts = [
            sqlite3.connect(db).execute("SELECT COUNT(*) FROM catalog_spacecraft").fetchone()[0]
            for db in (source_db, mirror_db, copy_db)
        ]
        assert counts[0] == counts[1] == counts[2], counts
    header = [
        f"# hangar mirror and export: {options.spacecraft:,} spacecraft",
        "",
        f"`bench/mirror.py --spacecraft {options.spacecraft}`, {dt.date.today().isoformat()}, SQLite, "
        f"loopback, {os.cpu_count()} cores shared with other work. A budget that never waits: at "
        "upstream's 15/hour, each request is 4 minutes.",
        "",
        "| step | requests | wall time |",
        "|---|---:|---:|",
    ]
    lines = header + [f"| {label} | {n or '–'} | {seconds:.1f} s |" for label, n, seconds in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(options.output).write_text(text)


if __name__ == "__main__":
    main()
