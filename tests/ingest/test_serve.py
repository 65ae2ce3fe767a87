"""``hangar serve``: demo data on an empty database only, a real gunicorn answering (and backed up while
it does), a database file that is self-contained once it stops, and clear refusals."""

import signal
import socket
import sqlite3
import subprocess
import time

import pytest

from hangar.catalog.models import Spacecraft
from hangar.ingest.importing import load_demo_if_empty
from tests import factories
from tests.server import free_port, get, hangar


def test_demo_data_loads_into_an_empty_database(db):
    assert load_demo_if_empty() is not None
    assert Spacecraft.objects.count() == 10


def test_demo_data_never_touches_a_database_that_holds_data(db):
    factories.AgencyTypeFactory()
    assert load_demo_if_empty() is None
    assert not Spacecraft.objects.exists()


def _spacecraft(database) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT COUNT(*) FROM catalog_spacecraft").fetchone()[0]
    finally:
        connection.close()


def test_serve_answers_is_backed_up_while_serving_and_leaves_a_self_contained_file(tmp_path):
    database, copy = tmp_path / "serve.sqlite3", tmp_path / "backup.sqlite3"
    port = free_port()
    server = hangar(
        "serve", "--port", str(port), "--workers", "1",
        database=database, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        body = get(f"http://127.0.0.1:{port}/2.3.0/spacecraft/?limit=1", time.monotonic() + 60)
        assert b'"count":10' in body
        backup = hangar("backup", str(copy), database=database, stderr=subprocess.PIPE)
        assert backup.wait(timeout=60) == 0, backup.stderr.read()
        assert get(f"http://127.0.0.1:{port}/2.3.0/spacecraft/?limit=1", time.monotonic() + 10) == body
    finally:
        server.send_signal(signal.SIGINT)  # what Ctrl-C on `make run` sends
        out, err = server.communicate(timeout=30)
    assert b"GET /2.3.0/spacecraft/?limit=1" in out  # the access log goes to stdout
    assert b"loaded demo data" in err
    assert _spacecraft(copy) == 10 and not (tmp_path / "backup.sqlite3-wal").exists()
    # Stopped, the file alone holds everything: a plain copy of it (without -wal) is the database.
    assert not (tmp_path / "serve.sqlite3-wal").exists()
    plain = tmp_path / "plain-copy.sqlite3"
    plain.write_bytes(database.read_bytes())
    assert _spacecraft(plain) == 10


def test_serve_reports_a_busy_port_before_doing_anything(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = hangar(
            "serve", "--port", str(port), database=tmp_path / "db.sqlite3", stderr=subprocess.PIPE
        )
        err = result.communicate(timeout=60)[1].decode()
    assert result.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "db.sqlite3").exists()  # nothing migrated, nothing loaded


def test_serve_no_migrate_refuses_a_database_that_lacks_migrations(tmp_path):
    result = hangar(
        "serve", "--no-migrate", "--port", str(free_port()),
        database=tmp_path / "db.sqlite3", stderr=subprocess.PIPE,
    )  # fmt: skip
    err = result.communicate(timeout=60)[1].decode()
    assert result.returncode != 0
    assert "run `hangar migrate` first" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"), [(["--port", "0"], "--port"), (["--workers", "x"], "--workers")]
)
def test_serve_rejects_bad_arguments(tmp_path, args, message):
    result = hangar("serve", *args, database=tmp_path / "serve.sqlite3", stderr=subprocess.PIPE)
    err = result.communicate(timeout=60)[1].decode()
    assert result.returncode != 0
    assert message in err and "Traceback" not in err
