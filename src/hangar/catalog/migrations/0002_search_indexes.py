"""The database-specific SQL: trigram indexes (PostgreSQL), FTS5 trigram tables with their triggers and
narrow indexes (SQLite). ``catalog.search_index`` names and writes each; this migration freezes which."""

from django.db import migrations

from hangar.catalog import search_index

# Frozen here: a column searched later gets a migration of its own that calls search_index.create for it.
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
)
SQLITE_INDEXES = (
    ("spacecraft_id_idx", "spacecraft", ("id",)),
    *(
        (f"spacecraft_status_{key}_idx", "spacecraft", ("status_id", key, "id"))
        for key in ("flights_count", "mission_ends_count", "time_docked", "time_in_space")
    ),
)


def create(apps, schema_editor):
    search_index.create(schema_editor, SEARCHED, SQLITE_INDEXES)


def drop(apps, schema_editor):
    search_index.drop(schema_editor, SEARCHED, SQLITE_INDEXES)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
