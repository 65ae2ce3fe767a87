"""What rate limiting costs: cache-hit throughput with throttling off, on with per-worker counters, and on
with counters in Redis (the target: less than 10% below off).

    .venv/bin/python bench/throttle.py [--redis redis://127.0.0.1:6379/13] [--duration 5] [--rounds 3]

Starts gunicorn (2 sync workers, loopback) on the demo catalog in a temporary SQLite database, once per
configuration, and drives one cached page with wrk (every request a hit). The limit is set far above
what the run can reach, so every request pays the check and none is refused. Prints a Markdown table
(median of the rounds) and writes it to bench/RESULTS-throttle.md unless --no-write.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from pathlib import Path

from load import ensure_wrk, free_port, gunicorn, run_wrk, stop, wait_for

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PAGE = "/2.3.0/spacecraft/?limit=10"


def serve(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = gunicorn("hangar.wsgi:application", port, workers, env)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/healthz")
    urllib.request.urlopen(base + PAGE).read()  # the entry every later request hits
    return server, base + PAGE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_redis = os.environ.get("HANGAR_BENCH_REDIS", "redis://127.0.0.1:6379/13")
    parser.add_argument("--redis", default=default_redis)
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    wrk = ensure_wrk()
    data = Path(tempfile.mkdtemp(prefix="hangar-bench-throttle-"))
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hangar.settings",
        "HANGAR_DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}",
        "HANGAR_SECRET_KEY": "bench-" + "b" * 50,
        "HANGAR_ALLOWED_HOSTS": "127.0.0.1",
    }
    hangar = [sys.executable, "-m", "hangar.cli"]
    subprocess.run([*hangar, "migrate", "-v0"], env=base_env, check=True, cwd=ROOT)
    demo = ROOT / "src" / "hangar" / "fixtures" / "demo"
    subprocess.run([*hangar, "import", str(demo), "-v0"], env=base_env, check=True, cwd=ROOT)
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    redis = {"HANGAR_CACHE_URL": args.redis, "HANGAR_CACHE_PREFIX": prefix}
    configurations = [
        ("local cache, throttling off", {}),
        ("local cache, throttling on (per-worker counters)", {"HANGAR_THROTTLE_ANON": "100000000/day"}),
        ("Redis cache, throttling off", redis),
        (
            "Redis cache, throttling on (counters in Redis)",
            {**redis, "HANGAR_THROTTLE_ANON": "100000000/day"},
        ),
    ]
    rows = []
    for name, extra in configurations:
        server, url = serve({**base_env, **extra}, args.workers)
        try:
            runs = [
                run_wrk(wrk, url, args.duration, args.connections, miss=False) for _ in range(args.rounds)
            ]
        finally:
            stop(server)
        rps = statistics.median(r["rps"] for r in runs)
        p50 = statistics.median(r["p50_us"] for r in runs) / 1000 if "p50_us" in runs[0] else float("nan")
        rows.append((name, rps, p50))
        print(f"{name}: {rps:,.0f} req/s", file=sys.stderr)
    lines = [
        "# Throttling cost on cache hits",
        "",
        f"`bench/throttle.py`: `{PAGE}` (every request a cache hit), {args.workers} sync workers, "
        f"{args.connections} connections, median of {args.rounds} rounds of {args.duration:g} s.",
        "",
        "| configuration | req/s | p50 ms | against throttling off |",
        "|---|---:|---:|---:|",
    ]
    for index, (name, rps, p50) in enumerate(rows):
        off = rows[index - 1][1] if index % 2 else rps
        lines.append(f"| {name} | {rps:,.0f} | {p50:.2f} | {100 * (rps / off - 1):+.1f}% |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        (BENCH / "RESULTS-throttle.md").write_text(text)


if __name__ == "__main__":
    main()
