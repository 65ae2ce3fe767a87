"""App config for the wire format; registers the endpoint checks (``api.checks``)."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hangar.api"
    label = "api"

    def ready(self):
        from hangar.api import checks  # noqa: F401  (registers the system checks)
