"""What a cached page is keyed on, normalised so that clients cannot grow the cache at will.

A page is a function of its origin (absolute URLs in the body), its path and the parameters its
endpoint reads. Everything else a request could vary must not make a new entry:

- **Parameters.** Only those the endpoint documents count: its filters, ``search``, ``ordering``,
  ``limit``/``offset`` on lists, and ``mode``/``format`` everywhere (a viewset may name more in
  ``extra_query_params``). They are keyed in canonical order, decoded, so ``?b=1&a=2`` and ``?a=2&b=1``
  share an entry (the bodies are the same: DRF sorts the parameters of ``next``/``previous``). A request
  with any other parameter is answered without the cache (its ``next`` link repeats the parameter, as
  upstream's does, so its body differs), which keeps cache-busting parameters from filling Redis.
- **Hosts.** Hosts named in ``HANGAR_ALLOWED_HOSTS`` (or ``HANGAR_PUBLIC_URL``, which makes every
  request one origin) are always cached. When every host is allowed (``*``, the default, or a
  ``.domain`` pattern), only the first ``HANGAR_CACHE_HOSTS`` origins a worker sees are cached; any
  other is answered from the database and said once in the log.
"""

import logging
import threading
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import Resolver404, get_resolver

logger = logging.getLogger("hangar.cache")

ALWAYS = frozenset({"format", "mode"})


@lru_cache(maxsize=4096)
def documented_parameters(path: str) -> frozenset | None:
    """The query parameters the view at ``path`` reads, or None when its answers are never cached."""
    from hangar.api.views.base import DataViewMixin

    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return None
    viewset = getattr(match.func, "cls", None)
    if viewset is None or not issubclass(viewset, DataViewMixin):
        return None
    names = set(ALWAYS) | set(getattr(viewset, "extra_query_params", ()))
    actions = getattr(match.func, "actions", None) or {}
    if actions.get("get") == "list":
        pagination = viewset.pagination_class
        names |= {
            getattr(pagination, "limit_query_param", "limit"),
            getattr(pagination, "offset_query_param", "offset"),
            "search",
            "ordering",
        }
        filterset = getattr(viewset, "filterset_class", None)
        if filterset is not None:
            names |= set(filterset.base_filters)
    return frozenset(names)


def canonical_query(path: str, query: str) -> str | None:
    """``query`` decoded and in canonical order, or None when the page is not to be cached."""
    allowed = documented_parameters(path)
    if allowed is None:
        return None
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True, errors="replace")
    if any(name not in allowed for name, _ in pairs):
        return None
    pairs.sort(key=lambda pair: pair[0])  # stable: repeated parameters keep their order
    return urlencode(pairs)


class _Origins:
    """The origins this worker caches when every host is allowed: the first ``HANGAR_CACHE_HOSTS``."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen: set[str] = set()
        self.refused: set[str] = set()

    def admit(self, origin: str, limit: int) -> bool:
        if origin in self.seen:
            return True
        with self.lock:
            if len(self.seen) < limit:
                self.seen.add(origin)
                return True
            if len(self.refused) < 1000 and origin not in self.refused:
                self.refused.add(origin)
                logger.warning(
                    "not caching pages for %s: this worker already caches %d hosts; name the server's "
                    "hosts in HANGAR_ALLOWED_HOSTS or set HANGAR_PUBLIC_URL",
                    origin,
                    limit,
                )
        return False

    def forget(self) -> None:
        with self.lock:
            self.seen.clear()
            self.refused.clear()


_origins = _Origins()


@lru_cache(maxsize=1)
def _every_host_allowed(allowed_hosts: tuple) -> bool:
    return any(host == "*" or host.startswith(".") for host in allowed_hosts)


def cached_origin(origin: str) -> bool:
    """Whether pages for ``origin`` (``scheme://host``, a host Django accepts) may be stored."""
    if settings.PUBLIC_URL or not _every_host_allowed(tuple(settings.ALLOWED_HOSTS)):
        return True
    return _origins.admit(origin, getattr(settings, "CACHE_HOSTS", 8))


def forget_cached_origins() -> None:
    _origins.forget()


def _forget(*, setting, **kwargs) -> None:
    if setting in ("ALLOWED_HOSTS", "PUBLIC_URL", "CACHE_HOSTS"):
        _origins.forget()
    if setting == "ROOT_URLCONF":
        documented_parameters.cache_clear()


setting_changed.connect(_forget)
