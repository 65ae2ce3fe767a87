"""Value kinds of upstream JSON: each checks one value's type and converts it, or raises ``ParseError``
with the JSON path of the offending value."""

import datetime as dt
import uuid

import isodate


class ParseError(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- value kinds --------------------------------------------------------------------------------------


def describe(value) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _int(value, path):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(path, f"expected an integer, got {describe(value)}")
    if not -(2**63) <= value < 2**63:
        raise ParseError(path, f"integer out of range: {value}")
    return value


def _str(value, path):
    if not isinstance(value, str):
        raise ParseError(path, f"expected a string, got {describe(value)}")
    if "\x00" in value:
        raise ParseError(path, "strings may not contain NUL characters")
    return value


def _bool(value, path):
    if not isinstance(value, bool):
        raise ParseError(path, f"expected true or false, got {describe(value)}")
    return value


def _float(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParseError(path, f"expected a number, got {describe(value)}")
    return float(value)


def _date(value, path):
    try:
        return dt.date.fromisoformat(_str(value, path))
    except ValueError:
        raise ParseError(path, f"expected a date like 2024-01-31, got {describe(value)}") from None


def _datetime(value, path):
    try:
        parsed = dt.datetime.fromisoformat(_str(value, path).replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(
            path, f"expected a date-time like 2024-01-31T12:00:00Z, got {describe(value)}"
        ) from None
    if parsed.tzinfo is None:
        raise ParseError(path, f"expected a date-time with a time zone, got {describe(value)}")
    return parsed


def _duration(value, path):
    try:
        parsed = isodate.parse_duration(_str(value, path))
    except (isodate.ISO8601Error, ValueError):
        raise ParseError(
            path, f"expected an ISO 8601 duration like P61DT13H26M, got {describe(value)}"
        ) from None
    if not isinstance(parsed, dt.timedelta):
        raise ParseError(path, f"durations in years or months are ambiguous, got {describe(value)}")
    return parsed


def _uuid(value, path):
    try:
        return uuid.UUID(_str(value, path))
    except ValueError:
        raise ParseError(path, f"expected a UUID, got {describe(value)}") from None


KINDS = {
    "int": _int,
    "uuid": _uuid,
    "str": _str,
    "bool": _bool,
    "float": _float,
    "date": _date,
    "datetime": _datetime,
    "duration": _duration,
}
