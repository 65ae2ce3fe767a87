"""The endpoints a mirror crawls and an export writes: every list route Hangar's router serves.

Derived from the router, never listed by hand, so an endpoint registered in ``hangar.api.urls`` is
mirrored and exported without a change here. For each: the mode that carries the most per object (the
serializer whose walk reaches the most fields), whether it can be read incrementally (its FilterSet
takes ``last_updated__gte`` and it orders by ``last_updated``, as upstream documents for launches and
events), and how often a complete pass is due. Detail-only routes are not crawled: what they serve
arrives nested in the list endpoints' objects. Nor are list routes ``hangar import`` has no resource
for (``ingest.resources.ENDPOINTS``): the windows ``launches/upcoming`` and ``launches/previous`` are
parts of ``launches``.

This is the one place ``ingest`` reads ``api``: what is mirrored is what Hangar serves.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache

from rest_framework import serializers

# How often a complete pass of an endpoint is due (``--refresh`` overrides): lookups change rarely,
# resources weekly; endpoints with a last_updated cursor are read incrementally on every run and
# re-read completely (to see deletions) weekly.
LOOKUP_REFRESH = dt.timedelta(days=30)
RESOURCE_REFRESH = dt.timedelta(days=7)


@dataclass(frozen=True)
class MirrorEndpoint:
    prefix: str  # the path after /2.3.0/, e.g. "config/spacecraft_statuses"
    mode: str | None  # the mode crawled (None: the endpoint has no modes)
    incremental: bool  # read with last_updated__gte and ordering=last_updated
    lookup: bool
    model: type

    @property
    def path(self) -> str:
        return f"/2.3.0/{self.prefix}/"

    @property
    def refresh(self) -> dt.timedelta:
        return LOOKUP_REFRESH if self.lookup else RESOURCE_REFRESH

    def query(self, **params) -> dict:
        """The query of one page, in the order every request writes it (cache keys stay stable)."""
        base = {"format": "json", "limit": 100}
        if self.mode is not None:
            base["mode"] = self.mode
        return {**base, **params}


def _weight(serializer, depth: int = 0) -> int:
    """How many fields a serializer's output holds, nested ones included (bounded depth)."""
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    total = 0
    for field in serializer.fields.values():
        total += 1
        if depth < 6 and isinstance(field, serializers.BaseSerializer):
            total += _weight(field, depth + 1)
    return total


def richest_mode(viewset) -> str | None:
    modes = getattr(viewset, "modes", None) or {}
    if not modes:
        return None
    # Ties go to the mode declared last (upstream declares list, normal, detailed).
    return max(reversed(list(modes)), key=lambda mode: _weight(modes[mode]()))


def _incremental(viewset) -> bool:
    filterset = getattr(viewset, "filterset_class", None)
    filters = filterset.base_filters if filterset is not None else {}
    return "last_updated__gte" in filters and "last_updated" in (
        getattr(viewset, "ordering_fields", ()) or ()
    )


@cache
def mirror_endpoints() -> tuple[MirrorEndpoint, ...]:
    """Every list endpoint the router serves: lookups first (other objects name them), then in the
    router's order."""
    from hangar.api.urls import router
    from hangar.api.views.base import LookupViewSet
    from hangar.ingest.resources import ENDPOINTS

    found = []
    for prefix, viewset, _basename in router.registry:
        if not hasattr(viewset, "list") or prefix not in ENDPOINTS:
            continue
        found.append(
            MirrorEndpoint(
                prefix=prefix,
                mode=richest_mode(viewset),
                incremental=_incremental(viewset),
                lookup=prefix.startswith("config/") or issubclass(viewset, LookupViewSet),
                model=viewset.queryset.model,
            )
        )
    return tuple(sorted(found, key=lambda e: not e.lookup))


def select(names: list[str] | None) -> list[MirrorEndpoint]:
    """The endpoints named (as their path after /2.3.0/), or all; an unknown name is a ValueError."""
    every = mirror_endpoints()
    if not names:
        return list(every)
    known = {e.prefix: e for e in every}
    unknown = [n.strip("/") for n in names if n.strip("/") not in known]
    if unknown:
        raise ValueError(f"unknown endpoint(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    wanted = {n.strip("/") for n in names}
    return [e for e in every if e.prefix in wanted]
