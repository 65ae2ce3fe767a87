"""The README's endpoint table, written from the router and the official OpenAPI file.

    .venv/bin/python tools/endpoint_table.py           # print the table
    .venv/bin/python tools/endpoint_table.py --write   # replace the table in README.md

Each route registered in ``hangar.api.urls`` is one row: what Hangar serves (list and detail, or detail
only), its modes with their defaults, and its upstream counterpart with the component the official file
gives its detail view. ``tests/test_readme.py`` fails when README.md holds another table, so the table
stays true as endpoints land.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
OFFICIAL = ROOT / "tests" / "data" / "ll2-2.3.0-openapi.json"
START, END = "<!-- endpoint-table:start -->", "<!-- endpoint-table:end -->"


def _detail_component(official: dict, path: str) -> str | None:
    operation = official["paths"].get(f"{path}{{id}}/")
    if operation is None:
        return None
    schema = operation["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return schema["$ref"].rsplit("/", 1)[-1]


def _modes(route) -> str:
    """Each mode and the component it answers with, its defaults marked; a lookup's one component."""
    cells = []
    for mode, component, defaults in route.mode_rows:
        if not mode:
            return f"`{component}`"
        marks = f" ({' and '.join(defaults)} default)" if defaults else ""
        cells.append(f"`{mode}` → `{component}`{marks}")
    return "<br>".join(cells)


def table() -> str:
    """The table, as Markdown, for the routes registered now."""
    from hangar.api.routes import routes

    official = json.loads(OFFICIAL.read_text())
    rows = [
        "| Hangar | serves | modes → components | upstream counterpart (its detail component) |",
        "|---|---|---|---|",
    ]
    for route in routes():
        serves = "list, detail" if route.lists else "detail only"
        if route.path in official["paths"]:
            component = _detail_component(official, route.path)
            upstream = f"[`{route.path}`]({route.upstream})" + (f" → `{component}`" if component else "")
        else:
            upstream = "none (Hangar only)"
        rows.append(f"| `{route.path}` | {serves} | {_modes(route)} | {upstream} |")
    return "\n".join(rows)


def current(text: str) -> str:
    """The table README.md holds between its markers."""
    if START not in text or END not in text:
        raise ValueError(f"README.md has no {START} … {END} block")
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    import django

    django.setup()
    generated = table()
    if argv[1:] != ["--write"]:
        print(generated)
        return 0
    text = README.read_text()
    old = current(text)
    before, rest = text.split(START, 1)
    README.write_text(f"{before}{START}\n{generated}\n{END}{rest.split(END, 1)[1]}")
    print("README.md: endpoint table " + ("unchanged" if old == generated else "rewritten"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
