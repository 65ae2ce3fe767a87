"""App config for the catalog; registers the SQLite helpers the query layer relies on."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save


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

        connection_created.connect(_register_sqlite_functions)
        for model in self.get_models():
            if model.__name__ == "DataVersion":
                continue
            post_save.connect(versioning.bump_on_change, sender=model)
            post_delete.connect(versioning.bump_on_change, sender=model)
            for m2m in model._meta.local_many_to_many:
                m2m_changed.connect(versioning.bump_on_change, sender=m2m.remote_field.through)
