"""Turn upstream LL2 JSON into typed records, or reject it with the exact JSON path of the problem.

Parsing is declarative: each catalog model has a ``Spec`` listing the upstream keys it reads and how.
A nested object is parsed with its own spec wherever it appears, so a spacecraft page yields records for
the spacecraft, their configurations, agencies, families, images, licences, … all keyed on upstream ids.

Rules:
- ``id`` is required on every object; keys a spec marks ``required`` must be present.
- A key absent from the input is absent from the record (the loader then keeps the stored value).
- Unknown keys are ignored (upstream adds fields over time); ``response_mode`` and ``url`` are ignored.
- The same object met twice in one input is merged; later keys win. A list page naming one id twice in
  its ``results`` is an error, though: one of the two would be lost.
- Every value must fit its column (``ingest.limits``: string lengths, integer ranges, ids from 0), and
  the document may nest at most ``limits.MAX_DEPTH`` levels; both checked here, the same on SQLite and
  PostgreSQL.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from hangar.ingest import limits
from hangar.ingest.resources import DASHBOARD_KEYS, DASHBOARD_PARTS, DASHBOARD_WINDOWS, ENDPOINTS, SHAPES
from hangar.ingest.spec import LIST_KINDS, SPECS
from hangar.ingest.values import KINDS, ParseError, describe

_ENDPOINT_RE = re.compile(r"/2\.3\.0/(?P<endpoint>[a-z_]+(?:/[a-z_]+)?)/(?:[0-9a-fA-F-]+/)?(?:\?|$)")


def endpoint_spec(url) -> str | None:
    if not isinstance(url, str):
        return None
    match = _ENDPOINT_RE.search(url)
    return ENDPOINTS.get(match.group("endpoint")) if match else None


def object_spec(data) -> str | None:
    """What an object is: by its ``url``, else by a key set only one url-less shape has."""
    if not isinstance(data, dict):
        return None
    return endpoint_spec(data.get("url")) or SHAPES.get(frozenset(data))


# --- records ------------------------------------------------------------------------------------------


@dataclass
class Batch:
    """Everything one input holds, keyed by spec name and upstream id."""

    records: dict[str, dict[int, dict]] = field(default_factory=lambda: defaultdict(dict))
    m2m: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    children: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    name_refs: dict[tuple[str, str], dict[int, str | None]] = field(default_factory=lambda: defaultdict(dict))
    # Id-less objects a parent owns (a mission's info_urls): (spec, key) → parent id → records, in order.
    owned: dict[tuple[str, str], dict[int, list[dict]]] = field(default_factory=lambda: defaultdict(dict))
    # Foreign keys given as mentions (spec.mention): (spec, attr) → object id → the target's id.
    mentions: dict[tuple[str, str], dict[object, object]] = field(default_factory=lambda: defaultdict(dict))
    # Where each object first appears, for errors found only when loading.
    paths: dict[tuple[str, object], str] = field(default_factory=dict)

    def size(self) -> int:
        return sum(len(r) for r in self.records.values())


def parse_object(batch: Batch, spec_name: str, data, path: str):
    """Parse one object of spec ``spec_name`` into ``batch``; return its id."""
    if not isinstance(data, dict):
        raise ParseError(path, f"expected an object, got {describe(data)}")
    if "id" not in data:
        raise ParseError(path, "missing required key 'id'")
    spec = SPECS[spec_name]
    obj_id = KINDS[spec.id_kind](data["id"], f"{path}.id")
    limits.check(spec.model, "pk", obj_id, f"{path}.id")
    record = batch.records[spec_name].setdefault(obj_id, {})
    batch.paths.setdefault((spec_name, obj_id), path)
    _parse_fields(batch, spec_name, obj_id, record, data, path)
    return obj_id


def _parse_list(value, sub: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ParseError(sub, f"expected a list, got {describe(value)}")
    return value


def _mention_id(spec_name: str, data, path: str):
    """The id of a mentioned object; the rest of its lean shape is what its own shape carries."""
    if not isinstance(data, dict):
        raise ParseError(path, f"expected an object, got {describe(data)}")
    if "id" not in data:
        raise ParseError(path, "missing required key 'id'")
    return KINDS[SPECS[spec_name].id_kind](data["id"], f"{path}.id")


def _parse_fields(batch: Batch, spec_name: str, obj_id, record: dict, data: dict, path: str) -> None:
    for f in SPECS[spec_name].fields:
        sub = f"{path}.{f.key}"
        if f.key not in data:
            if f.required:
                raise ParseError(path, f"missing required key {f.key!r}")
            continue
        value = data[f.key]
        if f.kind == "reverse_one":
            if value is not None:
                child_id = parse_object(batch, f.target, value, sub)
                batch.records[f.target][child_id][f.name] = obj_id
            continue
        if value is None and f.kind not in LIST_KINDS:
            if not f.null:
                raise ParseError(sub, "may not be null")
            if f.kind == "name_ref":
                batch.name_refs[(spec_name, f.name)][obj_id] = None
            else:
                record[f.name] = None
            continue
        if f.kind == "fk" and f.mention:
            record[f.name] = _mention_id(f.target, value, sub)
            batch.mentions[(spec_name, f.name)][obj_id] = record[f.name]
        elif f.kind == "fk":
            record[f.name] = parse_object(batch, f.target, value, sub)
        elif f.kind == "owned":
            items = []
            for i, item in enumerate(_parse_list(value, sub)):
                if not isinstance(item, dict):
                    raise ParseError(f"{sub}[{i}]", f"expected an object, got {describe(item)}")
                owned: dict = {}
                _parse_fields(batch, f.target, None, owned, item, f"{sub}[{i}]")
                items.append(owned)
            batch.owned[(spec_name, f.key)][obj_id] = items
        elif f.kind in LIST_KINDS:
            items = _parse_list(value, sub)
            ids = [parse_object(batch, f.target, item, f"{sub}[{i}]") for i, item in enumerate(items)]
            if f.kind in ("children", "reverse_fk"):
                for child_id in ids:
                    batch.records[f.target][child_id][f.name] = obj_id
            if f.kind == "children":
                batch.children[(spec_name, f.name)][obj_id] = ids
            elif f.kind == "m2m":
                batch.m2m[(spec_name, f.name)][obj_id] = ids
        elif f.kind == "name_ref":
            batch.name_refs[(spec_name, f.name)][obj_id] = KINDS["str"](value, sub)
        else:
            record[f.name] = KINDS[f.kind](value, sub)
            limits.check(SPECS[spec_name].model, f.name, record[f.name], sub)


def parse_dashboard(batch: Batch, data: dict) -> None:
    """A saved ``/dashboard/starship/`` object: each of its lists as objects of their own
    (``resources.dashboard``); its updates are the Starship program's."""
    from hangar.catalog.models import STARSHIP_PROGRAM

    for key, spec_name in DASHBOARD_PARTS.items():
        for i, item in enumerate(_parse_list(data[key], f"$.{key}")):
            obj_id = parse_object(batch, spec_name, item, f"$.{key}[{i}]")
            if spec_name == "Update":
                batch.records[spec_name][obj_id]["program"] = STARSHIP_PROGRAM
                batch.mentions[(spec_name, "program")][obj_id] = STARSHIP_PROGRAM
    for window in ("upcoming", "previous"):
        value = data[window]
        if not isinstance(value, dict):
            raise ParseError(f"$.{window}", f"expected an object, got {describe(value)}")
        for key, spec_name in DASHBOARD_WINDOWS.items():
            for i, item in enumerate(_parse_list(value.get(key), f"$.{window}.{key}")):
                parse_object(batch, spec_name, item, f"$.{window}.{key}[{i}]")


