"""Indexes for a status filter with an ordering, and for counting a status with a boolean filter.

SQLite has no statistics (``generate`` does not run ANALYZE, see bench/RESULTS.md), so it takes any
equality index over an ordering index: ``status=1&ordering=-time_in_space`` read a fifth of the table
through the status index and sorted it. With (status, key, id) it walks that status in key order and
stops after a page. PostgreSQL plans this well from its statistics; it only gets the count index.
"""

from django.db import migrations, models

ORDERING_KEYS = ("flights_count", "mission_ends_count", "time_docked", "time_in_space")


def create_sqlite_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for key in ORDERING_KEYS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS spacecraft_status_{key}_idx "
                f"ON catalog_spacecraft (status_id, {key}, id)"
            )


def drop_sqlite_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for key in ORDERING_KEYS:
            schema_editor.execute(f"DROP INDEX IF EXISTS spacecraft_status_{key}_idx")


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0005_named_lookups"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="spacecraft",
            index=models.Index(fields=["status", "in_space", "is_placeholder"], name="spacecraft_status_flags_idx"),
        ),
        migrations.RunPython(create_sqlite_indexes, drop_sqlite_indexes),
    ]
