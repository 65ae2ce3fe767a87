"""Derived statistics of flights, spacecraft and spacecraft configurations: every rule, in one place.

The rules are pure functions of a spacecraft's flight history (``FlightFacts``) and a clock (``now``);
``refresh`` loads the history from the database, applies them and stores the results as columns, so that
the API sorts and filters by index scans and never computes at read time.

Definitions used by every rule:

- A flight is **launched** when its launch has a NET at or before ``now``.
- A launched flight has **ended** when its ``mission_end`` is at or before ``now``; a launched flight
  whose launch failed (status *Launch Failure*) and that has no ``mission_end`` ended at launch. The end
  of an ended flight is its ``mission_end`` (or the NET, for such a failure).
- A launched flight that has not ended is **ongoing**: it is counted up to ``now``. An unknown
  ``mission_end`` therefore means "still flying", as upstream's ``in_space`` does.
- Negative spans (a mission end before its launch in the input) count as zero.

Which wins, imported or derived: a normal-mode upstream page carries a spacecraft's aggregates without its
flights. While no flight of a spacecraft is stored locally, its imported aggregates are kept as given
(they are the only knowledge we have). Once at least one of its flights is stored, the derived values
replace them on every write, because then they agree with the flights we serve and can be rebuilt from
them (``hangar recompute``). Configurations follow the same policy: derived once any of their spacecraft
has a stored flight.

The clock: stored values are exact as of the last write that touched their inputs, or the last
``hangar recompute``; ongoing flights keep growing, so run ``hangar recompute`` periodically (it is cheap)
to move them forward.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from hangar.catalog import versioning

__all__ = [
    "CHUNK",
    "CONFIG_FIELDS",
    "LAUNCH_FAILURE",
    "LAUNCH_PARTIAL_FAILURE",
    "LAUNCH_SUCCESS",
    "SPACECRAFT_FIELDS",
    "ZERO",
    "ConfigStats",
    "FlightFacts",
    "SpacecraftStats",
    "config_stats",
    "derived_owners",
    "docked_time",
    "duration",
    "flight_end",
    "launched",
    "merge_config_stats",
    "ongoing",
    "recompute",
    "refresh",
    "spacecraft_stats",
    "turn_around_time",
    "turnarounds",
]

ZERO = dt.timedelta(0)

# Upstream's fixed LaunchStatus ids.
LAUNCH_SUCCESS = 3
LAUNCH_FAILURE = 4
LAUNCH_PARTIAL_FAILURE = 7

CHUNK = 500


@dataclass(frozen=True)
class FlightFacts:
    """What the rules read of one spacecraft flight."""

    id: int
    spacecraft_id: int
    net: dt.datetime | None
    mission_end: dt.datetime | None = None
    launch_status_id: int | None = None
    landing_attempt: bool = False
    landing_success: bool | None = None
    # (docking, departure) of each docking event where this flight is the chaser.
    dockings: tuple[tuple[dt.datetime, dt.datetime | None], ...] = ()


@dataclass(frozen=True)
class SpacecraftStats:
    flights_count: int
    mission_ends_count: int
    time_in_space: dt.timedelta
    time_docked: dt.timedelta
    fastest_turnaround: dt.timedelta | None
    in_space: bool


@dataclass(frozen=True)
class ConfigStats:
    spacecraft_flown: int
    total_launch_count: int
    successful_launches: int
    failed_launches: int
    attempted_landings: int
    successful_landings: int
    failed_landings: int
    fastest_turnaround: dt.timedelta | None


SPACECRAFT_FIELDS = tuple(SpacecraftStats.__dataclass_fields__)
CONFIG_FIELDS = tuple(ConfigStats.__dataclass_fields__)


# --- rules --------------------------------------------------------------------------------------------


def launched(flight: FlightFacts, now: dt.datetime) -> bool:
    """A flight is launched when its NET is known and not in the future."""
    return flight.net is not None and flight.net <= now


def flight_end(flight: FlightFacts, now: dt.datetime) -> dt.datetime | None:
    """When a launched flight ended; ``None`` while it is ongoing (or not launched)."""
    if not launched(flight, now):
        return None
    if flight.mission_end is not None:
        return flight.mission_end if flight.mission_end <= now else None
    return flight.net if flight.launch_status_id == LAUNCH_FAILURE else None


def ongoing(flight: FlightFacts, now: dt.datetime) -> bool:
    """Launched and not ended: the spacecraft is in space on this flight."""
    return launched(flight, now) and flight_end(flight, now) is None


def duration(flight: FlightFacts, now: dt.datetime) -> dt.timedelta:
    """``duration``: mission end - launch; an ongoing flight up to ``now``; ``P0D`` before launch.

    Never null, as the schema requires: an unknown mission end means the flight is ongoing.
    """
    if not launched(flight, now):
        return ZERO
    end = flight_end(flight, now) or now
    return max(end - flight.net, ZERO)


def _launch_order(flights: Iterable[FlightFacts], now: dt.datetime) -> list[FlightFacts]:
    return sorted((f for f in flights if launched(f, now)), key=lambda f: (f.net, f.id))


def turnarounds(flights: Iterable[FlightFacts], now: dt.datetime) -> dict[int, dt.timedelta | None]:
    """Each launched flight's real turnaround: its launch - the end of the same spacecraft's previous
    launched flight (previous by NET, then id). ``None`` when there is no previous flight or its end is
    unknown (it never ended, so there is no turnaround to measure)."""
    result: dict[int, dt.timedelta | None] = {}
    by_craft = defaultdict(list)
    for f in flights:
        by_craft[f.spacecraft_id].append(f)
    for craft_flights in by_craft.values():
        previous = None
        for f in _launch_order(craft_flights, now):
            end = flight_end(previous, now) if previous is not None else None
            result[f.id] = max(f.net - end, ZERO) if end is not None else None
            previous = f
    return result


def turn_around_time(flight_id: int, real: dict[int, dt.timedelta | None]) -> dt.timedelta:
    """``turn_around_time``: the real turnaround; ``P0D`` for a first flight, a flight not launched or a
    previous flight with no known end (the schema makes the field non-null)."""
    return real.get(flight_id) or ZERO


def docked_time(flight: FlightFacts, now: dt.datetime) -> dt.timedelta:
    """Time docked on one flight: for each docking at or before ``now``, departure - docking; with no
    departure, up to the flight's end (``now`` while ongoing)."""
    total = ZERO
    end = flight_end(flight, now) or now
    for docking, departure in flight.dockings:
        if docking > now:
            continue
        until = min(departure, now) if departure is not None else end
        total += max(until - docking, ZERO)
    return total


