"""Every difference between Hangar's generated OpenAPI schema and the official LL2 2.3.0 file.

    .venv/bin/python tools/schema_diff.py            # list them; exit 1 if one is not justified
    .venv/bin/python tools/schema_diff.py --all      # also print each justified one with its reason

Compared: the paths served; per operation its query and path parameters (type, format, enum, default,
required) and its responses; and, for every component both documents name and a shared operation
reaches, its properties (presence, order, type, format, nullability, enum, reference, required). Each
difference is one line, ``<where>: <what>``. README.md's "Schema differences" list holds a pattern
(``*`` stands for any text) and a reason for each kind of difference Hangar keeps; a difference no
pattern matches fails the run, and so does a pattern that matches nothing (the README would be claiming
a difference that is gone). CI runs it; ``tests/test_schema_diff.py`` too.
"""

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
OFFICIAL = ROOT / "tests" / "data" / "ll2-2.3.0-openapi.json"
START, END = "<!-- schema-differences:start -->", "<!-- schema-differences:end -->"
# A justification line: "- `glob` reason…" (the glob may contain spaces; backquotes delimit it).
JUSTIFICATION = re.compile(r"^- `([^`]+)`\s*(.*)$")
COMPARED = ("type", "format", "nullable", "enum", "default", "items", "$ref", "oneOf")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _shape(schema: dict) -> dict:
    """The parts of a schema the wire depends on, references by component name, enums as sets."""
    if not isinstance(schema, dict):
        return {}
    if len(schema.get("allOf", ())) == 1:  # drf-spectacular's wrapper of a $ref that is nullable
        schema = {**schema["allOf"][0], **{k: v for k, v in schema.items() if k != "allOf"}}
    shape = {}
    for key in COMPARED:
        if key not in schema:
            continue
        value = schema[key]
        if key == "$ref":
            value = _ref_name(value)
        elif key == "enum":
            value = sorted(map(str, value))
        elif key == "items":
            value = _shape(value)
        elif key == "oneOf":
            value = sorted(_describe(_shape(v)) for v in value)
        shape[key] = value
    if schema.get("type") == "array" and "items" not in shape:
        shape["items"] = {}
    return shape


def _describe(shape: dict) -> str:
    return json.dumps(shape, sort_keys=True) if shape else "nothing"


def _compare_schemas(where: str, official: dict, ours: dict) -> Iterator[str]:
    """One line naming the keys whose values differ, with both sides' values of those keys."""
    a, b = _shape(official), _shape(ours)
    a.setdefault("nullable", False)
    b.setdefault("nullable", False)
    keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    if keys:
        side_a = {k: a[k] for k in keys if k in a}
        side_b = {k: b[k] for k in keys if k in b}
        yield f"{where}: official {_describe(side_a)}, Hangar {_describe(side_b)}"


def _parameters(operation: dict) -> dict:
    return {(p["in"], p["name"]): p for p in operation.get("parameters", [])}


def _response_refs(operation: dict) -> dict:
    refs = {}
    for status, response in operation.get("responses", {}).items():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        refs[status] = _shape(schema).get("$ref")
    return refs


def _component_diff(name: str, official: dict, ours: dict) -> Iterator[str]:
    where = f"component {name}"
    if ("oneOf" in official) != ("oneOf" in ours) or "oneOf" in official:
        yield from _compare_schemas(where, official, ours)
        return
    props_a, props_b = official.get("properties", {}), ours.get("properties", {})
    for prop in props_a:
        if prop not in props_b:
            yield f"{where}.{prop}: only in the official file"
    for prop in props_b:
        if prop not in props_a:
            yield f"{where}.{prop}: only in Hangar"
    shared_a = [p for p in props_a if p in props_b]
    shared_b = [p for p in props_b if p in props_a]
    if shared_a != shared_b:
        yield f"{where}: property order differs: official {shared_a}, Hangar {shared_b}"
    for prop in shared_a:
        yield from _compare_schemas(f"{where}.{prop}", props_a[prop], props_b[prop])
    required_a, required_b = set(official.get("required", ())), set(ours.get("required", ()))
    for prop in sorted(required_a - required_b):
        yield f"{where}.{prop}: required in the official file only"
    for prop in sorted(required_b - required_a):
        yield f"{where}.{prop}: required in Hangar only"


