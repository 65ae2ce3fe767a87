"""Plain multi-row INSERTs for ``hangar generate``, several times faster than ``bulk_create``; statistics.

``bulk_create`` compiles every value of every row through the ORM (``get_db_prep_save``, expressions),
which is most of the time of a million-spacecraft catalog. Generated values are already clean, so only
the few column types a driver cannot take as they are (datetimes and durations on SQLite, UUIDs) are
converted, with Django's own field methods; everything else goes to ``executemany`` untouched.

A row is a model instance, or ``(Model, {attname: value})`` for tables with millions of rows, which
skips building a model instance per row. Columns a dict omits get the field's default. No signals are
sent and no cache is touched: the caller bumps the data version (``catalog.versioning``).
"""

from functools import cache

from django.db import connection, models

from hangar.catalog.models import Spacecraft

CONVERTED = {"DateTimeField", "DateField", "DurationField", "UUIDField"}
BATCH = 2000


@cache
def _table(model: type[models.Model]) -> tuple[str, list]:
    """The INSERT statement of ``model`` and, per column, (attname, default, converter or None)."""
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    columns = []
    for field in fields:
        target = field.target_field if field.is_relation else field
        convert = None
        if target.get_internal_type() in CONVERTED:
            convert = field.get_db_prep_save
        columns.append((field.attname, field.get_default(), convert))
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    return sql, columns


def _values(row, columns: list) -> tuple:
    if isinstance(row, tuple):
        given = row[1]
        raw = [given.get(name, default) for name, default, _ in columns]
    else:
        raw = [getattr(row, name) for name, _, _ in columns]
    return tuple(
        convert(value, connection) if convert is not None and value is not None else value
        for value, (_, _, convert) in zip(raw, columns, strict=True)
    )


def insert(rows: list) -> None:
    """Insert ``rows`` (instances or ``(Model, dict)`` pairs, mixed models) in the current transaction."""
    by_model: dict[type, list] = {}
    for row in rows:
        by_model.setdefault(row[0] if isinstance(row, tuple) else type(row), []).append(row)
    with connection.cursor() as cursor:
        for model, group in by_model.items():
            sql, columns = _table(model)
            for start in range(0, len(group), BATCH):
                cursor.executemany(sql, [_values(row, columns) for row in group[start : start + BATCH]])


def analyze() -> None:
    """After a bulk write on SQLite: statistics for the spacecraft table's indexes (1.4 s at a million).

    Without them SQLite takes any equality index as the most selective: with
    ``spacecraft_config=7&status=1&ordering=-time_in_space`` it walked a fifth of a million rows in
    status order (380 ms) instead of the configuration's handful (9 ms). This table only: statistics
    for every table made the DRF baseline's ten-table join start from the small tables, 60 times
    slower (bench/RESULTS.md). PostgreSQL keeps its own statistics (autovacuum; ``generate`` runs
    ``VACUUM (ANALYZE)``).
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Spacecraft._meta.db_table)}")
