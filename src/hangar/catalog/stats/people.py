"""Derived values of astronauts and spacewalks: every rule, in one place (also in ``docs/statistics.md``).

The rules are pure functions of an astronaut's seats (``Seat``: a spacecraft flight and the crews of it
the astronaut is in), their spacewalks (``Walk``) and a clock (``now``); ``refresh`` loads them,
applies the rules and stores the results, so the API filters and sorts by columns.

Flights are launched, ended and ongoing as ``catalog.stats.spacecraft`` defines it. Then:

- ``flights`` are the launches of the flights whose launch crew the astronaut is in (upcoming ones
  included, in NET order); ``flights_count`` counts those launched; ``first_flight`` and
  ``last_flight`` are the NETs of the first and last of them.
- ``landings`` are the flights whose landing crew the astronaut is in; ``landings_count`` counts those
  that ended (the crew is back).
- A **stay** in space starts at the NET of each launched flight of the astronaut's launch crews and
  ends at the earliest end, at or after that start, of an ended flight they are in the landing crew of.
  With none, it has not ended if they are in the landing crew of a flight that has not ended (they
  will come back on it), and otherwise ends with the flight they went up on (no landing crew is
  recorded: they came back with it), unless that flight is ongoing too.
- ``in_space``: some stay has not ended. ``time_in_space``: the stays' union, an unended one up to
  ``now`` (overlaps count once).
- A spacewalk's ``duration`` is ``end - start``; one that started and has no end is ongoing and counts
  up to ``now``; with no start it is as imported. ``spacewalks`` are the spacewalks whose crew holds
  the astronaut, ``spacewalks_count`` those that started, ``eva_time`` the sum of their durations.
- ``age``: whole years from the date of birth to the date of death, or to today (UTC) while alive;
  null without a date of birth (an imported age is then kept).

Which wins, imported or derived: as for spacecraft, an astronaut with no stored seat on a flight keeps
the flight values imported with it (``FLIGHT_GROUP``), and one with no stored spacewalk its spacewalk
values (``SPACEWALK_GROUP``); once one is stored, the derived values of its group replace them.
``age`` is always derived from a known date of birth. Ongoing stays, spacewalks and ages move with the
clock: ``hangar recompute`` brings them forward.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from hangar.catalog.stats.spacecraft import CHUNK, ZERO, FlightFacts, flight_end, launched

__all__ = [
    "ASTRONAUT_FIELDS",
    "AstronautStats",
    "Seat",
    "Walk",
    "age",
    "astronaut_stats",
    "astronauts_of_spacecraft",
    "recompute_people",
    "refresh_astronauts",
    "refresh_spacewalks",
    "spacewalk_duration",
    "stays",
]

LAUNCH, ONBOARD, LANDING = "launch", "onboard", "landing"


@dataclass(frozen=True)
class Seat:
    """One flight an astronaut is on, with the crews of it they are in, and the flight's launch."""

    flight: FlightFacts
    launch_id: object
    crews: frozenset


@dataclass(frozen=True)
class Walk:
    id: int
    start: dt.datetime | None
    end: dt.datetime | None
    duration: dt.timedelta | None = None


@dataclass(frozen=True)
class AstronautStats:
    in_space: bool
    time_in_space: dt.timedelta
    eva_time: dt.timedelta
    flights_count: int
    landings_count: int
    spacewalks_count: int
    first_flight: dt.datetime | None
    last_flight: dt.datetime | None
    launches: tuple = field(default=(), compare=False)
    landings: tuple = field(default=(), compare=False)
    spacewalks: tuple = field(default=(), compare=False)


# What each kind of stored input decides: seats on flights, and seats on spacewalks.
FLIGHT_GROUP = (
    "in_space",
    "time_in_space",
    "flights_count",
    "landings_count",
    "first_flight",
    "last_flight",
    "launches",
    "landings",
)
SPACEWALK_GROUP = ("eva_time", "spacewalks_count", "spacewalks")
ASTRONAUT_FIELDS = tuple(
    name for name in AstronautStats.__dataclass_fields__ if name not in ("launches", "landings", "spacewalks")
)


# --- rules --------------------------------------------------------------------------------------------


def age(date_of_birth: dt.date | None, date_of_death: dt.date | None, today: dt.date) -> int | None:
    """Whole years from the date of birth to the date of death, or to ``today``."""
    if date_of_birth is None:
        return None
    until = date_of_death or today
    years = (
        until.year
        - date_of_birth.year
        - ((until.month, until.day) < (date_of_birth.month, date_of_birth.day))
    )
    return max(years, 0)


