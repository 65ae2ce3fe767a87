"""Trigram indexes for search on SQLite, used to count a search's matches without reading every row.

Search is a case-folded substring match (``catalog.lookups``). PostgreSQL serves it from pg_trgm
indexes (0004); SQLite has to test every row, which is fine for a page (the scan stops once the page
is full) but not for the exact count: 2 s for a million spacecraft, once per data version and term.
Each table here is an FTS5 trigram index of the folded name (``hangar_lower``, the same fold the
search applies), contentless (no copy of the text, only each trigram's rows and positions) and kept
current by triggers. A term of three characters or more is then a phrase query, which matches exactly
the rows holding it as a substring: ``api.filters.SearchFilter.count_queryset`` counts a search
through these tables and reads only the matching rows.

The triggers call ``hangar_lower``, which Hangar registers on its own SQLite connections; a write to
these tables from another SQLite client fails with "no such function: hangar_lower" rather than
leaving the index stale. Without FTS5's trigram tokenizer (an SQLite older than 3.34, or built
without FTS5) nothing is created and counts read every row as before.
"""

import sqlite3

from django.db import migrations

# (trigram table, indexed table, column). api.filters finds a table by this naming convention,
# hangar_trgm_<model name>_<column>, and uses it only if it exists.
TRIGRAM_TABLES = (
    ("hangar_trgm_spacecraft_name", "catalog_spacecraft", "name"),
    ("hangar_trgm_spacecraftconfig_name", "catalog_spacecraftconfig", "name"),
)


def _has_fts5(connection) -> bool:
    """FTS5 with its trigram tokenizer (SQLite 3.34; Django 5.2 runs on 3.31 and later)."""
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def create_trigram_tables(apps, schema_editor, tables=TRIGRAM_TABLES):
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or not _has_fts5(connection):
        return
    for fts, table, column in tables:
        add = f"INSERT INTO {fts}(rowid, v) VALUES (new.id, hangar_lower(new.{column}))"
        remove = f"INSERT INTO {fts}({fts}, rowid, v) VALUES ('delete', old.id, hangar_lower(old.{column}))"
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(v, content='', detail='full', "
            f"tokenize='trigram case_sensitive 1')"
        )
        schema_editor.execute(f"INSERT INTO {fts}(rowid, v) SELECT id, hangar_lower({column}) FROM {table}")
        schema_editor.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add}; END")
        schema_editor.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove}; END")
        schema_editor.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {column} ON {table} BEGIN {remove}; {add}; END"
        )


def drop_trigram_tables(apps, schema_editor, tables=TRIGRAM_TABLES):
    if schema_editor.connection.vendor != "sqlite":
        return
    for fts, _, _ in tables:
        for event in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0006_status_indexes"),
    ]

    operations = [
        migrations.RunPython(create_trigram_tables, drop_trigram_tables),
    ]