def spacecraft_stats(flights: list[FlightFacts], now: dt.datetime) -> SpacecraftStats:
    """A spacecraft's aggregates over its flights:

    - ``flights_count``: launched flights; ``mission_ends_count``: ended flights;
    - ``time_in_space``: sum of the flights' ``duration`` (an ongoing flight up to ``now``);
    - ``time_docked``: sum of ``docked_time`` over its flights;
    - ``fastest_turnaround``: the smallest real turnaround, null without one (so with fewer than two
      launched flights);
    - ``in_space``: some flight is ongoing.
    """
    real = [t for t in turnarounds(flights, now).values() if t is not None]
    return SpacecraftStats(
        flights_count=sum(launched(f, now) for f in flights),
        mission_ends_count=sum(flight_end(f, now) is not None for f in flights),
        time_in_space=sum((duration(f, now) for f in flights), ZERO),
        time_docked=sum((docked_time(f, now) for f in flights), ZERO),
        fastest_turnaround=min(real) if real else None,
        in_space=any(ongoing(f, now) for f in flights),
    )


def config_stats(flights: list[FlightFacts], now: dt.datetime) -> ConfigStats:
    """A configuration's aggregates over the flights of all its spacecraft:

    - ``spacecraft_flown``: spacecraft with at least one launched flight;
    - ``total_launch_count``: launched flights; ``successful_launches``: those whose launch status is
      *Launch Successful*; ``failed_launches``: *Launch Failure* or *Launch Partial Failure*;
    - ``attempted_landings``: launched flights whose landing was attempted; ``successful_landings``: of
      those, landing success true; ``failed_landings``: success false;
    - ``fastest_turnaround``: the smallest real turnaround of any of its spacecraft, null without one.
    """
    done = [f for f in flights if launched(f, now)]
    attempted = [f for f in done if f.landing_attempt]
    real = [t for t in turnarounds(flights, now).values() if t is not None]
    return ConfigStats(
        spacecraft_flown=len({f.spacecraft_id for f in done}),
        total_launch_count=len(done),
        successful_launches=sum(f.launch_status_id == LAUNCH_SUCCESS for f in done),
        failed_launches=sum(f.launch_status_id in (LAUNCH_FAILURE, LAUNCH_PARTIAL_FAILURE) for f in done),
        attempted_landings=len(attempted),
        successful_landings=sum(f.landing_success is True for f in attempted),
        failed_landings=sum(f.landing_success is False for f in attempted),
        fastest_turnaround=min(real) if real else None,
    )


def merge_config_stats(parts: Iterable[ConfigStats]) -> ConfigStats | None:
    """``config_stats`` of a union of spacecraft from each spacecraft's ``config_stats``: every count is
    per spacecraft or per flight, so it adds up, and turnarounds never span two spacecraft, so the
    fastest is the smallest of the parts'. Lets a writer that sees one spacecraft at a time (``hangar
    generate``) keep a configuration's statistics without holding all its flights. ``None`` for none."""
    merged = None
    for part in parts:
        if merged is None:
            merged = part
            continue
        fastest = [t for t in (merged.fastest_turnaround, part.fastest_turnaround) if t is not None]
        merged = ConfigStats(
            **{
                name: getattr(merged, name) + getattr(part, name)
                for name in CONFIG_FIELDS
                if name != "fastest_turnaround"
            },
            fastest_turnaround=min(fastest) if fastest else None,
        )
    return merged


