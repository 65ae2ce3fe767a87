"""Strict parsing of query-string values; each failure is a 400 that names the parameter.

Upstream (and DRF/django-filter by default) silently ignores a malformed value and answers as if the
parameter were absent. A client then gets a plausible but wrong page; we say what was wrong instead.
"""

from rest_framework.exceptions import ValidationError

MAX_INT = 2**63 - 1

BOOLEAN_WORDS = {"true": True, "1": True, "false": False, "0": False}
BOOLEAN_HELP = "Must be one of true, false, 1, 0 (any case)."


def parse_int(name: str, raw: str, minimum: int = 0, maximum: int = MAX_INT) -> int:
    text = raw.strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 20:
        raise ValidationError({name: [f"{raw!r} is not a whole number. Must be an integer from {minimum}."]})
    value = int(text)
    if not minimum <= value <= maximum:
        raise ValidationError(
            {name: [f"{value} is out of range. Must be an integer from {minimum} to {maximum}."]}
        )
    return value


def parse_choice(name: str, raw: str, choices) -> str:
    if raw not in choices:
        raise ValidationError({name: [f"{raw!r} is not valid. Must be one of: {', '.join(choices)}."]})
    return raw
