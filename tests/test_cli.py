"""The ``hangar`` command as a newcomer meets it: its version, its overview, examples in every command's
help, and configuration errors in one line."""

import os
import subprocess
import sys

import pytest
from django.core.management import get_commands, load_command_class

from hangar import __version__
from hangar.cli import GROUPS, main, overview

HANGAR_COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("hangar"))


def hangar(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version_is_hangars():
    result = hangar("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"hangar {__version__} ")
    assert "2.3.0" in result.stdout


def test_help_says_what_hangar_is_then_its_commands_by_group_then_djangos():
    text = overview()
    first, *_ = text.splitlines()
    assert first.startswith(f"hangar {__version__}: an open, self-hostable API server")
    titles = [f"{title}:" for title in GROUPS if any(n in get_commands() for n in GROUPS[title])]
    lines = text.splitlines()
    positions = [lines.index(title) for title in titles]
    assert positions == sorted(positions)
    djangos = lines.index(next(line for line in lines if line.startswith("Django's commands")))
    assert max(positions) < djangos
    listed = {line.split()[0] for line in lines[:djangos] if line.startswith("  ")}
    assert set(HANGAR_COMMANDS) <= listed  # every command of Hangar's, grouped or under "Other"
    assert "[django] " in text and "makemigrations" in text.split("Django's commands", 1)[1]


@pytest.mark.parametrize("args", [["--help"], [], ["help"], ["-h"]])
def test_help_is_what_hangar_alone_and_hangar_help_print(capsys, args):
    main(args)
    assert capsys.readouterr().out.strip() == overview()


@pytest.mark.parametrize("name", HANGAR_COMMANDS)
def test_every_hangar_command_help_has_examples(name):
    command = load_command_class(get_commands()[name], name)
    text = command.create_parser("hangar", name).format_help()
    examples = text.split("examples:\n", 1)[1].splitlines()
    assert examples and all(line.startswith("  ") for line in examples if line)
    assert any(
        line.strip().startswith(("hangar ", "HANGAR_")) or f"hangar {name}" in line for line in examples
    )


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"HANGAR_DATABASE_URL": "postgress://localhost/hangar"}, "HANGAR_DATABASE_URL"),
        ({"HANGAR_DATABASE_URL": "mysql://root@localhost/hangar"}, "HANGAR_DATABASE_URL"),
        ({"HANGAR_DATABASE_URL": "postgres://postgres@127.0.0.1:1/hangar"}, "HANGAR_DATABASE_URL"),
        ({"HANGAR_DATA_DIR": "/proc/no-such-dir"}, "HANGAR_DATA_DIR"),
        ({"HANGAR_DEBUG": "maybe"}, "HANGAR_DEBUG"),
    ],
)
def test_configuration_errors_are_one_line_naming_the_variable(env, variable):
    env.setdefault("HANGAR_DATABASE_URL", "")
    result = hangar("migrate", **env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hangar: ") and variable in lines[0], result.stderr


def test_traceback_flag_shows_the_traceback():
    result = hangar("migrate", "--traceback", HANGAR_DATABASE_URL="postgres://postgres@127.0.0.1:1/x")
    assert result.returncode != 0 and "Traceback" in result.stderr
