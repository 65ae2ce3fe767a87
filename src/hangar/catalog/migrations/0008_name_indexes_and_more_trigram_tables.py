"""The other searchable endpoints at scale: name indexes for their orderings, trigram tables for counts.

Configurations and families are listed in name order by default, and agencies can be: a (name, id)
index is walked to the first page instead of sorting every row (a configuration search page at
111,111 configurations: 520 ms -> 1 ms). Searches on configurations (agency abbreviation and name,
name), families (manufacturer abbreviation and name, name) and agencies (abbreviation, name) are
counted through trigram tables on SQLite as spacecraft searches are (0007), and served by pg_trgm
indexes on PostgreSQL as spacecraft searches are (0004).
"""

import importlib

from django.db import migrations, models

trigram = importlib.import_module("hangar.catalog.migrations.0007_sqlite_trigram_search")

TRIGRAM_TABLES = (
    ("hangar_trgm_agency_name", "catalog_agency", "name"),
    ("hangar_trgm_agency_abbrev", "catalog_agency", "abbrev"),
    ("hangar_trgm_spacecraftconfigfamily_name", "catalog_spacecraftconfigfamily", "name"),
)


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":  # pg_trgm, as 0004 made for spacecraft
        for fts, table, column in TRIGRAM_TABLES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {fts.removeprefix('hangar_trgm_')}_trgm ON {table} "
                f"USING gin (LOWER({column}) gin_trgm_ops)"
            )
    trigram.create_trigram_tables(apps, schema_editor, TRIGRAM_TABLES)


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for fts, _, _ in TRIGRAM_TABLES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {fts.removeprefix('hangar_trgm_')}_trgm")
    trigram.drop_trigram_tables(apps, schema_editor, TRIGRAM_TABLES)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0007_sqlite_trigram_search"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="agency",
            index=models.Index(fields=["name", "id"], name="agency_name_idx"),
        ),
        migrations.AddIndex(
            model_name="spacecraftconfig",
            index=models.Index(fields=["name", "id"], name="spacecraftconfig_name_idx"),
        ),
        migrations.AddIndex(
            model_name="spacecraftconfigfamily",
            index=models.Index(fields=["name", "id"], name="family_name_idx"),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
