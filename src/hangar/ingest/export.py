"""``hangar export``: the whole catalog as LL2 pages (or NDJSON), importable by ``hangar import``.

Every list endpoint the router serves (``ingest.endpoints``), in the mode that carries the most, is
written page by page (``limit=100&ordering=id``) exactly as the server answers it: the pages come from
Hangar's own request handling, so they are the bytes a client or a mirror would read. One page is held
at a time (constant memory at any size). Everything is read in one database transaction (a snapshot on
SQLite and, at REPEATABLE READ, on PostgreSQL), so the export is one data version, which the manifest
records with the counts and the time.

Layout (a directory, or the same inside a ``.tar.gz``)::

    manifest.json                      format, data version, time, public URL, endpoints and their files
    pages/00-config__spacecraft_statuses/000000000.json   LL2 list pages, named by offset
    objects/03-spacecraft.ndjson       with --format ndjson: one object per line instead

``hangar import`` recognises an export by its manifest (``ingest.snapshot``).
"""

import datetime as dt
import io
import json
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import orjson
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from hangar import __version__
from hangar.catalog import versioning
from hangar.ingest.endpoints import MirrorEndpoint, mirror_endpoints

FORMAT = "hangar-export"
FORMAT_VERSION = 1
LIMIT = 100
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


class ExportFailed(RuntimeError):
    """An export that cannot be written; the message is one line."""


def folder(index: int, endpoint: MirrorEndpoint) -> str:
    return f"{index:02d}-{endpoint.prefix.replace('/', '__')}"


@dataclass
class Written:
    endpoint: str
    mode: str | None
    count: int = 0
    files: list[str] = field(default_factory=list)


class _Pages:
    """Pages as the server answers them, through Django's request handling (middleware included)."""

    def __init__(self, public_url: str):
        parts = urlsplit(public_url)
        self.client = Client(HTTP_HOST=parts.netloc, secure=parts.scheme == "https")

    def get(self, endpoint: MirrorEndpoint, offset: int) -> bytes:
        response = self.client.get(endpoint.path, endpoint.query(ordering="id", offset=offset))
        if response.status_code != 200:
            raise ExportFailed(f"{endpoint.path}?offset={offset}: HTTP {response.status_code}")
        return response.content


def _pages(pages: _Pages, endpoint: MirrorEndpoint) -> Iterator[tuple[int, bytes, dict]]:
    offset = 0
    while True:
        body = pages.get(endpoint, offset)
        data = orjson.loads(body)
        yield offset, body, data
        if not data.get("next"):
            return
        offset += LIMIT


class _Sink:
    """Where files go: a directory, or a gzipped tar written as a stream."""

    def __init__(self, target: Path):
        self.target = target
        self.tar = None
        if target.name.endswith((".tar.gz", ".tgz")):
            self.tar = tarfile.open(target, "w:gz")  # noqa: SIM115 (closed by close())
        else:
            target.mkdir(parents=True, exist_ok=True)
            if any(target.iterdir()):
                raise ExportFailed(f"{target}: not empty; export into a new or empty directory")

    def write(self, name: str, data: bytes) -> None:
        if self.tar is None:
            path = self.target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
        self.tar.addfile(info, io.BytesIO(data))

    def open_lines(self, name: str):
        """A file written line by line: straight to disk, or spooled, then added to the tar."""
        return _Lines(self, name)

    def close(self) -> None:
        if self.tar is not None:
            self.tar.close()


class _Lines:
    def __init__(self, sink: _Sink, name: str):
        self.sink, self.name = sink, name
        if sink.tar is None:
            path = sink.target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            self.file = path.open("wb")
        else:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (added to the tar, then closed)

    def write(self, line: bytes) -> None:
        self.file.write(line)

    def close(self) -> None:
        if self.sink.tar is not None:
            size = self.file.tell()
            self.file.seek(0)
            info = tarfile.TarInfo(self.name)
            info.size, info.mtime, info.mode = size, int(time.time()), 0o644
            self.sink.tar.addfile(info, self.file)
        self.file.close()


def _snapshot(outermost: bool) -> None:
    """Every read of this transaction sees one state of the database.

    Only an outermost transaction can choose its isolation level; inside an enclosing one (a caller's,
    or a test's) the export reads that transaction's state.
    """
    if outermost and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def export(
    target: str,
    fmt: str = "json",
    endpoints: list[MirrorEndpoint] | None = None,
    public_url: str | None = None,
    progress: Callable[[str, int], None] = lambda endpoint, objects: None,
) -> dict:
    """Write the catalog to ``target`` (a directory, or a ``.tar.gz`` file); return the manifest."""
    if fmt not in ("json", "ndjson"):
        raise ExportFailed(f"--format: {fmt!r} is not one of json, ndjson")
    chosen = list(endpoints or mirror_endpoints())
    url = (public_url or settings.PUBLIC_URL or DEFAULT_PUBLIC_URL).rstrip("/")
    sink = _Sink(Path(target))
    written = []
    try:
        # The URLs in the pages are the public URL's, whatever the deployment's setting says.
        outermost = not connection.in_atomic_block
        with override_settings(PUBLIC_URL=url), transaction.atomic():
            _snapshot(outermost)
            version, changed_at = versioning.current()
            pages = _Pages(url)
            for index, endpoint in enumerate(chosen):
                out = Written(endpoint.prefix, endpoint.mode)
                name = folder(index, endpoint)
                lines = sink.open_lines(f"objects/{name}.ndjson") if fmt == "ndjson" else None
                for offset, body, data in _pages(pages, endpoint):
                    out.count = data["count"]
                    if lines is None:
                        file = f"pages/{name}/{offset:09d}.json"
                        sink.write(file, body)
                        out.files.append(file)
                    else:
                        for item in data["results"]:
                            lines.write(orjson.dumps(item) + b"\n")
                    progress(endpoint.prefix, len(data["results"]))
                if lines is not None:
                    lines.close()
                    out.files.append(f"objects/{name}.ndjson")
                written.append(out)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "files": fmt,
            "hangar": __version__,
            "api": "2.3.0",
            "exported_at": timezone.now().astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "data_version": version,
            "data_changed_at": changed_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "public_url": url,
            "endpoints": [
                {"endpoint": w.endpoint, "mode": w.mode, "count": w.count, "files": w.files} for w in written
            ],
        }
        sink.write("manifest.json", json.dumps(manifest, indent=2).encode() + b"\n")
    finally:
        sink.close()
    return manifest
