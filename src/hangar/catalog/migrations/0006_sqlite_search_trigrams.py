"""SQLite: FTS5 trigram tables for spacecraft and configuration names (catalog.search).

PostgreSQL already has pg_trgm indexes for the same search (0004); this is a no-op there.
"""

from django.db import migrations

from hangar.catalog.search import create_sqlite_sql, drop_sqlite_sql

TABLES = (
    ("catalog_spacecraft", "name", "catalog_spacecraft_name_fold"),
    ("catalog_spacecraftconfig", "name", "catalog_spacecraftconfig_name_fold"),
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for source, column, fts in TABLES:
            for sql in create_sqlite_sql(source, column, fts):
                schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for _, _, fts in TABLES:
            for sql in drop_sqlite_sql(fts):
                schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0005_named_lookups"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
