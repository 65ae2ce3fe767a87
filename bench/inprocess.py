"""Time per request in process, through the WSGI application gunicorn runs: no server, no load generator.

For developing the hot paths (``make bench`` is what measures them): prints microseconds per cache hit
and per cache miss (a distinct ``nocache`` value per request, as bench/wrk_report.lua does) for a few
pages of a generated catalog. Uses its own SQLite database under bench/out unless HANGAR_DATABASE_URL
is set. ``python bench/inprocess.py [--spacecraft N] [--requests R] [--profile hit|miss]``
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
QUERIES = ("?limit=10", "?limit=100", "?status=4&is_placeholder=false&limit=100", "?search=soyuz&limit=100")


def environ(query: str) -> dict:
    path, _, qs = f"/2.3.0/spacecraft/{query}".partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": qs,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "*/*",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def call(application, query: str) -> bytes:
    status = []
    result = application(environ(query), lambda s, h, exc_info=None: status.append(s))
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    assert status[0].startswith("200"), (query, status, body[:300])
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacecraft", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--profile", choices=("hit", "miss"), help="cProfile one kind on ?limit=100")
    args = parser.parse_args()
    os.environ.setdefault("HANGAR_DATA_DIR", str(BENCH / "out" / f"inprocess-{args.spacecraft}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from hangar.catalog.models import Spacecraft
    from hangar.ingest.generate import generate

    call_command("migrate", interactive=False, verbosity=0)
    if Spacecraft.objects.count() != args.spacecraft:
        generate(args.spacecraft, seed=1, replace=True)
    from hangar.wsgi import application

    counter = iter(range(10**9))
    if args.profile:
        import cProfile
        import pstats

        query = "?limit=100"
        call(application, query)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests // 4):
            call(application, query if args.profile == "hit" else f"{query}&nocache={next(counter)}")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    for query in QUERIES:
        call(application, query)  # the entry hits are served from; fragments warm
        row = []
        for kind, n in (("hit", args.requests), ("miss", max(50, args.requests // 10))):
            started = time.perf_counter()
            for _ in range(n):
                call(application, query if kind == "hit" else f"{query}&nocache={next(counter)}")
            row.append(f"{kind} {(time.perf_counter() - started) / n * 1e6:8.0f} µs")
        print(f"{query:45} " + "   ".join(row))


if __name__ == "__main__":
    main()
