"""``make bench``: Hangar under real load, beside a precomputed-bytes ceiling and the DRF baseline.

Starts gunicorn (sync workers, on loopback) on a generated catalog, drives it with wrk and reports, per
scenario: requests/s and p50/p99 latency for the ceiling (a minimal WSGI app on the same gunicorn that
returns the same bytes precomputed), cache hits, cache misses and, for the list pages, the prefetching
DRF nested-serializer view issue 5 measures against; SQL queries per request; workers' peak RSS. Ratios
inside one run are what to read: absolute numbers drift between runs on a shared machine.

The default run (10,000 spacecraft, SQLite, two 2 s rounds per measurement) takes about six
minutes; ``--spacecraft 1000000``, ``--database postgres`` and ``--soak 600`` give the scale and
memory runs. The table is printed and written to bench/RESULTS.md (``--output``).
"""

import argparse
import datetime as dt
import json
import os
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from load import ensure_wrk, free_port, gunicorn, run_wrk, stop, wait_for, workers_rss
from report import report

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
API = "/2.3.0/spacecraft/"
BASELINE = "/baseline/2.3.0/spacecraft/"


@dataclass
class Scenario:
    name: str
    query: str  # below ``path``, with its query string
    baseline: bool = False  # also measure the DRF baseline (issue 5's reference variant)
    uncached_only: bool = False  # pages no client asked for before: no ceiling or hit to compare
    random_offset: int = 0
    kind: str = "list"  # list, detail, filter, search, ordering, offset: for the targets summary
    results: dict = field(default_factory=dict)
    path: str = API  # the endpoint; only spacecraft rows have a DRF baseline


def scenarios(n: int) -> list[Scenario]:
    orderings = ["id", "-id"]
    for key in ("flights_count", "mission_ends_count", "time_docked", "time_in_space"):
        orderings += [key, f"-{key}"]
    return [
        Scenario("list, limit=10", "?limit=10", baseline=True),
        Scenario("list, limit=100", "?limit=100", baseline=True),
        Scenario("detailed, limit=100", "?mode=detailed&limit=100"),
        Scenario("detail by id", f"{max(1, n // 3)}/"),
        Scenario("search 'soyuz'", "?search=soyuz", kind="search"),
        Scenario("search 'dragon 1' limit=100", "?search=dragon%201&limit=100", kind="search"),
        *(Scenario(f"ordering={o}", f"?ordering={o}", kind="ordering") for o in orderings),
        Scenario("filter in_space=true", "?in_space=true", kind="filter"),
        Scenario("filter status=4&is_placeholder=false", "?status=4&is_placeholder=false", kind="filter"),
        Scenario(
            "filter in_space=false&status=1, -time_in_space",
            "?in_space=false&status=1&ordering=-time_in_space",
            kind="filter",
        ),
        Scenario("filter spacecraft_config=7, limit=100", "?spacecraft_config=7&limit=100", kind="filter"),
        Scenario(
            "filter spacecraft_config=7&status=1, -time_in_space",
            "?spacecraft_config=7&status=1&ordering=-time_in_space",
            kind="filter",
        ),
        Scenario("deep offset (90%), limit=100", f"?limit=100&offset={n * 9 // 10}", kind="offset"),
        Scenario(
            "random unseen pages, limit=100",
            "?limit=100",
            uncached_only=True,
            random_offset=max(0, n - 100),
            kind="offset",
        ),
        Scenario(
            "random unseen pages, detailed, limit=100",
            "?mode=detailed&limit=100",
            uncached_only=True,
            random_offset=max(0, n - 100),
        ),
        *launch_scenarios(),
        *event_scenarios(),
        *other_endpoints(),
    ]