def spacewalk_duration(walk: Walk, now: dt.datetime) -> dt.timedelta | None:
    """``end - start``; an ongoing spacewalk up to ``now``; as imported without a start."""
    if walk.start is None or walk.start > now:
        return walk.duration if walk.start is None else None
    end = walk.end if walk.end is not None and walk.end <= now else now
    return max(end - walk.start, ZERO)


def stays(seats: Iterable[Seat], now: dt.datetime) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """(start, end or None while in space) of each stay, by start."""
    seats = list(seats)
    landed = sorted(
        end for s in seats if LANDING in s.crews and (end := flight_end(s.flight, now)) is not None
    )
    coming_back = any(LANDING in s.crews and flight_end(s.flight, now) is None for s in seats)
    result = []
    for seat in sorted(
        (s for s in seats if LAUNCH in s.crews and launched(s.flight, now)),
        key=lambda s: (s.flight.net, s.flight.id),
    ):
        start = seat.flight.net
        end = next((e for e in landed if e >= start), None)
        if end is None and not coming_back:
            end = flight_end(seat.flight, now)
        result.append((start, end))
    return result


def _union(spans: list[tuple[dt.datetime, dt.datetime | None]], now: dt.datetime) -> dt.timedelta:
    total, reach = ZERO, None
    for start, end in sorted(spans):
        end = end or now
        if reach is not None and start < reach:
            start = reach
        if end > start:
            total += end - start
            reach = end
        elif reach is None or end > reach:
            reach = max(start, end)
    return total


def astronaut_stats(seats: Iterable[Seat], walks: Iterable[Walk], now: dt.datetime) -> AstronautStats:
    seats, walks = list(seats), list(walks)
    flown = sorted(
        (s for s in seats if LAUNCH in s.crews), key=lambda s: (s.flight.net is None, s.flight.net)
    )
    launched_nets = [s.flight.net for s in flown if launched(s.flight, now)]
    launches = tuple(dict.fromkeys(s.launch_id for s in flown))
    launched_ids = {s.launch_id for s in flown if launched(s.flight, now)}
    landing_seats = [s for s in seats if LANDING in s.crews]
    spans = stays(seats, now)
    started = [w for w in walks if w.start is None or w.start <= now]
    durations = [spacewalk_duration(w, now) for w in started]
    return AstronautStats(
        in_space=any(end is None for _, end in spans),
        time_in_space=_union(spans, now),
        eva_time=sum((d for d in durations if d is not None), ZERO),
        flights_count=len(launched_ids),
        landings_count=sum(flight_end(s.flight, now) is not None for s in landing_seats),
        spacewalks_count=len(started),
        first_flight=min(launched_nets) if launched_nets else None,
        last_flight=max(launched_nets) if launched_nets else None,
        launches=launches,
        landings=tuple(sorted({s.flight.id for s in landing_seats})),
        spacewalks=tuple(sorted(w.id for w in walks)),
    )


# --- storage ------------------------------------------------------------------------------------------


def _chunks(ids: list, size: int = CHUNK):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _seats(astronaut_ids: list[int]) -> dict[int, list[Seat]]:
    """Each astronaut's seats, from the three crew lists of the stored spacecraft flights."""
    Seat_ = apps.get_model("catalog", "AstronautFlight")
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    owner = {}
    for chunk in _chunks(astronaut_ids):
        owner.update(Seat_.objects.filter(astronaut_id__in=chunk).values_list("id", "astronaut_id"))
    crews = defaultdict(set)  # (astronaut, flight) → crews
    for kind in (LAUNCH, ONBOARD, LANDING):
        through = getattr(Flight, f"{kind}_crew").through
        for chunk in _chunks(sorted(owner)):
            for seat_id, flight_id in through.objects.filter(astronautflight_id__in=chunk).values_list(
                "astronautflight_id", "spacecraftflight_id"
            ):
                crews[(owner[seat_id], flight_id)].add(kind)
    facts = {}
    for chunk in _chunks(sorted({f for _, f in crews})):
        for row in Flight.objects.filter(id__in=chunk).values_list(
            "id", "spacecraft_id", "launch__net", "mission_end", "launch__status_id", "launch_id"
        ):
            facts[row[0]] = (FlightFacts(*row[:5]), row[5])
    result = defaultdict(list)
    for (astronaut_id, flight_id), kinds in crews.items():
        flight, launch_id = facts[flight_id]
        result[astronaut_id].append(Seat(flight, launch_id, frozenset(kinds)))
    return result


def _walks(astronaut_ids: list[int]) -> dict[int, list[Walk]]:
    Spacewalk = apps.get_model("catalog", "Spacewalk")
    result = defaultdict(dict)
    for chunk in _chunks(astronaut_ids):
        for astronaut_id, *row in Spacewalk.objects.filter(crew__astronaut_id__in=chunk).values_list(
            "crew__astronaut_id", "id", "start", "end", "duration"
        ):
            result[astronaut_id][row[0]] = Walk(*row)
    return {a: list(walks.values()) for a, walks in result.items()}


