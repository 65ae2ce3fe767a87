"""``hangar export`` streams: its peak memory at two catalog sizes, in each format.

For each ``--sizes`` value, a catalog of that many spacecraft (and everything they nest) is generated
into a fresh SQLite database, then exported as a directory of pages, as NDJSON and as a ``.tar.gz``,
each by a separate ``hangar`` process whose peak resident set size (``wait4``'s ``ru_maxrss``) is
recorded. Constant memory means the peak does not grow with the catalog, only the time does. The peak
includes the process's local-memory cache, bounded by ``HANGAR_CACHE_MB`` (64 by default), which a
small catalog does not fill: compare sizes at a small budget (``HANGAR_CACHE_MB=8``) to see the rest.

    .venv/bin/python bench/export_memory.py                      # 2,000 and 20,000 spacecraft
    .venv/bin/python bench/export_memory.py --sizes 1000 10000
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mirror import GENERATE, env  # bench/ is on the path when a script of it runs

LAYOUTS = {"directory": (), "ndjson": ("--format", "ndjson"), "tar.gz": ()}


def run(database: Path, *args: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one ``hangar`` process."""
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "hangar.cli", *args], env=env(database))
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"hangar {' '.join(args)} failed with {process.returncode}")
    return time.monotonic() - started, usage.ru_maxrss // 1024


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--output", default=str(Path(__file__).with_name("RESULTS-export-memory.md")))
    options = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in options.sizes:
            database = Path(tmp) / f"catalog-{size}.sqlite3"
            subprocess.run([sys.executable, "-c", GENERATE, str(size)], env=env(database), check=True)
            for layout, extra in LAYOUTS.items():
                target = Path(tmp) / f"export-{size}" / ("snapshot.tar.gz" if layout == "tar.gz" else layout)
                target.parent.mkdir(exist_ok=True)
                seconds, peak = run(database, "export", str(target), "-v0", *extra)
                rows.append((size, layout, seconds, peak))
                print(f"{size:,} spacecraft, {layout}: {seconds:.1f} s, peak {peak} MiB", file=sys.stderr)
    lines = [
        f"# hangar export: peak memory at {' and '.join(f'{s:,}' for s in options.sizes)} spacecraft",
        "",
        f"`bench/export_memory.py --sizes {' '.join(map(str, options.sizes))}`, "
        f"{dt.date.today().isoformat()}, SQLite, {os.cpu_count()} cores shared with other work. "
        "Peak RSS of the `hangar export` process, "
        f"HANGAR_CACHE_MB={os.environ.get('HANGAR_CACHE_MB', '64')}.",
        "",
        "| spacecraft | layout | wall time | peak RSS |",
        "|---:|---|---:|---:|",
        *(f"| {size:,} | {layout} | {seconds:.1f} s | {peak} MiB |" for size, layout, seconds, peak in rows),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(options.output).write_text(text)


if __name__ == "__main__":
    main()