def _referenced(schema, found: set) -> None:
    if isinstance(schema, dict):
        if "$ref" in schema:
            found.add(_ref_name(schema["$ref"]))
        for value in schema.values():
            _referenced(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _referenced(value, found)


def differences(official: dict, ours: dict) -> list[str]:
    """Every difference, one line each, in a stable order."""
    found = []
    for key in ("info", "servers"):
        if official.get(key) != ours.get(key):
            found.append(f"document: {key} differs")
    if official.get("components", {}).get("securitySchemes") != ours.get("components", {}).get(
        "securitySchemes"
    ):
        found.append("document: securitySchemes differ")
    paths_a, paths_b = official["paths"], ours["paths"]
    reached = []  # (official component, Hangar component) pairs the shared operations answer with
    for path in sorted(set(paths_a) | set(paths_b)):
        if path not in paths_b:
            found.append(f"{path}: not served")
            continue
        if path not in paths_a:
            found.append(f"{path}: only in Hangar")
            continue
        for method in sorted(set(paths_a[path]) | set(paths_b[path])):
            where = f"{method.upper()} {path}"
            a, b = paths_a[path].get(method), paths_b[path].get(method)
            if a is None or b is None:
                found.append(f"{where}: {'only in Hangar' if a is None else 'not served'}")
                continue
            if a.get("security") != b.get("security"):
                found.append(f"{where}: security differs")
            params_a, params_b = _parameters(a), _parameters(b)
            for key in sorted(set(params_a) | set(params_b)):
                label = f"{where} {key[0]} parameter {key[1]}"
                if key not in params_b:
                    found.append(f"{label}: not accepted")
                elif key not in params_a:
                    found.append(f"{label}: only in Hangar")
                else:
                    pa, pb = params_a[key], params_b[key]
                    found += _compare_schemas(label, pa.get("schema", {}), pb.get("schema", {}))
                    if bool(pa.get("required")) != bool(pb.get("required")):
                        found.append(f"{label}: required differs")
            refs_a, refs_b = _response_refs(a), _response_refs(b)
            for status in sorted(set(refs_a) | set(refs_b)):
                official_ref, our_ref = refs_a.get(status), refs_b.get(status)
                if official_ref != our_ref:
                    found.append(f"{where} response {status}: official {official_ref}, Hangar {our_ref}")
                elif refs_a.get(status):
                    reached.append(refs_a[status])
    components_a = official["components"]["schemas"]
    components_b = ours["components"]["schemas"]
    seen, queue = set(), list(reached)
    while queue:
        name = queue.pop()
        if name in seen or name not in components_a or name not in components_b:
            continue
        seen.add(name)
        nested_a, nested_b = set(), set()
        _referenced(components_a[name], nested_a)
        _referenced(components_b[name], nested_b)
        queue += sorted(nested_a & nested_b)
    for name in sorted(seen):
        found += _component_diff(name, components_a[name], components_b[name])
    return found


def justifications(text: str) -> list[tuple[str, str]]:
    """(pattern, reason) for each line of README.md's schema-differences list."""
    if START not in text or END not in text:
        raise ValueError(f"README.md has no {START} … {END} block")
    block = text.split(START, 1)[1].split(END, 1)[0]
    found = []
    for line in block.strip().splitlines():
        match = JUSTIFICATION.match(line.strip())
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def matches(glob: str, line: str) -> bool:
    """Whether ``line`` is ``glob`` where each ``*`` stands for any text (nothing else is special)."""
    pattern = ".*".join(re.escape(part) for part in glob.split("*"))
    return re.fullmatch(pattern, line) is not None


def check(found: list[str], justified: list[tuple[str, str]]) -> tuple[dict, list[str], list[str]]:
    """({difference: reason}, unjustified differences, patterns that match nothing)."""
    reasons, unjustified, used = {}, [], set()
    for line in found:
        for glob, reason in justified:
            if matches(glob, line):
                reasons[line] = reason
                used.add(glob)
                break
        else:
            unjustified.append(line)
    return reasons, unjustified, [glob for glob, _ in justified if glob not in used]


def hangar_schema() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    import django

    django.setup()
    found = differences(json.loads(OFFICIAL.read_text()), hangar_schema())
    reasons, unjustified, stale = check(found, justifications(README.read_text()))
    print(f"{len(found)} differences between Hangar's schema and the official file, {len(reasons)} justified")
    if "--all" in argv:
        for line, reason in reasons.items():
            print(f"  justified: {line}  ({reason})")
    for line in unjustified:
        print(f"  NOT JUSTIFIED: {line}")
    for glob in stale:
        print(f"  STALE (README.md justifies a difference that is gone): {glob}")
    if unjustified or stale:
        print("Fix each difference, or add a line to README.md's schema-differences list", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