def _write(model, objs: list, values: list[dict]) -> None:
    changed = defaultdict(list)
    for obj, new in zip(objs, values, strict=True):
        diff = tuple(sorted(k for k, v in new.items() if getattr(obj, k) != v))
        for key in diff:
            setattr(obj, key, new[key])
        if diff:
            changed[diff].append(obj)
    for fields, group in changed.items():
        model.objects.bulk_update(group, list(fields), batch_size=CHUNK)


def _set_relation(attr: str, column: str, lists: dict[int, tuple]) -> None:
    Astronaut = apps.get_model("catalog", "Astronaut")
    through = getattr(Astronaut, attr).through
    ids = sorted(lists)
    for chunk in _chunks(ids):
        through.objects.filter(astronaut_id__in=chunk).delete()
    rows = [through(astronaut_id=a, **{column: target}) for a in ids for target in lists[a]]
    through.objects.bulk_create(rows, batch_size=CHUNK)


def refresh_spacewalks(spacewalk_ids: Iterable[int], now: dt.datetime | None = None) -> set[int]:
    """Store the derived ``duration`` of these spacewalks; return their crews' astronauts."""
    now = now or timezone.now()
    Spacewalk = apps.get_model("catalog", "Spacewalk")
    astronauts = set()
    for chunk in _chunks(sorted(set(spacewalk_ids))):
        walks = list(Spacewalk.objects.filter(id__in=chunk).only("id", "start", "end", "duration"))
        _write(
            Spacewalk,
            walks,
            [{"duration": spacewalk_duration(Walk(w.id, w.start, w.end, w.duration), now)} for w in walks],
        )
        astronauts.update(
            Spacewalk.crew.through.objects.filter(spacewalk_id__in=chunk).values_list(
                "astronautflight__astronaut_id", flat=True
            )
        )
    return astronauts


def refresh_astronauts(astronaut_ids: Iterable[int], now: dt.datetime | None = None) -> None:
    """Recompute and store these astronauts' derived values and lists (see the module's rules)."""
    now = now or timezone.now()
    Astronaut = apps.get_model("catalog", "Astronaut")
    ids = sorted(set(astronaut_ids) - {None})
    if not ids:
        return
    with transaction.atomic():
        seats, walks = _seats(ids), _walks(ids)
        today = now.date()
        people = []
        for chunk in _chunks(ids):
            people += Astronaut.objects.filter(id__in=chunk).order_by("id")
        values, lists = [], {"launches": {}, "landings": {}, "spacewalks": {}}
        for person in people:
            new = {}
            if person.date_of_birth is not None:
                new["age"] = age(person.date_of_birth, person.date_of_death, today)
            derived = astronaut_stats(seats.get(person.id, ()), walks.get(person.id, ()), now)
            for group, attrs in ((seats, FLIGHT_GROUP), (walks, SPACEWALK_GROUP)):
                if person.id not in group:
                    continue
                for attr in attrs:
                    if attr in lists:
                        lists[attr][person.id] = getattr(derived, attr)
                    else:
                        new[attr] = getattr(derived, attr)
            values.append(new)
        _write(Astronaut, people, values)
        _set_relation("launches", "launch_id", lists["launches"])
        _set_relation("landings", "spacecraftflight_id", lists["landings"])
        _set_relation("spacewalks", "spacewalk_id", lists["spacewalks"])


def astronauts_of_spacecraft(spacecraft_ids: Iterable[int]) -> set[int]:
    """The astronauts with a seat on a flight of these spacecraft."""
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    result = set()
    for kind in (LAUNCH, ONBOARD, LANDING):
        through = getattr(Flight, f"{kind}_crew").through
        for chunk in _chunks(sorted(set(spacecraft_ids))):
            result.update(
                through.objects.filter(spacecraftflight__spacecraft_id__in=chunk).values_list(
                    "astronautflight__astronaut_id", flat=True
                )
            )
    return result


def recompute_people(now: dt.datetime | None = None, progress=lambda _: None) -> int:
    """Rebuild every spacewalk's and astronaut's derived values; return how many astronauts."""
    Astronaut = apps.get_model("catalog", "Astronaut")
    Spacewalk = apps.get_model("catalog", "Spacewalk")
    refresh_spacewalks(Spacewalk.objects.values_list("id", flat=True), now=now)
    ids = list(Astronaut.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), CHUNK):
        refresh_astronauts(ids[start : start + CHUNK], now=now)
        progress(f"recomputed {min(start + CHUNK, len(ids))} of {len(ids)} astronauts")
    return len(ids)