def other_endpoints() -> list[Scenario]:
    """Rows for endpoints beyond spacecraft, held to the same targets (their names say the path)."""
    configs, pads = "/2.3.0/launcher_configurations/", "/2.3.0/pads/"
    return [
        Scenario("launcher_configurations list, limit=100", "?limit=100", path=configs),
        Scenario("launcher_configurations detailed, limit=100", "?mode=detailed&limit=100", path=configs),
        Scenario("launcher_configurations detail by id", "1/", path=configs, kind="detail"),
        Scenario(
            "launcher_configurations ordering=-total_launch_count",
            "?ordering=-total_launch_count",
            path=configs,
            kind="ordering",
        ),
        Scenario(
            "launcher_configurations filter families=1&total_launch_count__gte=1",
            "?families=1&total_launch_count__gte=1",
            path=configs,
            kind="filter",
        ),
        Scenario(
            "launcher_configurations search 'rocket 1'", "?search=rocket%201", path=configs, kind="search"
        ),
        Scenario("pads list, limit=100", "?limit=100", path=pads),
        Scenario(
            "pads ordering=-total_launch_count", "?ordering=-total_launch_count", path=pads, kind="ordering"
        ),
        Scenario(
            "pads filter location__id=1&agencies_ids=1,2",
            "?location__id=1&agencies_ids=1,2",
            path=pads,
            kind="filter",
        ),
        Scenario("pads search 'pad 1'", "?search=pad%201", path=pads, kind="search"),
        Scenario("launchers list, limit=100", "?limit=100", path="/2.3.0/launchers/"),
        Scenario("launchers detailed, limit=100", "?mode=detailed&limit=100", path="/2.3.0/launchers/"),
        Scenario(
            "launchers ordering=-flights", "?ordering=-flights", path="/2.3.0/launchers/", kind="ordering"
        ),
        Scenario("landings list, limit=100", "?limit=100", path="/2.3.0/landings/"),
        Scenario("landings detailed, limit=100", "?mode=detailed&limit=100", path="/2.3.0/landings/"),
        Scenario(
            "payload_flights detailed, limit=100", "?mode=detailed&limit=100", path="/2.3.0/payload_flights/"
        ),
        Scenario("payloads list, limit=100", "?limit=100", path="/2.3.0/payloads/"),
        Scenario("payloads detailed, limit=100", "?mode=detailed&limit=100", path="/2.3.0/payloads/"),
        Scenario(
            "payloads ordering=-payloadflight__rocket__launch__net",
            "?ordering=-payloadflight__rocket__launch__net",
            path="/2.3.0/payloads/",
            kind="ordering",
        ),
        *people_scenarios(),
    ]


def people_scenarios() -> list[Scenario]:
    """The people and station endpoints (issues 12 and 13) at limit=100."""
    dockings, stations = "/2.3.0/docking_events/", "/2.3.0/space_stations/"
    return [
        Scenario("docking_events list, limit=100", "?limit=100", path=dockings),
        Scenario("docking_events detailed, limit=100", "?mode=detailed&limit=100", path=dockings),
        Scenario("spacewalks list, limit=100", "?limit=100", path="/2.3.0/spacewalks/"),
        Scenario(
            "astronauts filter in_space=true, limit=100",
            "?in_space=true&limit=100",
            path="/2.3.0/astronauts/",
            kind="filter",
        ),
        Scenario("space_stations list, limit=100", "?limit=100", path=stations),
    ]


LAUNCHES = "/2.3.0/launches/"


def launch_scenarios() -> list[Scenario]:
    """The launch endpoints (issue 11): upcoming and previous at limit=100 in each mode, the filters
    clients send most, each ordering. Their paths differ, so each row names its own."""
    rows = []
    for window in ("upcoming", "previous"):
        for mode in ("list", "normal", "detailed"):
            rows.append(
                Scenario(
                    f"launches/{window}, {mode}, limit=100",
                    f"?mode={mode}&limit=100",
                    path=f"{LAUNCHES}{window}/",
                )
            )
    filters = {
        "lsp__id=1": "?lsp__id=1",
        "net__gte=2020-01-01": "?net__gte=2020-01-01T00:00:00Z",
        "status__ids=1,2,8": "?status__ids=1,2,8",
        "location__ids=1,2": "?location__ids=1,2",
        "is_crewed=true": "?is_crewed=true",
        "search 'payload'": "?search=payload",
    }
    for name, query in filters.items():
        kind = "search" if name.startswith("search") else "filter"
        rows.append(Scenario(f"launches/upcoming {name}", query, kind=kind, path=f"{LAUNCHES}upcoming/"))
        rows.append(Scenario(f"launches {name}, limit=100", f"{query}&limit=100", kind=kind, path=LAUNCHES))
    for key in ("id", "last_updated", "name", "net"):
        for ordering in (key, f"-{key}"):
            rows.append(
                Scenario(
                    f"launches ordering={ordering}", f"?ordering={ordering}", kind="ordering", path=LAUNCHES
                )
            )
    rows.append(
        Scenario("launch detail", "?mode=detailed&limit=1", kind="detail", path=f"{LAUNCHES}previous/")
    )
    return rows


