"""What a parsed value must fit: its column's length and integer range, checked in the parse step.

Without these checks the databases disagree about bad input: PostgreSQL truncates an over-long string
on an update and raises ``DataError`` on a create, SQLite stores a 1 MB name as it is; an id of 2^31 is a
traceback on PostgreSQL only, and a negative id imports but its ``url`` is a 404. Every bound here comes
from the model's field (``max_length``, Django's integer ranges, which are the same for both databases),
so a value that passes fits either database, and one that does not is the usual one-line error naming
the file and the JSON path.

The JSON itself is bounded too: ``MAX_DEPTH`` levels of nesting (upstream's deepest page has fewer than
twenty), checked before parsing, so a hostile file is an error rather than a ``RecursionError``.
"""

from functools import cache

from django.apps import apps
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from hangar.ingest.values import ParseError

MAX_DEPTH = 64
MAX_ID = 2**62  # ids of 64-bit columns; the path pattern (api.views.base.ID_PATTERN) allows 18 digits

_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


@cache
def _bounds(model_label: str, attr: str):
    """("length", n) or ("range", (low, high)) for the model field named ``attr``; None when unbounded."""
    model = apps.get_model(model_label)
    try:
        field = model._meta.pk if attr == "pk" else model._meta.get_field(attr)
    except Exception:
        return None
    if isinstance(field, models.CharField) and field.max_length:
        return "length", field.max_length
    if isinstance(field, models.IntegerField | models.AutoField):
        low, high = _INTEGER_RANGES.get(field.get_internal_type(), (-(2**63), 2**63 - 1))
        if field.primary_key:
            low, high = 0, min(high, MAX_ID)  # an id is a path segment: never negative
        return "range", (low, high)
    return None


def check(model_label: str, attr: str, value, path: str) -> None:
    """Raise ``ParseError`` at ``path`` when ``value`` does not fit the column of ``model_label.attr``."""
    bounds = _bounds(model_label, attr)
    if bounds is None or value is None:
        return
    kind, limit = bounds
    if kind == "length" and isinstance(value, str) and len(value) > limit:
        raise ParseError(path, f"longer than {limit} characters ({len(value)})")
    if kind == "range" and isinstance(value, int) and not limit[0] <= value <= limit[1]:
        raise ParseError(path, f"integer out of range: must be from {limit[0]} to {limit[1]}, got {value}")


def check_depth(data, limit: int = MAX_DEPTH) -> None:
    """Raise ``ParseError`` at the first value nested deeper than ``limit`` (iteratively: no recursion).

    The walk that every import takes counts levels only; the path is built by a second walk, taken
    only for a document that is too deep."""
    stack = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if depth > limit:
            raise ParseError(_deepest_path(data, limit), f"nested deeper than {limit} levels")
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


def _deepest_path(data, limit: int) -> str:
    """The JSON path of the first container nested deeper than ``limit`` (in ``check_depth``'s order)."""
    stack = [(data, "$", 1)]
    while stack:
        value, path, depth = stack.pop()
        if depth > limit:
            return path
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            if isinstance(child, dict | list):
                where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
                stack.append((child, where, depth + 1))
    return "$"
