"""App config for API keys (``hangar apikey``), kept apart from the catalog: a key is not data."""

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "hangar.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"
