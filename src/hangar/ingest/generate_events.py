"""Synthetic events for ``hangar generate``: past ones since the first spacewalk, ``RECENT_HOURS`` in
the 24 hours before the schedule's anchor (so ``/events/upcoming/`` lists them, as upstream keeps events
for a day) and upcoming ones over the next year, plus one not yet dated; and what the Starship dashboard
shows beside them (road closures, notices, program updates).

Like the payload launches (``generate_launches``) the schedule is anchored on the clock at generation
time. One event per ``PER_SPACECRAFT`` spacecraft (at least ``MINIMUM``), one in ``UPCOMING_SHARE``
upcoming. Each has a type and one or two agencies; ``generate_dress`` gives the ``dressed`` ones (the
first of ``/events/``, and the recent and soonest ones that open ``/events/upcoming/`` and
``/events/previous/``) every optional part.
"""

import datetime as dt
import random
from collections.abc import Callable, Iterator

from hangar.catalog.models import (
    Event,
    EventType,
    Notice,
    NoticeType,
    RoadClosure,
    RoadClosureStatus,
    Update,
)
from hangar.ingest.generate_dress import DRESSED, DRESSED_ID

MARK = "[SYNTHETIC]"
PER_SPACECRAFT = 10
MINIMUM = 24
UPCOMING_SHARE = 4
RECENT_HOURS = (3, 10, 22)
HORIZON = dt.timedelta(days=365)
EPOCH = dt.datetime(1965, 3, 18, 8, 34, tzinfo=dt.UTC)
TYPES = ((1, "Docking"), (2, "Spacewalk"), (3, "Static Fire"), (4, "Press Event"), (5, "Flyby"))
NAMES = ("Docking", "Spacewalk", "Static fire", "Press conference", "Flyby")
# The Starship dashboard's own rows (api.views.dashboard): road closures around the anchor, notices
# before it, and updates of program 1 (the dashboard's program).
CLOSURE_STATUSES = ((1, "Scheduled"), (2, "Canceled"), (3, "Revoked"))
NOTICE_TYPES = ((1, "Maritime Hazard Area"), (2, "Temporary Flight Restriction"), (3, "Evacuation"))
CLOSURES, NOTICES, PROGRAM_UPDATES = 14, 12, 12
PROGRAM_UPDATE_ID = DRESSED_ID + 1000  # beyond the dressed events' updates (generate_dress)


class EventSchedule:
    """The events of a catalog, from their own random stream."""

    def __init__(
        self,
        seed: int,
        spacecraft: int,
        agencies: int,
        schedule_from: dt.datetime,
        image: Callable[..., int],
        description: Callable[[str], str],
    ):
        self.rng = random.Random(f"{seed}/events")
        self.total = max(MINIMUM, spacecraft // PER_SPACECRAFT)
        self.agencies, self.anchor = agencies, schedule_from.replace(microsecond=0)
        self.image, self.description = image, description
        self.dressed: list[tuple[int, dt.datetime]] = []  # (event id, date), for generate_dress
        self.counts = {"events": 0}

    def events(self) -> Iterator:
        rng = self.rng
        yield from (EventType(id=i, name=n) for i, n in TYPES)
        upcoming = max(DRESSED + 1, self.total // UPCOMING_SHARE)
        past = self.total - upcoming - len(RECENT_HOURS) - 1
        span = int((self.anchor - dt.timedelta(days=2) - EPOCH).total_seconds())
        dates = sorted(EPOCH + dt.timedelta(seconds=rng.randint(0, span)) for _ in range(past))
        dressed = set(dates[:DRESSED])
        recent = [self.anchor - dt.timedelta(hours=h) for h in RECENT_HOURS]
        ahead = sorted(
            self.anchor + dt.timedelta(seconds=rng.randint(3600, int(HORIZON.total_seconds())))
            for _ in range(upcoming)
        )
        dressed |= {*recent, *ahead[:DRESSED]}
        # Ids out of date order, so orderings are exercised; the undated one is last.
        schedule = [*dates, *recent, *ahead]
        ids = list(range(1, len(schedule) + 1))
        rng.shuffle(ids)
        for event_id, date in zip(ids, schedule, strict=True):
            yield from self._event(event_id, date, date in dressed)
        yield from self._event(len(schedule) + 1, None, False)
        yield from self.dashboard()

    def dashboard(self) -> Iterator:
        """Road closures (a few over, the rest now and ahead), notices and program 1's updates."""
        rng, hour = self.rng, dt.timedelta(hours=1)
        yield from (RoadClosureStatus(id=i, name=n) for i, n in CLOSURE_STATUSES)
        yield from (NoticeType(id=i, name=n) for i, n in NOTICE_TYPES)
        for n in range(1, CLOSURES + 1):
            start = self.anchor + (n - 4) * 20 * hour
            yield RoadClosure(
                id=n,
                title=f"{MARK} Primary date for road closure {n}",
                status_id=1 if n % 5 else rng.choice(CLOSURE_STATUSES[1:])[0],
                window_start=start,
                window_end=start + rng.randint(2, 12) * hour,
            )
        for n in range(1, NOTICES + 1):
            yield Notice(
                id=n,
                type_id=1 + n % len(NOTICE_TYPES),
                date=self.anchor - n * 30 * hour,
                url=f"https://notices.synthetic.invalid/{n}.pdf",
            )
        for n in range(1, PROGRAM_UPDATES + 1):
            yield Update(
                id=PROGRAM_UPDATE_ID + n,
                program_id=1,
                profile_image=f"https://images.synthetic.invalid/editor-{n % 3}.png",
                comment=f"{MARK} Program update {n}.",
                info_url="https://updates.synthetic.invalid/" if n % 2 else None,
                created_by="Synthetic Editor",
                created_on=self.anchor - n * 7 * hour,
            )

    def _event(self, event_id: int, date: dt.datetime | None, dressed: bool) -> Iterator:
        rng = self.rng
        type_id, _ = rng.choice(TYPES)
        name = f"{MARK} {NAMES[type_id - 1]} {event_id}"
        future = date is None or date >= self.anchor
        yield Event(
            id=event_id,
            name=name,
            slug=f"synthetic-event-{event_id}",
            type_id=type_id,
            description=self.description("event"),
            webcast_live=dressed and not future and date > self.anchor - dt.timedelta(hours=4),
            location=f"{MARK} Site {event_id % 7}" if dressed or rng.random() < 0.6 else None,
            date=date,
            date_precision_id=1 if dressed or (date is not None and rng.random() < 0.7) else None,
            duration=dt.timedelta(hours=1 + event_id % 6) if dressed or rng.random() < 0.3 else None,
            image_id=self.image(name, full=dressed, rng=rng) if dressed or rng.random() < 0.5 else None,
            last_updated=min(date or self.anchor, self.anchor) - dt.timedelta(hours=1 + event_id % 48),
        )
        agencies = (2, 1) if dressed else rng.sample(range(1, self.agencies + 1), rng.choice((0, 1, 1, 2)))
        yield from (Event.agencies.through(event_id=event_id, agency_id=a) for a in agencies)
        if dressed:
            self.dressed.append((event_id, date))
        self.counts["events"] += 1
