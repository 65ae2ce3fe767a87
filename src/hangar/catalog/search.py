"""Trigram indexes that let SQLite answer ``ifold`` (folded substring) search without a scan.

PostgreSQL serves ``LOWER(name) LIKE '%term%'`` from a pg_trgm index (migration 0004). SQLite has no
such index, so a search counted a million rows through a join and a Python case fold. Here each
searched name gets an FTS5 table with the trigram tokenizer holding the name *folded as ``ifold``
folds it* (``hangar_lower``, case-sensitive trigrams, so FTS5 applies no folding of its own), keyed
by the row's id and kept current by triggers, whatever writes the row (import, ``generate``'s plain
INSERTs, admin or ORM saves, raw SQL from a connection where ``hangar_lower`` is registered).

A search term then becomes ``id IN (SELECT rowid FROM <table> WHERE <table> MATCH <its trigrams>
AND folded LIKE <the folded pattern>)``. The trigrams only narrow the candidates; the LIKE on the
stored folded name is exactly the ``ifold`` test (``hangar_lower(name) LIKE hangar_lower(pattern)``),
so results are identical to the unindexed lookup. A term of fewer than 3 characters has no trigram:
it keeps the plain ``ifold`` lookup (a scan).

The triggers belong to the searched tables: if a migration ever makes Django rebuild one of them on
SQLite (an ``AlterField`` copies the table and drops the old one, triggers with it), recreate them
(``create_sqlite_sql``); a test checks that they exist after every migration.
"""

import re

from django.db.models.expressions import RawSQL

from hangar.catalog.lookups import sqlite_lower

# (model label, field) → FTS5 table. Only names that a list endpoint searches over many rows.
INDEXED = {
    ("catalog.spacecraft", "name"): "catalog_spacecraft_name_fold",
    ("catalog.spacecraftconfig", "name"): "catalog_spacecraftconfig_name_fold",
}
MIN_TERM = 3  # the trigram tokenizer finds nothing for shorter strings
_LIKE_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def create_sqlite_sql(source_table: str, column: str, fts_table: str) -> list[str]:
    """The FTS5 table, its triggers and its initial content, as SQL statements for SQLite."""
    fold = f"hangar_lower(new.{column})"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table} USING fts5(folded, "
        "tokenize='trigram case_sensitive 1', detail=none)",
        f"CREATE TRIGGER IF NOT EXISTS {fts_table}_insert AFTER INSERT ON {source_table} BEGIN "
        f"INSERT INTO {fts_table}(rowid, folded) VALUES (new.id, {fold}); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts_table}_delete AFTER DELETE ON {source_table} BEGIN "
        f"DELETE FROM {fts_table} WHERE rowid = old.id; END",
        # Django's save() rewrites every column; only a changed name (or id) touches the index.
        f"CREATE TRIGGER IF NOT EXISTS {fts_table}_update AFTER UPDATE OF id, {column} ON {source_table} "
        f"WHEN old.id IS NOT new.id OR old.{column} IS NOT new.{column} BEGIN "
        f"DELETE FROM {fts_table} WHERE rowid = old.id; "
        f"INSERT INTO {fts_table}(rowid, folded) VALUES (new.id, {fold}); END",
        f"DELETE FROM {fts_table}",
        f"INSERT INTO {fts_table}(rowid, folded) SELECT id, hangar_lower({column}) FROM {source_table}",
    ]


def drop_sqlite_sql(fts_table: str) -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {fts_table}_{event}" for event in ("insert", "delete", "update")),
        f"DROP TABLE IF EXISTS {fts_table}",
    ]


def trigram_table(model, field_name: str, vendor: str) -> str | None:
    """The FTS5 table indexing ``model.field_name`` on this database, if there is one."""
    if vendor != "sqlite":
        return None
    return INDEXED.get((model._meta.label_lower, field_name))


def folded_contains_ids(fts_table: str, term: str, escape_like) -> RawSQL | None:
    """The ids whose indexed name ``ifold``-contains ``term``, or None when the term is too short.

    ``escape_like`` is the connection's ``prep_for_like_query``, as the ``ifold`` lookup uses.
    """
    pattern = sqlite_lower(f"%{escape_like(str(term))}%")  # exactly the lookup's right-hand side
    # What a matching name must contain, read back from the pattern itself: every row the LIKE
    # accepts holds all of its trigrams, so the MATCH never drops a row the LIKE would keep.
    literal = _LIKE_ESCAPE.sub(r"\1", pattern[1:-1])
    if len(literal) < MIN_TERM or "\0" in literal:  # FTS5 reads its query as a C string
        return None
    trigrams = sorted({literal[i : i + 3] for i in range(len(literal) - 2)})
    match = " AND ".join('"' + gram.replace('"', '""') + '"' for gram in trigrams)
    sql = f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s AND folded LIKE %s ESCAPE '\\'"
    return RawSQL(sql, [match, pattern])