EVENTS = "/2.3.0/events/"
DASHBOARD = "/2.3.0/dashboard/starship/"


def event_scenarios() -> list[Scenario]:
    """The event endpoints: upcoming at limit=100 in each mode, as the launches' rows, and previous; the
    Starship dashboard (one object) in each mode."""
    rows = [
        Scenario(f"events/upcoming, {mode}, limit=100", f"?mode={mode}&limit=100", path=f"{EVENTS}upcoming/")
        for mode in ("list", "normal", "detailed")
    ]
    rows.append(Scenario("events/previous, normal, limit=100", "?limit=100", path=f"{EVENTS}previous/"))
    rows.append(Scenario("events search 'docking'", "?search=docking", kind="search", path=EVENTS))
    rows += [
        Scenario(f"dashboard/starship, {mode}", f"?mode={mode}", kind="detail", path=DASHBOARD)
        for mode in ("list", "normal", "detailed")
    ]
    return rows


# --- the catalog and in-process measurements --------------------------------------------------------


def configure(args) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings", "PYTHONUNBUFFERED": "1"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(BENCH), env.get("PYTHONPATH", "")) if p)
    if args.database == "postgres":
        env["HANGAR_DATABASE_URL"] = args.postgres_url
    else:
        env.pop("HANGAR_DATABASE_URL", None)
        env["HANGAR_DATA_DIR"] = str(OUT / f"sqlite-{args.spacecraft}-s{args.seed}")
    if args.cache == "redis":
        env["HANGAR_CACHE_URL"] = args.redis_url
    else:
        env.pop("HANGAR_CACHE_URL", None)
    env.pop("HANGAR_PUBLIC_URL", None)
    os.environ.clear()
    os.environ.update(env)  # this process counts queries on the same database as the servers
    sys.path.insert(0, str(BENCH))
    import django

    django.setup()
    return env


def prepare_catalog(args) -> None:
    from django.core.management import call_command

    from hangar.catalog.models import Spacecraft, SpacecraftFlight
    from hangar.ingest.generate import generate

    call_command("migrate", interactive=False, verbosity=0)
    # A catalog generated before flights were has the right size but nothing for detailed mode.
    if (
        Spacecraft.objects.count() == args.spacecraft
        and Spacecraft.objects.filter(pk=1).exists()
        and SpacecraftFlight.objects.exists()
    ):
        print(f"bench: reusing the generated catalog ({args.spacecraft:,} spacecraft)", file=sys.stderr)
        return
    print(f"bench: generating {args.spacecraft:,} spacecraft (seed {args.seed})", file=sys.stderr)
    started = time.monotonic()

    def progress(label, done, total):
        if total and done == total:
            print(f"  {label}: {done:,} in {time.monotonic() - started:.0f}s", file=sys.stderr)

    generate(args.spacecraft, seed=args.seed, replace=True, progress=progress)


