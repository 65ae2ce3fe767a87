"""Import upstream JSON inputs: parse every input first, then write each in its own transaction.

Parsing everything before writing anything means malformed input anywhere changes nothing at all. The
one check that needs the database (a new object missing what only its fuller shapes carry) fails while
loading: that file's transaction is rolled back, files loaded before it stay.
"""

import datetime as dt
from collections.abc import Callable
from importlib import resources

from django.utils import timezone

from hangar.catalog import versioning
from hangar.ingest import bulk, snapshot
from hangar.ingest.load import LoadError, Summary, load_batch, pending_links
from hangar.ingest.parse import Batch, parse_document
from hangar.ingest.rebase import rebase
from hangar.ingest.sources import SourceError, documents, expand
from hangar.ingest.values import ParseError


class ImportFailed(ValueError):
    """A user-caused import failure; the message is one line naming the input and JSON path."""


def import_paths(
    paths: list[str],
    kind: str | None = None,
    progress: Callable[[str], None] = lambda _: None,
    prepare: Callable[[object], object] = lambda data: data,
) -> Summary:
    """Import files, directories of them, stdin (``-``) or one export; ``prepare`` may rewrite each
    document before it is parsed (the demo's relative dates)."""
    snapshots = [p for p in paths if p != "-" and snapshot.is_snapshot(p)]
    if snapshots:
        if len(paths) > 1 or kind is not None:
            raise ImportFailed(f"{snapshots[0]}: an export is imported on its own, without --kind")
        try:
            summary = snapshot.import_snapshot(snapshots[0], progress)
        except snapshot.SnapshotError as exc:
            raise ImportFailed(str(exc)) from None
        bulk.analyze()
        summary.warnings += pending_links()
        return summary
    try:
        names = expand(paths)
        parsed: list[tuple[str, Batch]] = []
        for name, data in documents(names):
            try:
                parsed.append((name, parse_document(prepare(data), kind=kind)))
            except ParseError as exc:
                raise ImportFailed(f"{name}: {exc}") from None
            progress(f"parsed {name}: {parsed[-1][1].size()} objects")
    except SourceError as exc:
        raise ImportFailed(str(exc)) from None
    summary = Summary()
    for name, batch in parsed:
        try:
            summary.merge(load_batch(batch))
        except LoadError as exc:
            # Only this file's transaction is rolled back; earlier files stay loaded (said in the README).
            raise ImportFailed(f"{name}: {exc}") from None
        progress(f"loaded {name}")
    if parsed:
        bulk.analyze()
        summary.warnings += pending_links()
    return summary


def demo_data_dir() -> str:
    """The packaged demo catalog: upstream JSON pages imported like any other input."""
    return str(resources.files("hangar") / "fixtures" / "demo")


def catalog_is_empty() -> bool:
    """No catalog data at all (the data version's bookkeeping row does not count)."""
    return not any(model.objects.exists() for model in versioning.data_models())


def import_demo(today: dt.date | None = None) -> Summary:
    """Import the demo catalog, its relative files dated from ``today`` (UTC; ``ingest.rebase``)."""
    today = today or timezone.now().astimezone(dt.UTC).date()
    return import_paths([demo_data_dir()], prepare=lambda data: rebase(data, today))


def load_demo_if_empty() -> Summary | None:
    """Load the demo catalog into an empty database; a database holding anything is never touched."""
    return import_demo() if catalog_is_empty() else None
