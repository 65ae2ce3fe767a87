"""Reading what ``hangar export`` wrote: a directory with a manifest, or a ``.tar.gz`` snapshot.

Read as a stream, one file (or 100 NDJSON lines) at a time, so memory stays flat at any size. As for
any import, everything is parsed before anything is written: a first pass parses every file, checks
the manifest and spools each parsed file to a temporary file (pickled, in ``TMPDIR``: about the
snapshot's own size), a second reads them back one at a time and writes each in its own transaction.
Parsing is most of an import's work; it is done once. Derived statistics are recomputed once, after
the last file (``load.derive_everything``), not per file: until then readers see the files' rows with
the statistics as they were.
"""

import io
import json
import pickle
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from hangar.ingest.export import FORMAT
from hangar.ingest.load import LoadError, Summary, derive_everything, load_batch
from hangar.ingest.parse import parse_document
from hangar.ingest.values import ParseError

CHUNK = 100  # NDJSON lines per transaction


class SnapshotError(ValueError):
    """A snapshot that cannot be read; the message names the file."""


def is_snapshot(raw: str) -> bool:
    path = Path(raw)
    if path.is_file() and path.name.endswith((".tar.gz", ".tgz")):
        return True
    return path.is_dir() and (path / "manifest.json").is_file()


def _kind(name: str) -> str:
    """The endpoint a file holds, from its name: ``pages/03-config__spacecraft_statuses/…``."""
    parts = name.split("/")
    folder = parts[1] if parts[0] == "pages" else parts[1].removesuffix(".ndjson")
    return folder.split("-", 1)[1].replace("__", "/")


def _check_manifest(label: str, data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except ValueError:
        raise SnapshotError(f"{label}: manifest.json is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SnapshotError(f"{label}: manifest.json is not a Hangar export's")
    return manifest


def _files(raw: str) -> Iterator[tuple[str, io.BufferedIOBase | bytes]]:
    """(name, content) in the order they were written; NDJSON files as open binary streams."""
    path = Path(raw)
    if path.is_dir():
        manifest = _check_manifest(raw, (path / "manifest.json").read_bytes())
        for entry in manifest.get("endpoints", []):
            for name in entry.get("files", []):
                file = path / name
                if not file.is_file():
                    raise SnapshotError(f"{raw}: {name} is listed in the manifest but missing")
                if name.endswith(".ndjson"):
                    with file.open("rb") as stream:
                        yield name, stream
                else:
                    yield name, file.read_bytes()
        yield "manifest.json", (path / "manifest.json").read_bytes()
        return
    try:
        with tarfile.open(path, "r|gz") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                stream = tar.extractfile(member)
                yield member.name, stream if member.name.endswith(".ndjson") else stream.read()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise SnapshotError(f"{raw}: not a readable .tar.gz: {exc}") from None


def _documents(raw: str) -> Iterator[tuple[str, str | None, object]]:
    """(label, kind, JSON document) for every page or NDJSON chunk; the manifest as kind None."""
    seen_manifest = False
    for name, content in _files(raw):
        label = f"{raw}:{name}"
        if name == "manifest.json":
            _check_manifest(label, content)
            seen_manifest = True
            continue
        if name.endswith(".json"):
            try:
                yield label, _kind(name), json.loads(content)
            except ValueError as exc:
                raise SnapshotError(f"{label}: not valid JSON: {exc}") from None
            continue
        if not name.endswith(".ndjson"):
            continue
        chunk, start = [], 1
        for number, line in enumerate(content, 1):
            if not line.strip():
                continue
            try:
                chunk.append(json.loads(line))
            except ValueError as exc:
                raise SnapshotError(f"{label} line {number}: not valid JSON: {exc}") from None
            if len(chunk) == CHUNK:
                yield f"{label} lines {start}-{number}", _kind(name), {"results": chunk}
                chunk, start = [], number + 1
        if chunk:
            yield f"{label} lines {start}-", _kind(name), {"results": chunk}
    if not seen_manifest:
        raise SnapshotError(f"{raw}: no manifest.json: not a Hangar export")


def import_snapshot(raw: str, progress: Callable[[str], None] = lambda _: None) -> Summary:
    """Import an export (directory or ``.tar.gz``); ``ValueError`` subclasses name what is wrong."""
    with tempfile.TemporaryFile(prefix="hangar-import-") as spool:
        files = 0
        for label, kind, data in _documents(raw):  # pass 1: everything parses
            try:
                batch = parse_document(data, kind=kind)
            except ParseError as exc:
                raise SnapshotError(f"{label}: {exc}") from None
            pickle.dump((label, batch), spool, protocol=pickle.HIGHEST_PROTOCOL)
            files += 1
        progress(f"parsed {raw}: {files} files")
        spool.seek(0)
        summary, loaded = Summary(), 0
        try:
            for _ in range(files):  # pass 2: each file in its own transaction
                label, batch = pickle.load(spool)
                try:
                    summary.merge(load_batch(batch, derive=False))
                except LoadError as exc:
                    raise SnapshotError(f"{label}: {exc}") from None
                loaded += 1
        finally:
            if loaded:  # what was loaded, even if a later file failed, gets its statistics
                progress(f"loaded {raw}; deriving statistics")
                derive_everything()
    progress(f"loaded {raw}")
    return summary
