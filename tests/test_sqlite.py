"""``hangar backup`` and the WAL checkpoint: copies are consistent, taken beside a writer, self-contained."""

import os
import sqlite3
import subprocess
import sys

import pytest

from hangar.sqlite import BackupError, backup, checkpoint


def _wal_database(path):
    """A WAL database whose committed rows are all still in its -wal file (the writer stays open)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("CREATE TABLE t (n INTEGER)")
    connection.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
    return connection


def _rows(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT COUNT(*) FROM t").fetchone()[0]
    finally:
        connection.close()


def test_backup_holds_what_only_the_wal_holds(tmp_path):
    source = tmp_path / "db.sqlite3"
    writer = _wal_database(source)
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(source.read_bytes())
    with pytest.raises(sqlite3.OperationalError):
        _rows(plain)  # copying the file alone loses the table: why `hangar backup` exists
    size = backup(source, tmp_path / "copy.sqlite3")
    assert size == (tmp_path / "copy.sqlite3").stat().st_size
    assert _rows(tmp_path / "copy.sqlite3") == 100
    assert not (tmp_path / "copy.sqlite3-wal").exists()
    writer.close()


def test_backup_is_one_instant_and_does_not_wait_for_a_writer(tmp_path):
    source = tmp_path / "db.sqlite3"
    writer = _wal_database(source)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (100)")  # uncommitted, the write lock held
    backup(source, tmp_path / "during.sqlite3")
    writer.execute("COMMIT")
    backup(source, tmp_path / "after.sqlite3")
    assert (_rows(tmp_path / "during.sqlite3"), _rows(tmp_path / "after.sqlite3")) == (100, 101)
    writer.close()


def test_backup_refuses_to_overwrite_unless_told(tmp_path):
    source, target = tmp_path / "db.sqlite3", tmp_path / "copy.sqlite3"
    _wal_database(source).close()
    target.write_text("keep me")
    with pytest.raises(BackupError, match="exists"):
        backup(source, target)
    assert target.read_text() == "keep me"
    backup(source, target, overwrite=True)
    assert _rows(target) == 100


@pytest.mark.parametrize("problem", ["no source", "no directory", "itself"])
def test_backup_failures_leave_nothing_behind(tmp_path, problem):
    source = tmp_path / "db.sqlite3"
    if problem != "no source":
        _wal_database(source).close()
    target = {"no directory": tmp_path / "missing" / "copy.sqlite3", "itself": source}.get(
        problem, tmp_path / "copy.sqlite3"
    )
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(BackupError):
        backup(source, target, overwrite=True)
    assert sorted(os.listdir(tmp_path)) == before


def test_checkpoint_makes_the_file_self_contained(tmp_path):
    source = tmp_path / "db.sqlite3"
    writer = _wal_database(source)
    checkpoint(source)
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(source.read_bytes())
    assert _rows(plain) == 100
    writer.close()


def _backup_command(*args, database_url):
    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", "backup", *args],
        env={**os.environ, "HANGAR_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_backup_command_copies_and_reports(tmp_path):
    _wal_database(tmp_path / "db.sqlite3").close()
    result = _backup_command(
        str(tmp_path / "copy.sqlite3"), database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    assert "backed up" in result.stderr and _rows(tmp_path / "copy.sqlite3") == 100
    again = _backup_command(
        str(tmp_path / "copy.sqlite3"), database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    assert again.returncode != 0 and "--overwrite" in again.stderr and "Traceback" not in again.stderr


def test_backup_command_points_postgresql_to_pg_dump(tmp_path):
    result = _backup_command(str(tmp_path / "x"), database_url="postgres://postgres@127.0.0.1:5432/x")
    assert result.returncode != 0
    assert "pg_dump" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
