"""Turn upstream LL2 JSON into typed records, or reject it with the exact JSON path of the problem.

Parsing is declarative: each catalog model has a ``Spec`` listing the upstream keys it reads and how.
A nested object is parsed with its own spec wherever it appears, so a spacecraft page yields records for
the spacecraft, their configurations, agencies, families, images, licences, … all keyed on upstream ids.

Rules:
- ``id`` is required on every object; keys a spec marks ``required`` must be present.
- A key absent from the input is absent from the record (the loader then keeps the stored value).
- Unknown keys are ignored (upstream adds fields over time); ``response_mode`` and ``url`` are ignored.
- The same object met twice in one input is merged; later keys win.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

import isodate


class ParseError(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- value kinds --------------------------------------------------------------------------------------


def _describe(value) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _int(value, path):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(path, f"expected an integer, got {_describe(value)}")
    if not -(2**63) <= value < 2**63:
        raise ParseError(path, f"integer out of range: {value}")
    return value


def _str(value, path):
    if not isinstance(value, str):
        raise ParseError(path, f"expected a string, got {_describe(value)}")
    if "\x00" in value:
        raise ParseError(path, "strings may not contain NUL characters")
    return value


def _bool(value, path):
    if not isinstance(value, bool):
        raise ParseError(path, f"expected true or false, got {_describe(value)}")
    return value


def _float(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParseError(path, f"expected a number, got {_describe(value)}")
    return float(value)


def _date(value, path):
    try:
        return dt.date.fromisoformat(_str(value, path))
    except ValueError:
        raise ParseError(path, f"expected a date like 2024-01-31, got {_describe(value)}") from None


def _datetime(value, path):
    try:
        parsed = dt.datetime.fromisoformat(_str(value, path).replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(
            path, f"expected a date-time like 2024-01-31T12:00:00Z, got {_describe(value)}"
        ) from None
    if parsed.tzinfo is None:
        raise ParseError(path, f"expected a date-time with a time zone, got {_describe(value)}")
    return parsed


def _duration(value, path):
    try:
        parsed = isodate.parse_duration(_str(value, path))
    except (isodate.ISO8601Error, ValueError):
        raise ParseError(
            path, f"expected an ISO 8601 duration like P61DT13H26M, got {_describe(value)}"
        ) from None
    if not isinstance(parsed, dt.timedelta):
        raise ParseError(path, f"durations in years or months are ambiguous, got {_describe(value)}")
    return parsed


KINDS = {
    "int": _int,
    "str": _str,
    "bool": _bool,
    "float": _float,
    "date": _date,
    "datetime": _datetime,
    "duration": _duration,
}


# --- specs --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One upstream key of an object.

    ``kind`` is a scalar kind (see ``KINDS``), ``"fk"``/``"m2m"``/``"children"`` (a nested object or list
    of objects of spec ``target``), ``"reverse_fk"``/``"listed"`` (a list of objects of spec ``target``
    that point here, or merely mention this one) or ``"name_ref"`` (the name of another object of spec
    ``target``, as upstream writes an agency's ``parent``).
    """

    key: str
    kind: str
    target: str = ""
    null: bool = False
    required: bool = False
    attr: str = ""  # model field name, when it differs from the key

    @property
    def name(self) -> str:
        return self.attr or self.key


def scalar(key, kind, null=False, required=False, attr=""):
    return Field(key, kind, null=null, required=required, attr=attr)


def fk(key, target, null=False, required=False):
    return Field(key, "fk", target, null=null, required=required)


def m2m(key, target):
    return Field(key, "m2m", target)


def children(key, target, parent_attr):
    """A list of objects owned by this one: the stored set is replaced by the list given."""
    return Field(key, "children", target, attr=parent_attr)


def reverse_fk(key, target, attr):
    """A list of objects whose ``attr`` points back at this one (an agency's ``spacecraft_list``).

    Each listed object is imported with ``attr`` set here; objects not listed are left as they are, since
    the list may come from a store that lags (unlike ``children``, nothing is deleted).
    """
    return Field(key, "reverse_fk", target, attr=attr)


def listed(key, target):
    """A list of objects imported for themselves; the relation is written from their side (a family's
    ``spacecraft`` are configurations whose own ``family`` list names it)."""
    return Field(key, "listed", target)


LIST_KINDS = ("m2m", "children", "reverse_fk", "listed")


