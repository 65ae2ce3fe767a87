"""Read import inputs: JSON files, directories of them (sorted, recursively) and standard input."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path


class SourceError(ValueError):
    """An input that cannot be read or is not JSON; the message names it."""


def expand(paths: list[str]) -> list[str]:
    """Every input named by ``paths``: ``-`` for stdin, files as given, ``*.json`` below directories."""
    inputs = []
    for raw in paths:
        if raw == "-":
            inputs.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.json") if p.is_file())
            if not found:
                raise SourceError(f"{raw}: directory holds no .json files")
            inputs += found
        elif path.is_file():
            inputs.append(raw)
        else:
            raise SourceError(f"{raw}: no such file or directory")
    return inputs


def read_json(name: str):
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{name}: cannot read: {exc}") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise SourceError(f"{name}: not valid JSON here: nested far too deeply") from None
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"{name}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None


def label(name: str) -> str:
    return "<stdin>" if name == "-" else name


def documents(names: list[str]) -> Iterator[tuple[str, object]]:
    for name in names:
        yield label(name), read_json(name)
