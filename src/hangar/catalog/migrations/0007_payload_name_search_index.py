"""The search index of a payload's name, which /payloads/ searches (catalog.search_index)."""

from django.db import migrations

from hangar.catalog import search_index

# Frozen here: a column searched later gets a migration of its own.
SEARCHED = (("payload", "name"),)


def create_search_indexes(apps, schema_editor):
    search_index.create(schema_editor, SEARCHED, ())


def drop_search_indexes(apps, schema_editor):
    search_index.drop(schema_editor, SEARCHED, ())


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0006_dashboard"),
    ]

    operations = [
        migrations.RunPython(create_search_indexes, drop_search_indexes),
    ]