def name_ref(key, target):
    return Field(key, "name_ref", target, null=True)


@dataclass(frozen=True)
class Spec:
    model: str  # "app_label.Model"
    fields: tuple[Field, ...]


SPECS: dict[str, Spec] = {}


def register(name: str, model: str, *fields: Field) -> None:
    SPECS[name] = Spec(model, tuple(fields))


STATS = ("total_launch_count", "successful_launches", "failed_launches", "attempted_landings")

register(
    "ImageLicense",
    "catalog.ImageLicense",
    scalar("name", "str"),
    scalar("priority", "int"),
    scalar("link", "str", null=True),
)
register("ImageVariantType", "catalog.ImageVariantType", scalar("name", "str"))
register(
    "ImageVariant",
    "catalog.ImageVariant",
    fk("type", "ImageVariantType", required=True),
    scalar("image_url", "str", required=True),
)
register(
    "Image",
    "catalog.Image",
    scalar("name", "str", required=True),
    scalar("image_url", "str", required=True),
    scalar("thumbnail_url", "str", required=True),
    scalar("credit", "str", null=True),
    fk("license", "ImageLicense", required=True),
    scalar("single_use", "bool"),
    children("variants", "ImageVariant", parent_attr="image"),
)
register(
    "Country",
    "catalog.Country",
    scalar("name", "str"),
    scalar("alpha_2_code", "str"),
    scalar("alpha_3_code", "str"),
    scalar("nationality_name", "str"),
    scalar("nationality_name_composed", "str"),
)
register("AgencyType", "catalog.AgencyType", scalar("name", "str"))
register(
    "SocialMedia",
    "catalog.SocialMedia",
    scalar("name", "str"),
    scalar("url", "str", null=True),
    fk("logo", "Image", null=True),
)
register(
    "SocialMediaLink",
    "catalog.SocialMediaLink",
    fk("social_media", "SocialMedia", required=True),
    scalar("url", "str", null=True),
)
register(
    "Agency",
    "catalog.Agency",
    scalar("name", "str", required=True),
    scalar("abbrev", "str"),
    fk("type", "AgencyType", required=True),
    scalar("featured", "bool"),
    m2m("country", "Country"),
    scalar("description", "str", null=True),
    scalar("administrator", "str", null=True),
    scalar("founding_year", "int", null=True),
    scalar("launchers", "str"),
    scalar("spacecraft", "str"),
    name_ref("parent", "Agency"),
    fk("image", "Image", null=True),
    fk("logo", "Image", null=True),
    fk("social_logo", "Image", null=True),
    *(
        scalar(k, "int", null=True)
        for k in (
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
            "consecutive_successful_landings",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "successful_landings_spacecraft",
            "failed_landings_spacecraft",
            "attempted_landings_spacecraft",
            "successful_landings_payload",
            "failed_landings_payload",
            "attempted_landings_payload",
        )
    ),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    m2m("social_media_links", "SocialMediaLink"),
    # AgencyEndpointDetailed's lists; the launchers in it carry no manufacturer, this sets it.
    reverse_fk("launcher_list", "LauncherConfig", attr="manufacturer"),
    reverse_fk("spacecraft_list", "SpacecraftConfig", attr="agency"),
)
register("ProgramType", "catalog.ProgramType", scalar("name", "str"))
register(
    "MissionPatch",
    "catalog.MissionPatch",
    scalar("name", "str", required=True),
    scalar("priority", "int"),
    scalar("image_url", "str", required=True),
    fk("agency", "Agency", null=True),
)
register(
    "Program",
    "catalog.Program",
    scalar("name", "str", required=True),
    fk("image", "Image", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("description", "str", null=True),
    m2m("agencies", "Agency"),
    scalar("start_date", "datetime", null=True),
    scalar("end_date", "datetime", null=True),
    m2m("mission_patches", "MissionPatch"),
    fk("type", "ProgramType", required=True),
)
LAUNCH_STATS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
    "consecutive_successful_landings",
)
register(
    "LauncherConfigFamily",
    "catalog.LauncherConfigFamily",
    scalar("name", "str", required=True),
    m2m("manufacturer", "Agency"),
    fk("parent", "LauncherConfigFamily", null=True),
    scalar("description", "str"),
    scalar("active", "bool"),
    scalar("maiden_flight", "date", null=True),
    *(scalar(k, "int", null=True) for k in LAUNCH_STATS),
)
register(
    "LauncherConfig",
    "catalog.LauncherConfig",
    scalar("name", "str", required=True),
    m2m("families", "LauncherConfigFamily"),
    scalar("full_name", "str"),
    scalar("variant", "str"),
    scalar("active", "bool"),
    scalar("is_placeholder", "bool"),
    fk("manufacturer", "Agency", null=True),
    m2m("program", "Program"),
    scalar("reusable", "bool"),
    fk("image", "Image", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("description", "str"),
    scalar("alias", "str"),
    scalar("min_stage", "int", null=True),
    scalar("max_stage", "int", null=True),
    scalar("length", "float", null=True),
    scalar("diameter", "float", null=True),
    scalar("maiden_flight", "date", null=True),
    scalar("launch_cost", "int", null=True),
    *(scalar(k, "float", null=True) for k in ("launch_mass", "leo_capacity", "gto_capacity", "geo_capacity")),
    *(scalar(k, "float", null=True) for k in ("sso_capacity", "to_thrust", "apogee")),
    *(scalar(k, "int", null=True) for k in LAUNCH_STATS),
    scalar("fastest_turnaround", "duration", null=True),
)
register("SpacecraftStatus", "catalog.SpacecraftStatus", scalar("name", "str", required=True))
register("SpacecraftConfigType", "catalog.SpacecraftConfigType", scalar("name", "str", required=True))
CONFIG_STATS = ("spacecraft_flown", *STATS, "successful_landings", "failed_landings")
register(
    "SpacecraftConfigFamily",
    "catalog.SpacecraftConfigFamily",
    scalar("name", "str", required=True),
    scalar("description", "str"),
    fk("manufacturer", "Agency", null=True),
    fk("parent", "SpacecraftConfigFamily", null=True),
    scalar("maiden_flight", "date", null=True),
    *(scalar(k, "int", null=True) for k in CONFIG_STATS),
    listed("spacecraft", "SpacecraftConfig"),
)
register(
    "SpacecraftConfig",
    "catalog.SpacecraftConfig",
    scalar("name", "str", required=True),
    fk("type", "SpacecraftConfigType", required=True),
    fk("agency", "Agency", required=True),
    m2m("family", "SpacecraftConfigFamily"),
    scalar("in_use", "bool"),
    fk("image", "Image", null=True),
    scalar("capability", "str"),
    scalar("history", "str"),
    scalar("details", "str"),
    scalar("maiden_flight", "date", null=True),
    scalar("height", "float", null=True),
    scalar("diameter", "float", null=True),
    scalar("human_rated", "bool"),
    scalar("crew_capacity", "int", null=True),
    scalar("payload_capacity", "int", null=True),
    scalar("payload_return_capacity", "int", null=True),
    scalar("flight_life", "str", null=True),
    scalar("wiki_link", "str"),
    scalar("info_link", "str"),
    *(scalar(k, "int", null=True) for k in CONFIG_STATS),
    scalar("fastest_turnaround", "duration", null=True),
)
register(
    "Spacecraft",
    "catalog.Spacecraft",
    scalar("name", "str", required=True),
    scalar("serial_number", "str", null=True),
    scalar("is_placeholder", "bool"),
    fk("image", "Image", null=True),
    scalar("in_space", "bool"),
    scalar("time_in_space", "duration", null=True),
    scalar("time_docked", "duration", null=True),
    scalar("flights_count", "int", null=True),
    scalar("mission_ends_count", "int", null=True),
    fk("status", "SpacecraftStatus", required=True),
    scalar("description", "str"),
    fk("spacecraft_config", "SpacecraftConfig", required=True),
    scalar("fastest_turnaround", "duration", null=True),
)

# Endpoint path (after /2.3.0/) → spec, to recognise what a file holds from its objects' ``url``.
ENDPOINTS: dict[str, str] = {
    "agencies": "Agency",
    "launcher_configurations": "LauncherConfig",
    "launcher_configuration_families": "LauncherConfigFamily",
    "mission_patches": "MissionPatch",
    "programs": "Program",
    "config/program_types": "ProgramType",
    "spacecraft": "Spacecraft",
    "spacecraft_configurations": "SpacecraftConfig",
    "spacecraft_configuration_families": "SpacecraftConfigFamily",
    "config/spacecraft_statuses": "SpacecraftStatus",
    "config/spacecraft_configuration_types": "SpacecraftConfigType",
}

_ENDPOINT_RE = re.compile(r"/2\.3\.0/(?P<endpoint>[a-z_]+(?:/[a-z_]+)?)/(?:\d+/)?(?:\?|$)")


def endpoint_spec(url) -> str | None:
    if not isinstance(url, str):
        return None
    match = _ENDPOINT_RE.search(url)
    return ENDPOINTS.get(match.group("endpoint")) if match else None


# --- records ------------------------------------------------------------------------------------------


@dataclass
class Batch:
    """Everything one input holds, keyed by spec name and upstream id."""

    records: dict[str, dict[int, dict]] = field(default_factory=lambda: defaultdict(dict))
    m2m: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    children: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    name_refs: dict[tuple[str, str], dict[int, str | None]] = field(default_factory=lambda: defaultdict(dict))

    def size(self) -> int:
        return sum(len(r) for r in self.records.values())


def parse_object(batch: Batch, spec_name: str, data, path: str) -> int:
    """Parse one object of spec ``spec_name`` into ``batch``; return its id."""
    if not isinstance(data, dict):
        raise ParseError(path, f"expected an object, got {_describe(data)}")
    if "id" not in data:
        raise ParseError(path, "missing required key 'id'")
    obj_id = _int(data["id"], f"{path}.id")
    spec = SPECS[spec_name]
    record = batch.records[spec_name].setdefault(obj_id, {})
    for f in spec.fields:
        sub = f"{path}.{f.key}"
        if f.key not in data:
            if f.required:
                raise ParseError(path, f"missing required key {f.key!r}")
            continue
        value = data[f.key]
        if value is None and f.kind not in LIST_KINDS:
            if not f.null:
                raise ParseError(sub, "may not be null")
            if f.kind == "name_ref":
                batch.name_refs[(spec_name, f.name)][obj_id] = None
            else:
                record[f.name] = None
            continue
        if f.kind == "fk":
            record[f.name] = parse_object(batch, f.target, value, sub)
        elif f.kind in LIST_KINDS:
            if value is None:
                value = []
            if not isinstance(value, list):
                raise ParseError(sub, f"expected a list, got {_describe(value)}")
            ids = [parse_object(batch, f.target, item, f"{sub}[{i}]") for i, item in enumerate(value)]
            if f.kind in ("children", "reverse_fk"):
                for child_id in ids:
                    batch.records[f.target][child_id][f.name] = obj_id
            if f.kind == "children":
                batch.children[(spec_name, f.name)][obj_id] = ids
            elif f.kind == "m2m":
                batch.m2m[(spec_name, f.name)][obj_id] = ids
        elif f.kind == "name_ref":
            batch.name_refs[(spec_name, f.name)][obj_id] = _str(value, sub)
        else:
            record[f.name] = KINDS[f.kind](value, sub)
    return obj_id


def parse_document(data, kind: str | None = None, batch: Batch | None = None) -> Batch:
    """Parse a list page (``{count, next, previous, results}``) or a single object.

    ``kind`` names the spec (or endpoint) when the objects carry no ``url`` to recognise them by.
    """
    batch = batch if batch is not None else Batch()
    if kind is not None:
        kind = ENDPOINTS.get(kind, kind)
        if kind not in SPECS:
            raise ParseError("$", f"unknown kind {kind!r}; known: {', '.join(sorted(ENDPOINTS))}")
    if isinstance(data, dict) and "results" in data and "id" not in data:
        results = data["results"]
        if not isinstance(results, list):
            raise ParseError("$.results", f"expected a list, got {_describe(results)}")
        page_kind = kind or endpoint_spec(data.get("next")) or endpoint_spec(data.get("previous"))
        for i, item in enumerate(results):
            item_kind = page_kind or endpoint_spec(item.get("url") if isinstance(item, dict) else None)
            if item_kind is None:
                raise ParseError(f"$.results[{i}]", "cannot tell what this object is (no url); pass --kind")
            parse_object(batch, item_kind, item, f"$.results[{i}]")
        return batch
    if not isinstance(data, dict):
        raise ParseError("$", f"expected a list page or an object, got {_describe(data)}")
    obj_kind = kind or endpoint_spec(data.get("url"))
    if obj_kind is None:
        raise ParseError("$", "cannot tell what this object is (no url); pass --kind")
    parse_object(batch, obj_kind, data, "$")
    return batch
