"""``hangar serve``: demo data on an empty database only, and a real gunicorn answering."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from hangar.catalog.models import Spacecraft
from hangar.ingest.importing import load_demo_if_empty
from tests import factories


def test_demo_data_loads_into_an_empty_database(db):
    assert load_demo_if_empty() is not None
    assert Spacecraft.objects.count() == 10


def test_demo_data_never_touches_a_database_that_holds_data(db):
    factories.AgencyTypeFactory()
    assert load_demo_if_empty() is None
    assert not Spacecraft.objects.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> bytes:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_migrates_loads_demo_data_and_answers(tmp_path):
    port = _free_port()
    env = {**os.environ, "HANGAR_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "hangar.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        body = _get(f"http://127.0.0.1:{port}/2.3.0/spacecraft/?limit=1", time.monotonic() + 60)
        assert b'"count":10' in body
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert b"GET /2.3.0/spacecraft/?limit=1" in out  # the access log goes to stdout
    assert b"loaded demo data" in err


@pytest.mark.parametrize(
    ("args", "message"), [(["--port", "0"], "--port"), (["--workers", "x"], "--workers")]
)
def test_serve_rejects_bad_arguments(tmp_path, args, message):
    env = {**os.environ, "HANGAR_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "hangar.cli", "serve", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