def parse_document(data, kind: str | None = None, batch: Batch | None = None) -> Batch:
    """Parse a list page (``{count, next, previous, results}``) or a single object (a saved Starship
    dashboard: its parts, ``parse_dashboard``).

    ``kind`` names the spec (or endpoint) when the objects carry no ``url`` to recognise them by (nor a
    key set only one url-less shape has: ``resources.SHAPES``).
    """
    batch = batch if batch is not None else Batch()
    limits.check_depth(data)
    if kind is not None:
        kind = ENDPOINTS.get(kind, kind)
        if kind not in SPECS:
            raise ParseError("$", f"unknown kind {kind!r}; known: {', '.join(sorted(ENDPOINTS))}")
    if isinstance(data, dict) and "results" in data and "id" not in data:
        results = data["results"]
        if not isinstance(results, list):
            raise ParseError("$.results", f"expected a list, got {describe(results)}")
        page_kind = kind or endpoint_spec(data.get("next")) or endpoint_spec(data.get("previous"))
        seen: dict[tuple[str, object], int] = {}
        for i, item in enumerate(results):
            item_kind = page_kind or object_spec(item)
            if item_kind is None:
                raise ParseError(f"$.results[{i}]", "cannot tell what this object is (no url); pass --kind")
            obj_id = parse_object(batch, item_kind, item, f"$.results[{i}]")
            if (item_kind, obj_id) in seen:
                first = seen[(item_kind, obj_id)]
                raise ParseError(f"$.results[{i}]", f"duplicate id {obj_id} (also at $.results[{first}])")
            seen[(item_kind, obj_id)] = i
        return batch
    if not isinstance(data, dict):
        raise ParseError("$", f"expected a list page or an object, got {describe(data)}")
    if kind is None and set(data) >= DASHBOARD_KEYS:
        parse_dashboard(batch, data)
        return batch
    obj_kind = kind or object_spec(data)
    if obj_kind is None:
        raise ParseError("$", "cannot tell what this object is (no url); pass --kind")
    parse_object(batch, obj_kind, data, "$")
    return batch
