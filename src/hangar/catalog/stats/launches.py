"""Derived values of launches: launch attempt counters and pad turnarounds, by one rule each.

Every launch stored is a **launch attempt**, past or planned (upstream numbers upcoming launches too, so
a client can show "the 7,000th orbital launch attempt" before it flies). Launches are put in **launch
order**: by NET, then by id (the API's tiebreaker), so two launches at the same instant get distinct,
stable numbers.

- ``orbital_launch_attempt_count``: the launch's position in launch order among all launches that are
  not suborbital (a mission whose orbit's abbreviation is ``Sub``); null for a suborbital launch.
  A launch without a mission counts as orbital.
- ``location_launch_attempt_count``: its position among the launches from pads of the same location;
  null without a pad or a pad without a location.
- ``pad_launch_attempt_count``: its position among the launches from the same pad; null without a pad.
- ``agency_launch_attempt_count``: its position among the launches of the same launch service
  provider; null without one.
- Each ``…_year`` variant: the same position counted only among launches whose NET is in the same UTC
  calendar year.
- ``pad_turnaround``: the time from the previous launch (in launch order) from the same pad to this
  one, to the second; ``P0D`` for a pad's first launch and for a launch without a pad (the schema
  forbids null).

They depend on every earlier launch, so they are rebuilt for the whole table at once, in SQL with window
functions (one statement; rows whose values do not change are not written): by ``hangar import`` after
each file, by ``hangar generate`` and by ``hangar recompute``. Imported counters are not kept: once a
launch is stored, its counters are Hangar's numbering of the launches Hangar stores.
"""

from django.db import connection, transaction

__all__ = ["COUNTER_FIELDS", "SUBORBITAL_ABBREV", "recompute"]

SUBORBITAL_ABBREV = "Sub"

COUNTER_FIELDS = tuple(
    f"{scope}_launch_attempt_count{suffix}"
    for scope in ("orbital", "location", "pad", "agency")
    for suffix in ("", "_year")
)


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"EXTRACT(YEAR FROM {column} AT TIME ZONE 'UTC')"
    return f"strftime('%%Y', {column})"


def _turnaround(current: str, previous: str) -> str:
    """The span between two instants as the DurationField column stores it."""
    if connection.vendor == "postgresql":
        return f"COALESCE({current} - {previous}, INTERVAL '0')"
    seconds = f"(CAST(strftime('%%s', {current}) AS INTEGER) - CAST(strftime('%%s', {previous}) AS INTEGER))"
    return f"COALESCE({seconds} * 1000000, 0)"


def _differs(left: str, right: str) -> str:
    if connection.vendor == "postgresql":
        return f"{left} IS DISTINCT FROM {right}"
    return f"{left} IS NOT {right}"


def _sql() -> str:
    order = "ORDER BY l.net, l.id"
    year = _year("l.net")

    def position(partition: str, present: str) -> str:
        return f"CASE WHEN {present} THEN ROW_NUMBER() OVER (PARTITION BY {partition} {order}) END"

    orbital = "COALESCE(o.abbrev, '') <> %s"
    columns = {
        "orbital_launch_attempt_count": position(f"({orbital})", orbital),
        "orbital_launch_attempt_count_year": position(f"({orbital}), {year}", orbital),
        "location_launch_attempt_count": position("p.location_id", "p.location_id IS NOT NULL"),
        "location_launch_attempt_count_year": position(f"p.location_id, {year}", "p.location_id IS NOT NULL"),
        "pad_launch_attempt_count": position("l.pad_id", "l.pad_id IS NOT NULL"),
        "pad_launch_attempt_count_year": position(f"l.pad_id, {year}", "l.pad_id IS NOT NULL"),
        "agency_launch_attempt_count": position(
            "l.launch_service_provider_id", "l.launch_service_provider_id IS NOT NULL"
        ),
        "agency_launch_attempt_count_year": position(
            f"l.launch_service_provider_id, {year}", "l.launch_service_provider_id IS NOT NULL"
        ),
        "pad_turnaround": (
            "CASE WHEN l.pad_id IS NULL THEN "
            + _turnaround("l.net", "l.net")
            + " ELSE "
            + _turnaround("l.net", f"LAG(l.net) OVER (PARTITION BY l.pad_id {order})")
            + " END"
        ),
    }
    select = ", ".join(f"{expression} AS {name}" for name, expression in columns.items())
    derived = (
        f"SELECT l.id AS id, {select} FROM catalog_launch l "
        "LEFT JOIN catalog_pad p ON p.id = l.pad_id "
        "LEFT JOIN catalog_mission m ON m.id = l.mission_id "
        "LEFT JOIN catalog_orbit o ON o.id = m.orbit_id"
    )
    assignments = ", ".join(f"{name} = w.{name}" for name in columns)
    changed = " OR ".join(_differs(f"catalog_launch.{name}", f"w.{name}") for name in columns)
    return (
        f"UPDATE catalog_launch SET {assignments} FROM ({derived}) AS w "
        f"WHERE catalog_launch.id = w.id AND ({changed})"
    )


def _sync_rockets() -> None:
    """Spacecraft and payload flights point at their launch's rocket (``RocketDetailed``'s stages)."""
    with connection.cursor() as cursor:
        for table in ("catalog_spacecraftflight", "catalog_payloadflight"):
            rocket = f"(SELECT l.rocket_id FROM catalog_launch l WHERE l.id = {table}.launch_id)"
            cursor.execute(f"UPDATE {table} SET rocket_id = {rocket} WHERE {_differs('rocket_id', rocket)}")


def recompute() -> int:
    """Rebuild every launch's counters and pad turnaround; return how many launches changed.

    Also points every flight at its launch's rocket. Runs in the caller's transaction (or its own);
    the caller bumps the data version."""
    with transaction.atomic():
        _sync_rockets()
        with connection.cursor() as cursor:
            orbital_params = [SUBORBITAL_ABBREV] * 4  # the orbital test is twice in each of two columns
            cursor.execute(_sql(), orbital_params)
            return cursor.rowcount
