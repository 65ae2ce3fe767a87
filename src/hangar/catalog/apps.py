"""App config for the catalog; registers the SQLite helpers the query layer relies on."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from hangar.catalog.lookups import sqlite_lower

        # SQLite's LOWER() and LIKE fold ASCII only; this gives Unicode folding like PostgreSQL's.
        connection.connection.create_function("hangar_lower", 1, sqlite_lower, deterministic=True)


class CatalogConfig(AppConfig):
    name = "hangar.catalog"
    label = "catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hangar.catalog import (
            lookups,  # noqa: F401  (registers the lookups)
            signals,
            versioning,
        )

        signals.connect()
        versioning.connect()
        connection_created.connect(_register_sqlite_functions)
