"""Strict validation against the official LL2 2.3.0 OpenAPI file (tests/data/ll2-2.3.0-openapi.json).

The file's components are turned into JSON Schema with two changes that make them strict: every object
forbids keys it does not declare (``additionalProperties: false``), OpenAPI's ``nullable`` becomes an
explicit ``null`` alternative, and ``response_mode`` must be the component's declared default (what
upstream answers, and what its discriminator maps). Polymorphic lists then match exactly one mode's
component, even where one mode's keys are another's plus optional ones (astronauts' list and normal).
"""

import copy
import json
from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

OPENAPI_FILE = Path(__file__).parent / "data" / "ll2-2.3.0-openapi.json"

# Where the file contradicts the data it describes, listed one by one. These object fields are declared
# required and non-nullable, yet exactly one of each group is set: a docking has one target, a docking
# port belongs to one station, spacecraft design or payload; or upstream itself answers null (stages
# and payloads). They are validated as nullable objects.
TARGETS = ("space_station_target", "flight_vehicle_target", "payload_flight_target")
CHASERS = ("flight_vehicle_chaser", "space_station_chaser", "payload_flight_chaser")
LANDED = ("firststage", "spacecraftflight", "payloadflight")
NULLABLE_ERRATA = {
    "DockingEventForChaserNormal": TARGETS,
    "DockingLocation": ("spacestation", "spacecraft", "payload"),
    # Upstream answers null for a stage or payload that was not recovered, and for a launcher's first
    # flight's previous one (its own Sputnik 1 detail: rocket.payloads[0].landing is null).
    "FirstStageNormal": ("landing", "previous_flight"),
    "FirstStageNormalSerializerNoLanding": ("previous_flight",),
    "FirstStageDetailedSerializerNoLanding": ("previous_flight",),
    "PayloadFlightSerializerNoLaunch": ("landing",),
    "PayloadFlightNormal": ("landing",),
    "PayloadFlightMini": ("landing",),
    "PayloadFlightDetailed": ("landing",),
    # A free port, and the chasers a docking does not have (upstream's ISS page, sample 5): one is set.
    "DockingLocationSerializerForSpacestation": ("currently_docked",),
    "DockingEventDetailedSerializerForSpacestation": CHASERS,
    "DockingEventEndpointNormal": (*TARGETS, *CHASERS),
    "DockingEventEndpointDetailed": (*TARGETS, *CHASERS),
    # A landing ends one stage's, spacecraft's or payload's flight: the other two are null.
    "LandingEndpointList": LANDED,
    "LandingEndpointNormal": LANDED,
    "LandingEndpointDetailed": LANDED,
}


# Paths that answer one object although the file declares an array of them, as upstream answers.
ONE_OBJECT_ERRATA = ("/2.3.0/api-throttle/", "/2.3.0/dashboard/starship/")


@cache
def errata_spec() -> dict:
    """The official file with the errata above applied: what Hangar (and upstream) actually answer."""
    spec = json.loads(OPENAPI_FILE.read_text())
    schemas = spec["components"]["schemas"]
    for component, names in NULLABLE_ERRATA.items():
        for name in names:
            schemas[component]["properties"][name] = {
                "allOf": [schemas[component]["properties"][name]],
                "nullable": True,
            }
    for path in ONE_OBJECT_ERRATA:
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        content["schema"] = content["schema"]["items"]
    return spec


def _discriminated(discriminator: dict) -> dict:
    """A ``oneOf`` as OpenAPI's discriminator reads it: the ``response_mode`` value picks the component.

    Without it an object matches every component whose declared keys include its own and whose few
    required keys it has (a ``LauncherConfigFamilyNormal`` is also a valid, sparse ``…Detailed``).
    """
    name, mapping = discriminator["propertyName"], discriminator["mapping"]
    return {
        "allOf": [
            {"required": [name], "properties": {name: {"enum": list(mapping)}}},
            *(
                {"if": {"properties": {name: {"const": value}}}, "then": {"$ref": ref}}
                for value, ref in mapping.items()
            ),
        ],
    }


def _strict(node):
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    discriminator = node.get("discriminator")
    node = {k: _strict(v) for k, v in node.items() if k not in ("discriminator", "example", "readOnly")}
    if discriminator and "oneOf" in node:
        node = _discriminated(discriminator)
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
        mode = node["properties"].get("response_mode")
        if mode is not None and "default" in mode:
            node["properties"]["response_mode"] = {**mode, "const": mode["default"]}
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


@cache
def _schemas():
    components = _strict(copy.deepcopy(errata_spec()["components"]["schemas"]))
    document = {"components": {"schemas": components}}
    registry = Registry().with_resource("urn:ll2", DRAFT202012.create_resource(document))
    return document, registry


def validator(component: str) -> jsonschema.Draft202012Validator:
    document, registry = _schemas()
    if component not in document["components"]["schemas"]:
        raise KeyError(component)
    schema = {"$ref": f"urn:ll2#/components/schemas/{component}"}
    return jsonschema.Draft202012Validator(schema, registry=registry)


def errors(component: str, instance) -> list[str]:
    """Every way ``instance`` breaks ``component``, as readable lines (empty when it conforms)."""
    found = validator(component).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}" for e in found]
