"""Values computed once per data version and filter set: exact counts, deep-page checkpoints.

Counts stay exact (clients page with them) while a scan of a million rows is paid once per write rather
than once per page: every page, ordering and limit of one filter set shares the entry.
"""

import hashlib

from django.core.cache import cache

from hangar import compat
from hangar.api.cache.responses import TIMEOUT
from hangar.catalog import versioning


def cached_count(request, queryset, count=None) -> int:
    """``queryset.count()``, exact, computed once per data version and filter set.

    Counts stay exact (clients page with them) while a scan of a million rows is paid once per write
    rather than once per page: every page, ordering and limit of one filter set shares the entry.
    ``count`` computes the same number another way (a search through trigram indexes).
    """
    return per_data_version(request, "count", queryset, count or queryset.count)


def per_data_version(request, kind: str, queryset, compute):
    """``compute()``, cached under the data version and the filter set (the unordered SQL) of ``queryset``."""
    version, changed_at = getattr(request, "hangar_data_version", None) or versioning.current()
    # fast.page_ids' ids know their SQL without compiling it again.
    precompiled = getattr(queryset, "count_sql_with_params", None)
    sql, params = precompiled() if precompiled else compat.unordered_sql(queryset)
    digest = hashlib.blake2b(f"{sql}\n{params!r}".encode(), digest_size=20).hexdigest()
    key = f"hangar:{kind}:{version}.{changed_at.timestamp()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
