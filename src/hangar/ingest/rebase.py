"""Demo files dated relative to the day they are loaded, so upcoming launches (or events) stay upcoming.

A file of upstream JSON says it is relative with one extra top-level key, ``RELATIVE_TO``: the instant
its dates were written against (``"2026-01-01T00:00:00Z"``). Loading it with ``rebase`` moves every
date-time in it, nested ones included, by the whole days from that instant's date to today's (UTC), so
times of day stay as written and a launch written one day after the anchor is tomorrow's. Plain dates
(``2024-01-31``: birthdays, maiden flights) are never moved. Upstream parsers ignore the extra key; only
the demo loader (``ingest.importing.import_demo``) reads it, so nothing else is ever re-dated.

Every date-time moves, so a relative file should nest only objects whose dates move with it (a launch's
updates, its webcast's start and end), not shared ones whose real dates another file gives.
"""

import datetime as dt
import re

RELATIVE_TO = "hangar_dates_relative_to"

# Upstream's date-time spelling: seconds always, a fraction sometimes, then Z or an offset.
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def shift(data, days: int):
    """``data`` with every date-time string moved by ``days`` days, spelled as it was."""
    if isinstance(data, dict):
        return {key: shift(value, days) for key, value in data.items()}
    if isinstance(data, list):
        return [shift(value, days) for value in data]
    if isinstance(data, str):
        match = _DATETIME.match(data)
        if match:
            moved = dt.datetime.fromisoformat(match.group(1)) + dt.timedelta(days=days)
            return moved.isoformat() + (match.group(2) or "") + match.group(3)
    return data


def rebase(data, today: dt.date):
    """A document marked with ``RELATIVE_TO`` moved to ``today`` (without the mark); others as given."""
    if not isinstance(data, dict) or RELATIVE_TO not in data:
        return data
    anchor = dt.datetime.fromisoformat(data[RELATIVE_TO].replace("Z", "+00:00")).astimezone(dt.UTC)
    days = (today - anchor.date()).days
    return shift({key: value for key, value in data.items() if key != RELATIVE_TO}, days)
