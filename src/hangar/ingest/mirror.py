"""``hangar mirror``: keep a local copy of an LL2 2.3.0 server (upstream, its dev host, another Hangar).

Every list endpoint Hangar serves (``ingest.endpoints``) is read ``limit=100`` at a time in the mode
that carries the most, and each page is stored through the path ``hangar import`` takes (parse, then
``load_batch``), in one transaction together with the endpoint's progress (``MirrorState``): a page is
either stored and counted as read, or neither, so a run killed anywhere continues where it stopped.

Passes:
- **full**: ``ordering=id`` from offset 0 to the end. A run continuing one re-reads the page before
  where it stopped (a page of overlap, for objects the source removed meanwhile). At its end every
  local object of that endpoint the pass did not see is removed, in the same transaction.
- **incremental** (endpoints whose FilterSet takes ``last_updated__gte`` and orders by
  ``last_updated``): ``ordering=last_updated`` from the newest ``last_updated`` read so far, the
  objects at exactly that instant included (one of them may have changed since).

A full pass is due when the endpoint was never read completely or its refresh interval (lookups 30
days, the rest 7) has passed; incremental endpoints are read incrementally on every other run.
"""

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone

from hangar.catalog import signals, stats
from hangar.ingest.endpoints import MirrorEndpoint
from hangar.ingest.load import load_batch
from hangar.ingest.models import MirrorSeen, MirrorState
from hangar.ingest.parse import parse_document
from hangar.ingest.remote import Budget, RemoteError, Source
from hangar.ingest.values import ParseError

LIMIT = 100
DELETE_CHUNK = 500


class MirrorFailed(RuntimeError):
    """A run that cannot go on (the source is down, answers something that is not LL2); one line."""


@dataclass
class EndpointPlan:
    endpoint: MirrorEndpoint
    phase: str  # "full", "incremental" or "" (not due)
    requests: int | None  # None: the size is not known yet (never read)
    resume_offset: int = 0
    count: int | None = None

    def describe(self) -> str:
        if not self.phase:
            return "up to date"
        what = "full pass" if self.phase == "full" else "changes since the last run"
        if self.phase == "full" and self.resume_offset:
            what += f", continuing at offset {self.resume_offset}"
        size = "size unknown" if self.count is None else f"{self.count} objects"
        cost = "at least 1 request" if self.requests is None else f"{self.requests} requests"
        if self.phase == "incremental":
            cost = "1 request + 1 per 100 changed objects"
        return f"{what} ({size}): {cost}"


@dataclass
class Plan:
    endpoints: list[EndpointPlan]
    budget: Budget
    budget_from: str

    @property
    def requests(self) -> int:
        """Requests the due work takes when nothing fails (unknown sizes counted as one)."""
        return sum(p.requests or 1 for p in self.endpoints if p.phase)

    @property
    def unknown(self) -> int:
        return sum(1 for p in self.endpoints if p.phase and p.requests is None)

    def duration(self, requests: int | None = None) -> dt.timedelta:
        n = self.requests if requests is None else requests
        if self.budget.unlimited:
            return dt.timedelta(0)
        # The first `budget.requests` go at once; then one per interval.
        spread = max(0, n - self.budget.requests) * self.budget.interval()
        return dt.timedelta(seconds=math.ceil(spread))

    def full_requests(self) -> int:
        """Requests a complete pass of every endpoint takes at the sizes known now."""
        return sum(_pages(p.count) for p in self.endpoints)

    def lines(self) -> list[str]:
        rows = [f"budget: {self.budget} ({self.budget_from})"]
        rows += [f"{p.endpoint.prefix} [{p.endpoint.mode or '-'}]: {p.describe()}" for p in self.endpoints]
        extra = f" (+ {self.unknown} endpoint(s) of unknown size)" if self.unknown else ""
        rows.append(
            f"this run: {self.requests} requests{extra}, about {_human(self.duration())} at the budget"
        )
        full = self.full_requests()
        rows.append(f"a full pass of everything: {full} requests, about {_human(self.duration(full))}")
        return rows


def _pages(count: int | None) -> int:
    return max(1, math.ceil((count or 0) / LIMIT))


