"""Key order against the official OpenAPI file: upstream's JSON lists keys in its components' order.

Schema validation (``tests/openapi.py``) checks which keys are present; this checks their order, at every
depth, following ``$ref``, ``allOf``, nullable wrappers, arrays and ``response_mode`` discriminators.
"""

import json
from functools import cache

from tests.openapi import OPENAPI_FILE


@cache
def _components() -> dict:
    return json.loads(OPENAPI_FILE.read_text())["components"]["schemas"]


def _resolve(schema: dict) -> dict:
    while True:
        if "$ref" in schema:
            schema = _components()[schema["$ref"].rsplit("/", 1)[1]]
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def _walk(schema: dict, value, path: str, found: list[str]) -> None:
    schema = _resolve(schema)
    if "oneOf" in schema and isinstance(value, dict):
        mapping = schema.get("discriminator", {}).get("mapping", {})
        ref = mapping.get(value.get("response_mode"))
        if ref is None:
            found.append(f"{path}: no component for response_mode {value.get('response_mode')!r}")
            return
        _walk({"$ref": ref}, value, path, found)
    elif isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _walk(schema["items"], item, f"{path}[{i}]", found)
    elif isinstance(value, dict) and "properties" in schema:
        expected = [key for key in schema["properties"] if key in value]
        if [key for key in value if key in schema["properties"]] != expected:
            found.append(f"{path}: keys {list(value)} are not in the order {expected}")
        for key, sub in value.items():
            if key in schema["properties"]:
                _walk(schema["properties"][key], sub, f"{path}/{key}", found)


def order_errors(component: str, instance) -> list[str]:
    """Every object in ``instance`` whose keys are not in the official component's order."""
    found: list[str] = []
    _walk({"$ref": f"#/components/schemas/{component}"}, instance, "$", found)
    return found
