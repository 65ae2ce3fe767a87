"""A real ``hangar serve`` for tests that need one: a free port, and waiting until it answers."""

import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, deadline: float) -> bytes:
    """The body at ``url``, retried until ``deadline`` (``time.monotonic()``) while the server starts."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def hangar(*args: str, database, env_extra=None, **kwargs) -> subprocess.Popen:
    """``hangar ARGS`` on the SQLite file ``database``, whatever database the test run uses."""
    env = {
        "HANGAR_SECRET_KEY": "tests-" + "k" * 50,  # serve refuses the placeholder
        **os.environ,
        "HANGAR_DATABASE_URL": f"sqlite:///{database}",
        **(env_extra or {}),
    }
    return subprocess.Popen([sys.executable, "-m", "hangar.cli", *args], env=env, **kwargs)
