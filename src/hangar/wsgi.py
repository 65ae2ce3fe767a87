"""WSGI entry point that gunicorn (``hangar serve``) loads."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
django_application = get_wsgi_application()
# Cache hits are answered before Django's handler runs; everything else reaches Django unchanged.
from django.conf import settings  # noqa: E402
from django.db.backends.signals import connection_created  # noqa: E402

from hangar.api.cache.front import CachedResponses  # noqa: E402  (needs the settings configured above)
from hangar.api.errors import ErrorGuard  # noqa: E402
from hangar.api.health import Health  # noqa: E402
from hangar.api.metrics import Metrics  # noqa: E402


def _statement_timeout(sender, connection, **kwargs):
    """Requests' queries end after HANGAR_DB_STATEMENT_TIMEOUT_MS (imports and migrations are not served)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(settings.DB_STATEMENT_TIMEOUT_MS)}")


connection_created.connect(_statement_timeout)

# Outermost: whatever escapes (a database down before Django's handler runs) is JSON, never HTML.
# /healthz and /readyz before everything they report on; metrics around everything they count.
application = Metrics(
    ErrorGuard(Health(CachedResponses(django_application)), timeout=settings.REQUEST_TIMEOUT)
)

# Everything loaded so far lives as long as the worker; moving it out of the collector's view keeps
# cyclic GC passes (16-30% of a request's time otherwise) down to what the request itself allocated.
gc.freeze()