def _human(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def _state(source: str, endpoint: MirrorEndpoint) -> MirrorState:
    state, _ = MirrorState.objects.get_or_create(source=source, endpoint=endpoint.prefix)
    return state


def phase_due(
    state: MirrorState, endpoint: MirrorEndpoint, now: dt.datetime, refresh: dt.timedelta | None
) -> str:
    if state.phase:
        return state.phase  # a pass under way continues
    interval = endpoint.refresh if refresh is None else refresh
    if state.last_complete_at is None or now - state.last_complete_at >= interval:
        return "full"
    if endpoint.incremental and state.cursor:
        return "incremental"
    return ""


def _resume_offset(state: MirrorState) -> int:
    # A page of overlap: what the source removed before our offset meanwhile would make us skip objects.
    return max(0, state.offset - LIMIT) if state.phase == "full" else 0


def plan(
    source: str, endpoints: Iterable[MirrorEndpoint], budget: Budget, budget_from: str, refresh=None
) -> Plan:
    now = timezone.now()
    rows = []
    for endpoint in endpoints:
        state = MirrorState.objects.filter(source=source, endpoint=endpoint.prefix).first()
        state = state or MirrorState(source=source, endpoint=endpoint.prefix)
        phase = phase_due(state, endpoint, now, refresh)
        count = state.count
        requests = None
        if phase == "full" and count is not None:
            offset = _resume_offset(state)
            requests = max(1, math.ceil(max(0, count - offset) / LIMIT)) + 1  # + 1: growth, overlap
        elif phase == "incremental":
            requests = 1
        rows.append(EndpointPlan(endpoint, phase, requests, _resume_offset(state), count))
    return Plan(rows, budget, budget_from)


@dataclass
class RunSummary:
    pages: int = 0
    objects: int = 0
    removed: dict[str, int] = field(default_factory=dict)
    completed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _page(source: Source, endpoint: MirrorEndpoint, params: dict):
    data = source.get(endpoint.path, endpoint.query(**params))
    if not isinstance(data, dict) or not isinstance(data.get("results"), list) or "count" not in data:
        raise MirrorFailed(f"{source.base_url}{endpoint.path}: the answer is not an LL2 list page")
    try:
        batch = parse_document(data, kind=endpoint.prefix)
    except ParseError as exc:
        raise MirrorFailed(f"{source.base_url}{endpoint.path} offset {params.get('offset')}: {exc}") from None
    return data, batch


def _remove_unseen(state: MirrorState, endpoint: MirrorEndpoint, summary: RunSummary) -> None:
    """Delete the local objects of ``endpoint`` the complete pass did not see (in its transaction)."""
    seen = set(state.seen.values_list("key", flat=True))
    model = endpoint.model
    gone = [pk for pk in model.objects.values_list("pk", flat=True).iterator() if str(pk) not in seen]
    removed = 0
    with signals.batched():  # statistics refreshed and the data version bumped once
        for start in range(0, len(gone), DELETE_CHUNK):
            chunk = gone[start : start + DELETE_CHUNK]
            try:
                with transaction.atomic():
                    removed += model.objects.filter(pk__in=chunk).delete()[1].get(model._meta.label, 0)
            except (ProtectedError, RestrictedError):
                for pk in chunk:  # one by one, to keep what is still referenced
                    try:
                        with transaction.atomic():
                            removed += model.objects.filter(pk=pk).delete()[1].get(model._meta.label, 0)
                    except (ProtectedError, RestrictedError):
                        summary.warnings.append(
                            f"{endpoint.prefix} {pk}: gone at the source, still referenced"
                        )
    if removed:
        summary.removed[endpoint.prefix] = removed
        # What a removed object fed (a configuration's counts over its spacecraft, an astronaut's over
        # flights) is not reachable from it once it is gone: rebuild the derived values (removals are rare).
        stats.recompute()


def _full_page(source: Source, endpoint: MirrorEndpoint, state: MirrorState, summary: RunSummary) -> bool:
    """Read and store the next page of a full pass; True when the pass is complete."""
    if not state.phase:
        with transaction.atomic():
            state.seen.all().delete()
            state.phase, state.offset, state.pass_started_at = "full", 0, timezone.now()
            state.save()
    offset = state.offset
    data, batch = _page(source, endpoint, {"ordering": "id", "offset": offset})
    results = data["results"]
    with transaction.atomic():
        load_batch(batch)
        keys = [str(item.get("id")) for item in results if isinstance(item, dict)]
        MirrorSeen.objects.bulk_create(
            [MirrorSeen(state=state, key=k) for k in keys], ignore_conflicts=True, batch_size=500
        )
        _advance_cursor(state, results)
        state.count, state.requests = data["count"], state.requests + 1
        done = not data.get("next")
        if done:
            _remove_unseen(state, endpoint, summary)
            state.seen.all().delete()
            state.phase, state.offset, state.pass_started_at = "", 0, None
            state.last_complete_at = timezone.now()
            summary.completed.append(endpoint.prefix)
        else:
            state.offset = offset + LIMIT
        state.save()
    summary.pages += 1
    summary.objects += len(results)
    return done


def _advance_cursor(state: MirrorState, results: list) -> None:
    """Keep the newest ``last_updated`` read (full passes start an endpoint's cursor too)."""
    stamps = [r.get("last_updated") for r in results if isinstance(r, dict)]
    stamps = [s for s in stamps if isinstance(s, str)]
    if stamps and max(stamps) > state.cursor and state.phase == "full":
        state.cursor, state.skip = max(stamps), 0


def next_cursor(cursor: str, skip: int, results: list) -> tuple[str, int]:
    """Where the next incremental page starts: the last object's ``last_updated``, skipping the objects
    at exactly that instant already read (several may share one)."""
    stamps = [r.get("last_updated") for r in results if isinstance(r, dict)]
    stamps = [s for s in stamps if isinstance(s, str)]
    if not stamps:
        return cursor, skip + len(results)
    last = stamps[-1]
    same = sum(1 for s in stamps if s == last)
    return (last, skip + same) if last == cursor else (last, same)


def _incremental_page(
    source: Source, endpoint: MirrorEndpoint, state: MirrorState, summary: RunSummary
) -> bool:
    if not state.phase:
        state.phase = "incremental"
        state.save(update_fields=["phase"])
    # The objects at the cursor's instant are read again (idempotent upserts) rather than skipped: one
    # of them changed since moves past the cursor, and skipping by count would then skip it. Only a
    # page wholly at one instant is skipped, so that a run always moves on.
    offset = state.skip if state.skip >= LIMIT else 0
    params = {"ordering": "last_updated", "last_updated__gte": state.cursor, "offset": offset}
    data, batch = _page(source, endpoint, params)
    results = data["results"]
    with transaction.atomic():
        load_batch(batch)
        state.cursor, state.skip = next_cursor(state.cursor, offset, results)
        state.requests += 1
        done = not data.get("next")
        if done:
            state.phase = ""
        state.save()
    summary.pages += 1
    summary.objects += len(results)
    return done


def run(
    source: Source,
    endpoints: Iterable[MirrorEndpoint],
    refresh: dt.timedelta | None = None,
    progress: Callable[[str, int], None] = lambda endpoint, objects: None,
    max_requests: int | None = None,
) -> RunSummary:
    """Do what is due for every endpoint; a RemoteError stops the run (what was stored stays)."""
    summary = RunSummary()
    now = timezone.now()
    for endpoint in endpoints:
        state = _state(source.base_url, endpoint)
        phase = phase_due(state, endpoint, now, refresh)
        if not phase:
            continue
        if phase == "full" and state.phase == "full":
            state.offset = _resume_offset(state)
        step = _full_page if phase == "full" else _incremental_page
        while True:
            if max_requests is not None and source.sent >= max_requests:
                return summary
            try:
                before = summary.objects
                done = step(source, endpoint, state, summary)
            except RemoteError as exc:
                raise MirrorFailed(str(exc)) from None
            progress(endpoint.prefix, summary.objects - before)
            if done:
                break
    return summary


def next_due(source: str, endpoints: Iterable[MirrorEndpoint], poll: dt.timedelta) -> dt.datetime:
    """When ``--watch`` has work again: the first refresh due, or ``poll`` for incremental endpoints."""
    now = timezone.now()
    due = now + poll
    for endpoint in endpoints:
        state = MirrorState.objects.filter(source=source, endpoint=endpoint.prefix).first()
        if state is None or state.phase or state.last_complete_at is None:
            return now
        due = min(due, state.last_complete_at + endpoint.refresh)
    return max(now, due)
