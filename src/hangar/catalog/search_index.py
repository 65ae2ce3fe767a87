"""The database-specific indexes behind search and large pages, named and written in one place.

Search is a case-folded substring match (``catalog.lookups.ifold``) on the columns ``SEARCHED`` lists:

- PostgreSQL serves it from a pg_trgm GIN index on ``LOWER(column)``, named ``<model>_<column>_trgm``.
- SQLite has no such index, which is fine for a page (the scan stops once the page is full) but not
  for the exact count (2 s for a million spacecraft). Each searched column gets an FTS5 trigram table
  of its folded text, ``hangar_trgm_<model>_<column>``: contentless (each trigram's rows and
  positions, no copy of the text) and kept current by triggers that call the same fold the search
  applies (``hangar_lower``, which Hangar registers on its own connections; a write from another
  SQLite client fails with "no such function: hangar_lower" rather than leaving the table stale). A
  term of three characters or more is a phrase query there, which matches exactly the rows holding it
  as a substring (``api.filters.backends.SearchFilter.count_queryset``). Without FTS5's trigram
  tokenizer (SQLite older than 3.34, or built without FTS5) no table is made and counts read every row.
- SQLite also gets ``SQLITE_INDEXES``: a narrow copy of the spacecraft ids to step deep offsets through,
  and (status, ordering key, id) per ordering key, walked for a status filter in key order (SQLite
  takes any equality index over an ordering one; PostgreSQL plans this from its statistics).

Migrations call ``create``/``drop`` with the columns they add, so a column added here later needs a
migration of its own; ``tests/catalog/test_indexes.py`` checks that the database holds exactly what
this module declares.
"""

import sqlite3

# (model name, column) of every column search reads.
SEARCHED = (
    ("spacecraft", "name"),
    ("spacecraftconfig", "name"),
    ("agency", "name"),
    ("agency", "abbrev"),
    ("spacecraftconfigfamily", "name"),
    ("astronaut", "name"),
    ("spacewalk", "name"),
    ("spacestation", "name"),
    ("expedition", "name"),
    ("event", "name"),
    # /payloads/ also searches its agencies' names (above) and its flights' destinations and launch
    # names; those two are matched through the flights (an EXISTS per payload) and stay unindexed, as
    # launch names are for /launches/.
    ("payload", "name"),
)

SPACECRAFT_ORDERING_KEYS = ("flights_count", "mission_ends_count", "time_docked", "time_in_space")
# (index name, model name, columns), SQLite only.
SQLITE_INDEXES = (
    ("spacecraft_id_idx", "spacecraft", ("id",)),
    *(
        (f"spacecraft_status_{key}_idx", "spacecraft", ("status_id", key, "id"))
        for key in SPACECRAFT_ORDERING_KEYS
    ),
)


def table(model_name: str) -> str:
    return f"catalog_{model_name}"


def trigram_table(model_name: str, column: str) -> str:
    """The SQLite FTS5 trigram table of a searched column."""
    return f"hangar_trgm_{model_name}_{column}"


def trigram_index(model_name: str, column: str) -> str:
    """The PostgreSQL pg_trgm index of a searched column."""
    return f"{model_name}_{column}_trgm"


def has_fts5(connection) -> bool:
    """FTS5 with its trigram tokenizer (SQLite 3.34; Django 5.2 runs on 3.31 and later)."""
    if connection.vendor != "sqlite" or sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def create(schema_editor, searched=SEARCHED, sqlite_indexes=SQLITE_INDEXES) -> None:
    """Create the indexes of ``searched`` columns and ``sqlite_indexes`` on this database."""
    connection = schema_editor.connection
    run = schema_editor.execute
    if connection.vendor == "postgresql":
        run("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for model_name, column in searched:
            run(
                f"CREATE INDEX IF NOT EXISTS {trigram_index(model_name, column)} ON {table(model_name)} "
                f"USING gin (LOWER({column}) gin_trgm_ops)"
            )
    if connection.vendor != "sqlite":
        return
    for name, model_name, columns in sqlite_indexes:
        run(f"CREATE INDEX IF NOT EXISTS {name} ON {table(model_name)} ({', '.join(columns)})")
    if not has_fts5(connection):
        return
    for model_name, column in searched:
        fts, source = trigram_table(model_name, column), table(model_name)
        add = f"INSERT INTO {fts}(rowid, v) VALUES (new.id, hangar_lower(new.{column}))"
        remove = f"INSERT INTO {fts}({fts}, rowid, v) VALUES ('delete', old.id, hangar_lower(old.{column}))"
        options = "content='', detail='full', tokenize='trigram case_sensitive 1'"
        run(f"CREATE VIRTUAL TABLE {fts} USING fts5(v, {options})")
        run(f"INSERT INTO {fts}(rowid, v) SELECT id, hangar_lower({column}) FROM {source}")
        run(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {source} BEGIN {add}; END")
        run(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {source} BEGIN {remove}; END")
        run(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {column} ON {source} BEGIN {remove}; {add}; END"
        )


def drop(schema_editor, searched=SEARCHED, sqlite_indexes=SQLITE_INDEXES) -> None:
    """Undo ``create``."""
    connection = schema_editor.connection
    run = schema_editor.execute
    if connection.vendor == "postgresql":
        for model_name, column in searched:
            run(f"DROP INDEX IF EXISTS {trigram_index(model_name, column)}")
    if connection.vendor != "sqlite":
        return
    for name, _, _ in sqlite_indexes:
        run(f"DROP INDEX IF EXISTS {name}")
    for model_name, column in searched:
        fts = trigram_table(model_name, column)
        for event in ("insert", "delete", "update"):
            run(f"DROP TRIGGER IF EXISTS {fts}_{event}")
        run(f"DROP TABLE IF EXISTS {fts}")