# --- storage ------------------------------------------------------------------------------------------


def derived_owners(spacecraft_ids: Iterable[int], config_ids: Iterable[int], flown: Iterable[int] = ()):
    """Of these spacecraft and configurations, those whose statistics are derived (not imported): the
    spacecraft with a stored flight (or one in ``flown``, about to be stored), and their configurations."""
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    Spacecraft = apps.get_model("catalog", "Spacecraft")
    flown = set(flown)
    crafts = set(spacecraft_ids)
    for chunk in _chunks(sorted(crafts - flown)):
        flown.update(Flight.objects.filter(spacecraft_id__in=chunk).values_list("spacecraft_id", flat=True))
    configs = set()
    for chunk in _chunks(sorted(set(config_ids))):
        configs.update(
            Spacecraft.objects.filter(spacecraft_config_id__in=chunk, flights__isnull=False).values_list(
                "spacecraft_config_id", flat=True
            )
        )
    return crafts & flown, configs


def _chunks(ids: list, size: int = CHUNK):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _load_facts(spacecraft_ids: list[int]) -> dict[int, list[FlightFacts]]:
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    DockingEvent = apps.get_model("catalog", "DockingEvent")
    dockings = defaultdict(list)
    rows = []
    for chunk in _chunks(spacecraft_ids):
        for flight_id, docking, departure in DockingEvent.objects.filter(
            flight_vehicle_chaser__spacecraft_id__in=chunk
        ).values_list("flight_vehicle_chaser_id", "docking", "departure"):
            dockings[flight_id].append((docking, departure))
        rows += Flight.objects.filter(spacecraft_id__in=chunk).values_list(
            "id",
            "spacecraft_id",
            "launch__net",
            "mission_end",
            "launch__status_id",
            "landing__attempt",
            "landing__success",
        )
    facts = defaultdict(list)
    for flight_id, craft_id, net, end, status_id, attempt, success in rows:
        facts[craft_id].append(
            FlightFacts(
                flight_id, craft_id, net, end, status_id, attempt, success, tuple(sorted(dockings[flight_id]))
            )
        )
    return facts


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


def refresh(spacecraft_ids: Iterable[int], now: dt.datetime | None = None) -> None:
    """Recompute and store the derived values that depend on these spacecraft's flights.

    That is: their flights' durations and turnarounds, their own aggregates, and the aggregates of their
    configurations (over every spacecraft of each configuration). Spacecraft and configurations with no
    stored flight keep their imported values. Runs in the caller's transaction (or its own).
    """
    now = now or timezone.now()
    Spacecraft = apps.get_model("catalog", "Spacecraft")
    Config = apps.get_model("catalog", "SpacecraftConfig")
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    ids = sorted(set(spacecraft_ids))
    if not ids:
        return
    with transaction.atomic():
        config_ids = set()
        for chunk in _chunks(ids):
            config_ids.update(
                Spacecraft.objects.filter(id__in=chunk).values_list("spacecraft_config_id", flat=True)
            )
        config_ids = sorted(config_ids)
        crafts = []
        for chunk in _chunks(config_ids):
            crafts += Spacecraft.objects.filter(spacecraft_config_id__in=chunk).order_by("id")
        facts = _load_facts([c.id for c in crafts])

        flown = [c for c in crafts if facts.get(c.id)]
        _write(Spacecraft, flown, [spacecraft_stats(facts[c.id], now).__dict__ for c in flown])

        all_facts = {f.id: f for c in flown for f in facts[c.id]}
        real = turnarounds(all_facts.values(), now)
        flights = []
        for chunk in _chunks(sorted(all_facts)):
            flights += Flight.objects.filter(id__in=chunk).only("id", "duration", "turn_around_time")
        _write(
            Flight,
            flights,
            [
                {"duration": duration(all_facts[f.id], now), "turn_around_time": turn_around_time(f.id, real)}
                for f in flights
            ],
        )

        by_config = defaultdict(list)
        for craft in flown:
            by_config[craft.spacecraft_config_id] += facts[craft.id]
        configs = list(Config.objects.filter(id__in=list(by_config)).order_by("id"))
        _write(Config, configs, [config_stats(by_config[c.id], now).__dict__ for c in configs])


def recompute(now: dt.datetime | None = None, progress=lambda _: None) -> int:
    """Rebuild every derived value from the stored flights (``hangar recompute``); return how many
    spacecraft have flights and thus derived values."""
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    ids = sorted(set(Flight.objects.values_list("spacecraft_id", flat=True)))
    with transaction.atomic():  # readers see all the new values or none, then the cache retires
        for start in range(0, len(ids), CHUNK):
            refresh(ids[start : start + CHUNK], now=now)
            progress(f"recomputed {min(start + CHUNK, len(ids))} of {len(ids)} spacecraft")
        versioning.bump()
    return len(ids)
