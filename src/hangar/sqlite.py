"""The embedded SQLite database as a file: consistent copies while serving, and WAL checkpoints.

In WAL mode recent writes live in ``<file>-wal`` until a checkpoint moves them into the database
file, so copying the file alone can miss data (after a first ``make run``, all of it). ``backup``
copies through SQLite's online backup API instead: one read transaction, so the copy is the database
at one instant, and in WAL mode serving and writing go on meanwhile. ``checkpoint`` is what
``hangar serve`` runs when it stops, so the file is self-contained afterwards.
"""

import os
import sqlite3
from pathlib import Path


class BackupError(Exception):
    """A user-caused backup failure, said in one line."""


def checkpoint(path: str | Path) -> None:
    """Move every write from the WAL into the database file and empty the WAL (its files go with the
    last connection). A database that does not exist is left alone."""
    if not Path(path).exists():
        return
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def backup(source: str | Path, target: str | Path, *, overwrite: bool = False) -> int:
    """Copy the database at ``source`` to ``target`` as one consistent snapshot; the copy's size.

    The copy is written beside ``target`` and renamed into place, so ``target`` is never half written.
    """
    source, target = Path(source), Path(target)
    if not source.exists():
        raise BackupError(f"{source}: no such database (is HANGAR_DATABASE_URL or HANGAR_DATA_DIR right?)")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists: choose another name, or pass --overwrite")
    if target.resolve() == source.resolve():
        raise BackupError(f"{target} is the database itself")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(partial)
            try:
                reader.backup(writer)  # every page in one step: one read transaction, one instant
                # The copy keeps WAL mode; switching it back to a rollback journal leaves no -wal file.
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {source} to {target}: {exc}") from None
    return target.stat().st_size
