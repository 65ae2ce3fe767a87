"""Which official component a Hangar response must conform to, read from the official OpenAPI file.

A list path's 200 body is a paginated page whose items are the mode's component (its ``oneOf``
discriminated by ``response_mode``); a detail path answers that same component in every mode (the
file declares only the detail default's). Validation is strict (``tests.openapi``) and key order is
upstream's (``tests.key_order``).
"""

import json
from functools import cache

from tests.key_order import order_errors
from tests.openapi import ONE_OBJECT_ERRATA, OPENAPI_FILE, errors


@cache
def _spec() -> dict:
    return json.loads(OPENAPI_FILE.read_text())


def _ref_name(schema: dict) -> str:
    return schema["$ref"].rsplit("/", 1)[1]


def list_component(prefix: str) -> str:
    """The paginated component of ``/2.3.0/<prefix>/``."""
    schema = _spec()["paths"][f"/2.3.0/{prefix}/"]["get"]["responses"]["200"]["content"]["application/json"]
    return _ref_name(schema["schema"])


def item_component(prefix: str, mode: str | None) -> str:
    """The component of one object of ``/2.3.0/<prefix>/`` in ``mode`` (None: the path's only one)."""
    components = _spec()["components"]["schemas"]
    items = components[list_component(prefix)]["properties"]["results"]["items"]
    item = components[_ref_name(items)]
    if "oneOf" not in item:
        return _ref_name(items)
    mapping = item["discriminator"]["mapping"]
    return mapping[mode].rsplit("/", 1)[1]


def object_component(path: str) -> str:
    """The component of the one object a ``ONE_OBJECT_ERRATA`` path answers, the file declaring an array."""
    assert path in ONE_OBJECT_ERRATA
    schema = _spec()["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["type"] == "array", f"{path}: the file no longer declares an array; drop the erratum"
    return _ref_name(schema["items"])


def problems(component: str, body) -> list[str]:
    """Every way ``body`` breaks ``component``: schema errors, then key-order errors."""
    return errors(component, body) + order_errors(component, body)
