"""The ``hangar`` command: Django's management entry point with Hangar's settings, version and overview.

``hangar --help`` (or ``hangar`` alone) says what Hangar is and lists its own commands first, grouped,
then Django's. A configuration error (a bad ``HANGAR_*`` variable, a database that cannot be reached)
is one line on stderr naming what to fix, and exit status 2; ``--traceback`` shows the traceback.
"""

import os
import sys
import textwrap

from hangar import __version__

# Hangar's commands by group, in the order ``--help`` shows them. A Hangar command missing here is
# still listed, under "Other Hangar commands"; Django's commands named here are shown in their group.
GROUPS = {
    "Serve": ("serve",),
    "Data in and out": ("import", "mirror", "export", "backup", "generate"),
    "Maintenance": ("migrate", "recompute", "apikey", "check", "createsuperuser"),
}
ABOUT = (
    "an open, self-hostable API server for spaceflight data that speaks The Space Devs' Launch Library 2 "
    "(version 2.3.0) on the wire: a client changes only its base URL."
)
EXIT_CONFIGURATION = 2


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    if argv in (["--version"], ["version"]):
        import django

        print(f"hangar {__version__} (Launch Library 2 2.3.0 on the wire; Django {django.get_version()})")
        return
    traceback = "--traceback" in argv
    try:
        _setup()
        if argv in ([], ["help"], ["--help"], ["-h"]):
            print(overview())
            return
        from django.core.management import execute_from_command_line

        execute_from_command_line(["hangar", *argv])
    except Exception as exc:
        line = configuration_error(exc)
        if line is None or traceback:
            raise
        print(f"hangar: {line}", file=sys.stderr)
        sys.exit(EXIT_CONFIGURATION)


def _setup() -> None:
    import django

    django.setup()


def configuration_error(exc: BaseException) -> str | None:
    """One line for an error the deployment's configuration causes; ``None`` for anything else."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import OperationalError

    if isinstance(exc, ImproperlyConfigured):
        return str(exc)
    if isinstance(exc, OperationalError):
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"cannot use the database (check HANGAR_DATABASE_URL or HANGAR_DATA_DIR): {reason}"
    return None


def overview() -> str:
    """``hangar --help``: what Hangar is, its commands by group, then Django's."""
    from django.core.management import get_commands, load_command_class

    commands = get_commands()
    ours = sorted(name for name, app in commands.items() if app.startswith("hangar"))
    grouped = {name for names in GROUPS.values() for name in names}

    def summary(name: str) -> str:
        text = load_command_class(commands[name], name).help or ""
        return text.split(". ")[0].split("\n")[0].rstrip(".")

    lines = [
        f"hangar {__version__}: {ABOUT}",
        "",
        "usage: hangar COMMAND [OPTIONS]      options and examples: hangar COMMAND --help",
        "       hangar --version",
    ]
    sections = [(title, [n for n in names if n in commands]) for title, names in GROUPS.items()]
    sections.append(("Other Hangar commands", [n for n in ours if n not in grouped]))
    width = max(len(n) for _, names in sections for n in names) + 2
    for title, names in sections:
        if not names:
            continue
        lines += ["", f"{title}:"]
        for name in names:
            origin = "" if commands[name].startswith("hangar") else " (Django's)"
            text = textwrap.shorten(summary(name) + origin, 100 - width - 2, placeholder="…")
            lines.append(f"  {name:<{width}}{text}")
    lines += [
        "",
        "Configuration: HANGAR_* environment variables (README.md, Configuration). By default the",
        "database is ./var/hangar.sqlite3 (HANGAR_DATA_DIR, HANGAR_DATABASE_URL).",
        "",
        "Django's commands (hangar shell, hangar dbshell, hangar showmigrations, …):",
    ]
    by_app: dict[str, list[str]] = {}
    for name, app in commands.items():
        if not app.startswith("hangar"):
            by_app.setdefault("django" if app == "django.core" else app.rpartition(".")[2], []).append(name)
    for app in sorted(by_app):
        lines += textwrap.wrap(
            ", ".join(sorted(by_app[app])), 100, initial_indent=f"  [{app}] ", subsequent_indent="    "
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
