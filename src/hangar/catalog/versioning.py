"""The data version: what response caches and ETags key on, bumped in the same transaction as any write.

Every write to the catalog must bump it before its transaction commits; readers then see the new
version exactly when they can see the new data, so a cached response can never outlive the data it was
built from. ORM ``save``/``delete``/``m2m`` changes (the admin, factories, shell edits) bump it through
signals connected in ``CatalogConfig.ready``; bulk writers (``ingest.load``, ``ingest.generate``, stats
recomputes) call ``bump()`` themselves, since bulk operations send no signals.
"""

import datetime as dt

from django.db import connection
from django.db.models import F
from django.utils import timezone

# What readers see before anything was ever written (or when the row is missing, as after a flush).
INITIAL = (0, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))


def bump() -> int:
    """Advance the data version; call it inside the transaction that writes. Returns the new version."""
    from hangar.catalog.models import DataVersion

    now = timezone.now()
    if not DataVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        DataVersion.objects.create(pk=1, version=1, changed_at=now)
    return DataVersion.objects.values_list("version", flat=True).get(pk=1)


def current() -> tuple[int, dt.datetime]:
    """The committed (version, changed_at). Raw SQL: it runs on every request, cache hits included."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version, changed_at FROM catalog_dataversion WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return INITIAL
    version, changed_at = row
    if isinstance(changed_at, str):  # SQLite hands back the stored text, in UTC
        changed_at = dt.datetime.fromisoformat(changed_at).replace(tzinfo=dt.UTC)
    return version, changed_at


def data_models() -> list:
    """The catalog models that hold data: every one but the data version's own bookkeeping row."""
    from django.apps import apps

    return [m for m in apps.get_app_config("catalog").get_models() if m._meta.model_name != "dataversion"]


def connect() -> None:
    """Bump on every single-object ORM write to a data model (save, delete, many-to-many change)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in data_models():
        post_save.connect(bump_on_change, sender=model)
        post_delete.connect(bump_on_change, sender=model)
        for m2m in model._meta.local_many_to_many:
            m2m_changed.connect(bump_on_change, sender=m2m.remote_field.through)


def bump_on_change(sender, **kwargs) -> None:
    """Signal receiver for single-object writes (admin, shell, factories)."""
    if not kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed fires pre_ and post_
        bump()