def count_queries(scenario: Scenario) -> None:
    """SQL queries per request, in process on the same database: hit, miss (warm fragments), baseline."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(captured.captured_queries)

    from hangar.api.fast.fragments import forget_fragments

    sep = "&" if "?" in scenario.query else "?"
    cache.clear()  # counts too: this first request pays for everything, as after a write
    forget_fragments()
    started = time.perf_counter()
    scenario.results["queries_cold"] = queries(f"{scenario.path}{scenario.query}{sep}nocache=warm")
    scenario.results["cold_ms"] = (time.perf_counter() - started) * 1000
    scenario.results["queries_miss"] = queries(f"{scenario.path}{scenario.query}{sep}nocache=measure")
    queries(f"{scenario.path}{scenario.query}")
    scenario.results["queries_hit"] = queries(f"{scenario.path}{scenario.query}")
    if scenario.baseline:
        scenario.results["queries_baseline"] = queries(f"{BASELINE}{scenario.query}{sep}nocache=baseline")


# --- main -----------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacecraft", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--postgres-url",
        default="postgres://postgres@127.0.0.1:5432/hangar_bench",
        help="for --database postgres",
    )
    parser.add_argument("--cache", choices=("locmem", "redis"), default="locmem")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=float, default=2, help="seconds per measurement round")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per cell; the best is kept")
    parser.add_argument("--only", default="", help="comma-separated words; run scenarios whose name has one")
    parser.add_argument("--misses-only", action="store_true", help="measure only uncached requests")
    parser.add_argument("--soak", type=float, default=0, help="seconds of miss load while sampling RSS")
    parser.add_argument("--output", default=str(BENCH / "RESULTS.md"), help="markdown report ('' for none)")
    args = parser.parse_args(argv)
    if args.spacecraft < 100:
        parser.error("--spacecraft must be at least 100")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    OUT.mkdir(exist_ok=True)
    wrk = ensure_wrk()
    env = configure(args)
    prepare_catalog(args)
    chosen = scenarios(args.spacecraft)
    if args.only:
        words = [w.strip() for w in args.only.split(",") if w.strip()]
        chosen = [s for s in chosen if any(w in s.name for w in words)]

    port, ceiling_port = free_port(), free_port()
    server = gunicorn("hangar.wsgi:application", port, args.workers, env)
    ceiling = None
    try:
        wait_for(f"http://127.0.0.1:{port}{API}?limit=1")
        pages = {}
        for s in chosen:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{s.path}{s.query}") as response:
                pages[f"{s.path}{s.query}"] = (response.headers["Content-Type"], response.read().decode())
        pages_file = OUT / "ceiling-pages.json"
        pages_file.write_text(json.dumps(pages))
        ceiling = gunicorn(
            "ceiling:app", ceiling_port, args.workers, {**env, "BENCH_CEILING_PAGES": str(pages_file)}
        )
        wait_for(f"http://127.0.0.1:{ceiling_port}{chosen[0].path}{chosen[0].query}")

        for s in chosen:
            print(f"bench: {s.name}", file=sys.stderr)
            count_queries(s)
            api_url = f"http://127.0.0.1:{port}{s.path}{s.query}"
            cells = {"miss": (api_url, True, s.random_offset)}
            if not (args.misses_only or s.uncached_only):
                ceiling_url = f"http://127.0.0.1:{ceiling_port}{s.path}{s.query}"
                cells = {"ceiling": (ceiling_url, False, 0), "hit": (api_url, False, 0), **cells}
                urllib.request.urlopen(api_url).read()  # the entry the hits are served from
            if s.baseline:
                cells["baseline"] = (f"http://127.0.0.1:{port}{BASELINE}{s.query}", True, 0)
            # Interleaved rounds, best kept: other work on a shared machine slows some rounds, and
            # interleaving keeps the variants of one scenario measured under the same conditions.
            for _ in range(args.rounds):
                for variant, (url, miss, offsets) in cells.items():
                    result = run_wrk(wrk, url, args.duration, args.connections, miss, offsets)
                    if variant not in s.results or result["rps"] > s.results[variant]["rps"]:
                        s.results[variant] = result
            s.results["rss_kib"] = workers_rss(server, "VmHWM")
            print(f"  {json.dumps({k: v for k, v in s.results.items()}, default=str)}", file=sys.stderr)

        soak = []
        if args.soak:
            soak_started = time.monotonic()
            soak.append((0.0, workers_rss(server)))
            step = max(10.0, args.soak / 10)
            # Normal and detailed pages in turn: a detailed page of 100 is 1.5 MB, the largest
            # thing a worker caches, and it nests every fragment store.
            queries = ["?limit=100", "?mode=detailed&limit=100"]
            while time.monotonic() - soak_started < args.soak:
                run_wrk(
                    wrk,
                    f"http://127.0.0.1:{port}{API}{queries[len(soak) % 2]}",
                    step,
                    args.connections,
                    True,
                    args.spacecraft - 100,
                )
                soak.append((time.monotonic() - soak_started, workers_rss(server)))
    finally:
        stop(server)
        if ceiling is not None:
            stop(ceiling)

    text = report(args, chosen, soak, started)
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"bench: wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
