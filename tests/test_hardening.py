"""Hardening: serve refuses the placeholder key, check --deploy is clean for the documented production
configuration (docs/deploy.md), the admin can be unmounted and its login is throttled."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import clear_url_caches

from hangar import admin_login
from tests.server import free_port

DEPLOY = Path(__file__).resolve().parents[1] / "docs" / "deploy.md"


def hangar(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HANGAR_")}
    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", *args], env={**clean, **env}, capture_output=True, text=True
    )


def documented_environment() -> dict:
    """The production environment file of docs/deploy.md, as written there."""
    text = DEPLOY.read_text()
    block = re.search(r"# /etc/hangar.env\n(.*?)```", text, re.S).group(1)
    env = {}
    for line in block.splitlines():
        line = line.split("  #")[0].strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def test_serve_refuses_the_placeholder_secret_key(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = hangar("serve", "--port", str(free_port()), env={"HANGAR_DATABASE_URL": database})
    assert result.returncode != 0
    assert "HANGAR_SECRET_KEY is not set" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_deploy_is_clean_for_the_documented_production_configuration(tmp_path):
    env = documented_environment()
    assert env["HANGAR_PUBLIC_URL"].startswith("https://") and "HANGAR_HSTS_SECONDS" in env
    env["HANGAR_SECRET_KEY"] = "k7Vq2-" + "".join(chr(65 + (i * 7) % 26) for i in range(60))
    env["HANGAR_DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"  # no PostgreSQL needed to check
    env.pop("HANGAR_CACHE_URL", None)
    result = hangar("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_about_the_defaults(tmp_path):
    result = hangar("check", "--deploy", env={"HANGAR_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    for warning in ("security.W004", "security.W008", "security.W009", "security.W012", "security.W016"):
        assert warning in result.stdout + result.stderr


@pytest.fixture
def admin_off(settings):
    settings.ADMIN = False
    import importlib

    import hangar.urls

    importlib.reload(hangar.urls)
    clear_url_caches()
    yield
    settings.ADMIN = True
    importlib.reload(hangar.urls)
    clear_url_caches()


def test_the_admin_can_be_unmounted(db, admin_off):
    assert Client().get("/admin/").status_code == 404
    assert Client().get("/admin/login/").status_code == 404


def test_admin_logins_are_throttled_per_address(db, settings):
    # Each login hashes the password: the throttle is what is tested, not PBKDF2's million rounds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User.objects.create_superuser("admin", password="right-password")
    client = Client()
    for _ in range(admin_login.ATTEMPTS):
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    refused = client.post("/admin/login/", {"username": "admin", "password": "right-password"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["detail"].startswith("Too many failed logins")
    other = Client(REMOTE_ADDR="10.1.1.1")
    assert other.post("/admin/login/", {"username": "admin", "password": "right-password"}).status_code == 302
