"""The data version: what response caches and ETags key on, bumped in the same transaction as any write.

Every write to the catalog must bump it before its transaction commits; readers then see the new
version exactly when they can see the new data, so a cached response can never outlive the data it was
built from. ORM ``save``/``delete``/``m2m`` changes (the admin, factories, shell edits) bump it through
signals connected in ``CatalogConfig.ready``; bulk writers (``ingest.load``, ``ingest.generate``, stats
recomputes) call ``bump()`` themselves, since bulk operations send no signals.
"""

import datetime as dt
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import F
from django.utils import timezone

from hangar import compat

# What readers see before anything was ever written (or when the row is missing, as after a flush).
INITIAL = (0, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))


def bump() -> int:
    """Advance the data version; call it inside the transaction that writes. Returns the new version."""
    from hangar.catalog.models import DataVersion

    now = timezone.now()
    if not DataVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        DataVersion.objects.create(pk=1, version=1, changed_at=now)
    return DataVersion.objects.values_list("version", flat=True).get(pk=1)


_CURRENT_SQL = "SELECT version, changed_at FROM catalog_dataversion WHERE id = 1"
# SQLite's DB-API layer would parse the datetime on every read (a third of the read's cost): as text,
# the parse is memoized. PostgreSQL's driver converts in C.
_CURRENT_SQL_SQLITE = "SELECT version, CAST(changed_at AS TEXT) FROM catalog_dataversion WHERE id = 1"


def current() -> tuple[int, dt.datetime]:
    """The committed (version, changed_at); it runs on every request, cache hits included.

    Read from the database on every call, never remembered in the process: another process (an
    import, another worker, another server sharing Redis) may have committed a write a moment ago.
    The read goes straight to the DB-API connection, skipping Django's cursor wrapper (most of the
    read's cost), unless queries are being logged (``DEBUG``, tests counting queries): they then see
    it like any other query.
    """
    db = connections[DEFAULT_DB_ALIAS]  # one thread-local lookup rather than one per attribute
    sql = _CURRENT_SQL_SQLITE if db.vendor == "sqlite" else _CURRENT_SQL
    raw = db.connection
    if raw is None or compat.queries_logged(db):
        with db.cursor() as cursor:
            cursor.execute(sql)
            row = cursor.fetchone()
    else:
        row = raw.execute(sql).fetchone()
    if row is None:
        return INITIAL
    version, changed_at = row
    if isinstance(changed_at, str):  # SQLite: the stored text, in UTC
        return version, _parse_utc(changed_at)
    return version, changed_at


@lru_cache(maxsize=16)
def _parse_utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


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
    """Signal receiver for single-object writes (admin, shell, factories); once per ``signals.batched``."""
    from hangar.catalog.signals import deferred_version_bump

    # m2m_changed fires pre_ and post_; inside signals.batched() the bump is made once, at its end.
    if not kwargs.get("action", "post_").startswith("pre_") and not deferred_version_bump():
        bump()
