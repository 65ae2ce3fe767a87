"""Crawl every endpoint, mode and format of a catalog and print one line per response: its digest.

Used to prove that a refactor changes no response byte: run it before and after on the same catalog
and diff the outputs.

    .venv/bin/python tools/crawl.py demo > before.txt        # the demo catalog `make run` loads
    .venv/bin/python tools/crawl.py generated > before.txt   # `hangar generate --spacecraft 300 --seed 11`
    HANGAR_DATA_DIR=dir .venv/bin/python tools/crawl.py existing > before.txt   # a database as it is

Each list endpoint is read in every mode, with and without ``format=json``, at the default page,
``limit=100``, an offset and every ordering field; every detail ``url`` met is then read in every mode
of its view, with and without ``format=json``. The database is a throw-away SQLite file.
"""

import hashlib
import os
import sys
import tempfile
from collections import deque
from urllib.parse import urlsplit

if sys.argv[1:2] != ["existing"]:
    os.environ["HANGAR_DATA_DIR"] = tempfile.mkdtemp(prefix="hangar-crawl-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
os.environ.setdefault("HANGAR_ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import resolve  # noqa: E402

HOST = "http://testserver"


def _links(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("url", "next", "previous") and isinstance(value, str):
                yield value
            else:
                yield from _links(value)
    elif isinstance(node, list):
        for item in node:
            yield from _links(item)


def _view(path):
    try:
        return resolve(path).func.cls
    except Exception:
        return None


def _modes(cls):
    modes = getattr(cls, "modes", None)
    return list(modes) if modes else [None]


def _list_routes():
    from hangar.api.urls import router

    for prefix, viewset, _ in router.registry:
        if hasattr(viewset, "list"):
            yield f"/2.3.0/{prefix}/", viewset


def main(which: str) -> None:
    if which != "existing":
        call_command("migrate", verbosity=0)
    if which == "existing":
        pass
    elif which == "demo":
        from hangar.ingest.importing import load_demo_if_empty

        load_demo_if_empty()
    else:
        import datetime as dt
        from unittest import mock

        from hangar.ingest.generate import generate

        # Derived values of flights still in space count up to now: a fixed clock makes runs comparable.
        with mock.patch("django.utils.timezone.now", return_value=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)):
            generate(300, seed=11)
    client = Client()
    queue = deque()
    for path, viewset in _list_routes():
        fields = getattr(viewset, "ordering_fields", ()) or ()
        orderings = [f"ordering={o}" for f in fields for o in (f, f"-{f}")]
        for mode in _modes(viewset):
            for fmt in ("", "format=json"):
                for query in ("", "limit=100", "limit=5&offset=3", *orderings):
                    parts = [p for p in (fmt, f"mode={mode}" if mode else "", query) if p]
                    queue.append(f"{path}?{'&'.join(parts)}" if parts else path)
    seen = set(queue)
    lines = []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        digest = hashlib.sha256(response.content).hexdigest()[:16]
        lines.append(f"{url} {response.status_code} {digest}")
        if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
            continue
        for link in _links(response.json()):
            if not link.startswith(f"{HOST}/"):
                continue
            parts = urlsplit(link)
            cls = _view(parts.path)
            if cls is None:
                variants = [parts.path]
            else:
                variants = []
                for mode in _modes(cls):
                    for fmt in ("", "format=json"):
                        q = "&".join(p for p in (fmt, f"mode={mode}" if mode else "") if p)
                        variants.append(f"{parts.path}?{q}" if q else parts.path)
            for variant in variants:
                if variant not in seen:
                    seen.add(variant)
                    queue.append(variant)
    for line in sorted(lines):
        print(line)
    print(f"{len(lines)} responses", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo")
