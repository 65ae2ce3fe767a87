"""Derived launch statistics of launch vehicles and places: launcher configurations and their families,
pads and locations, each from the launches (and landings) Hangar stores.

A launch's **outcome** is read from its status (upstream's fixed ids): *Launch Successful* (3) is a
success, *Launch Failure* (4) and *Launch was a Partial Failure* (7) are failures, *In Flight* (6) is
launched without an outcome yet; any other status (Go, TBD, TBC, Hold, …) or none is **pending**.
Launches are taken in **launch order**: by NET, then id.

Launcher configuration (over the launches whose rocket is of that configuration) and family (over the
launches of its configurations, each launch once):

- ``successful_launches``: successes; ``failed_launches``: failures (partial ones included);
- ``total_launch_count``: launched launches: successes, failures and those in flight;
- ``pending_launches``: pending launches;
- ``consecutive_successful_launches``: the successes after the last failure, in launch order (all of
  them when none failed).

Pad (over the launches from it) and location (over the launches from its pads):

- ``total_launch_count``: launched launches, as above;
- pad ``orbital_launch_attempt_count``: those of them that are not suborbital (a mission whose orbit's
  abbreviation is ``Sub``; a launch without a mission counts as orbital, as for the launch counters);
- location ``total_landing_count``: attempted landings (``attempt`` true) at the landing locations of
  that location, of the landings something stored landed in (a spacecraft flight, a payload flight or
  a first stage): a landing whose flights are all gone no longer counts.

First-stage landings (the landings of the first stages of launched launches, in launch order), for a
launcher configuration (stages on its rockets), a family (stages on its configurations' rockets) and a
launcher (its own stages):

- ``attempted_landings``: landings with ``attempt`` true; ``successful_landings`` / ``failed_landings``:
  of those, ``success`` true / false (an attempt without an outcome yet counts as attempted only);
- ``consecutive_successful_landings`` (configurations and families): the successful landings after the
  last failed one.

Launcher (over the launched launches one of its stages flew on): ``flights``, ``first_launch_date`` and
``last_launch_date`` (their first and last NET), ``fastest_turnaround`` (the shortest time between the
NETs of two consecutive ones; null before its second flight).

Imported or derived: a configuration, family, pad, location or launcher keeps the values an import gave
while Hangar stores none of the launches (or landings, or stages) they are made of; once it stores one,
the derived values win. Everything is rebuilt for all rows at once by ``recompute`` (one pass over the
launches, one over the first stages; only rows whose values change are written), after each import
file, by ``hangar generate`` and by ``hangar recompute``.
"""

from collections import defaultdict
from dataclasses import dataclass, field, fields

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery

from hangar.catalog.models import (
    FirstStage,
    Landing,
    Launch,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    Location,
    Pad,
    PayloadFlight,
    SpacecraftFlight,
)

__all__ = ["LaunchCounts", "derived_vehicle_fields", "recompute_vehicles"]

SUCCESS = 3
FAILURES = frozenset({4, 7})
IN_FLIGHT = 6
SUBORBITAL_ABBREV = "Sub"
CHUNK = 500


class _Counts:
    def values(self) -> dict:
        """The stored fields' values, by field name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class LaunchCounts(_Counts):
    """One owner's launch statistics, built by feeding it launches in launch order."""

    total_launch_count: int = 0
    consecutive_successful_launches: int = 0
    successful_launches: int = 0
    failed_launches: int = 0
    pending_launches: int = 0

    def add(self, status_id: int | None) -> None:
        if status_id == SUCCESS:
            self.successful_launches += 1
            self.consecutive_successful_launches += 1
        elif status_id in FAILURES:
            self.failed_launches += 1
            self.consecutive_successful_launches = 0
        elif status_id != IN_FLIGHT:
            self.pending_launches += 1
            return
        self.total_launch_count += 1


LAUNCH_FIELDS = tuple(f.name for f in fields(LaunchCounts))


@dataclass
class LandingCounts(_Counts):
    """One owner's first-stage landing statistics, built by feeding it landings in launch order."""

    attempted_landings: int = 0
    successful_landings: int = 0
    failed_landings: int = 0
    consecutive_successful_landings: int = 0

    def add(self, attempt: bool | None, success: bool | None) -> None:
        if not attempt:
            return
        self.attempted_landings += 1
        if success:
            self.successful_landings += 1
            self.consecutive_successful_landings += 1
        elif success is False:
            self.failed_landings += 1
            self.consecutive_successful_landings = 0


LANDING_FIELDS = tuple(f.name for f in fields(LandingCounts))
LAUNCHER_FIELDS = (
    "flights",
    "first_launch_date",
    "last_launch_date",
    "fastest_turnaround",
    "attempted_landings",
    "successful_landings",
)


@dataclass
class LauncherCounts:
    """One launcher's statistics, built by feeding it its launched flights in launch order."""

    flights: int = 0
    first_launch_date: object = None
    last_launch_date: object = None
    fastest_turnaround: object = None
    landings: LandingCounts = field(default_factory=LandingCounts)

    def add(self, net, attempt: bool | None, success: bool | None) -> None:
        self.landings.add(attempt, success)
        self.flights += 1
        if net is None:
            return
        if self.last_launch_date is not None:
            gap = net - self.last_launch_date
            if self.fastest_turnaround is None or gap < self.fastest_turnaround:
                self.fastest_turnaround = gap
        self.first_launch_date = self.first_launch_date or net
        self.last_launch_date = net

    def values(self) -> dict:
        landings = self.landings
        return {
            "flights": self.flights,
            "first_launch_date": self.first_launch_date,
            "last_launch_date": self.last_launch_date,
            "fastest_turnaround": self.fastest_turnaround,
            "attempted_landings": landings.attempted_landings,
            "successful_landings": landings.successful_landings,
        }


def derived_vehicle_fields(model_label: str, ids) -> dict[int, tuple[str, ...]]:
    """Of these rows of ``model_label`` (``LauncherConfig``, ``LauncherConfigFamily``, ``Pad``,
    ``Location``, ``Launcher``), those whose statistics are derived, with the fields that are: an
    import leaves them out, so that re-importing what Hangar serves changes nothing."""
    ids = list(ids)
    if not ids:
        return {}
    through = {
        "LauncherConfig": ((Launch, "rocket__configuration_id", LAUNCH_FIELDS),),
        "LauncherConfigFamily": ((Launch, "rocket__configuration__families", LAUNCH_FIELDS),),
        "Pad": ((Launch, "pad_id", ("total_launch_count", "orbital_launch_attempt_count")),),
        "Location": ((Launch, "pad__location_id", ("total_launch_count",)),),
        "Launcher": ((FirstStage, "launcher_id", LAUNCHER_FIELDS),),
    }[model_label]
    # Configurations' and families' landing statistics are derived once they have a stored first stage.
    stages = {
        "LauncherConfig": (FirstStage, "rocket__configuration_id", LANDING_FIELDS),
        "LauncherConfigFamily": (FirstStage, "rocket__configuration__families", LANDING_FIELDS),
    }
    through += (stages[model_label],) if model_label in stages else ()
    found: dict[int, tuple[str, ...]] = defaultdict(tuple)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for model, path, names in through:
            for owner in (
                model.objects.filter(**{f"{path}__in": chunk}).values_list(path, flat=True).distinct()
            ):
                found[owner] += names
        if model_label == "Location":
            landed = Landing.objects.filter(landing_location__location_id__in=chunk)
            for owner in landed.values_list("landing_location__location_id", flat=True).distinct():
                found[owner] += ("total_landing_count",)
    return dict(found)


def _first_stages(families_of: dict) -> tuple[dict, dict, dict]:
    """Landing counts per configuration and family and launcher counts per launcher, over the first
    stages of launched launches in launch order (a stage's launch is the one whose rocket it is on).

    A launcher (or configuration, family) with a stored stage on an unlaunched launch only is derived
    too: zero flights."""
    launch_of = Launch.objects.filter(rocket=OuterRef("rocket")).order_by()
    rows = (
        FirstStage.objects.annotate(
            net=Subquery(launch_of.values("net")[:1]),
            launch=Subquery(launch_of.values("pk")[:1]),
            status=Subquery(launch_of.values("status_id")[:1]),
        )
        .order_by("net", "launch", "id")
        .values_list(
            "launcher_id", "rocket__configuration_id", "net", "status", "landing__attempt", "landing__success"
        )
        .iterator(chunk_size=5000)
    )
    configs, families, launchers = defaultdict(LandingCounts), defaultdict(LandingCounts), {}
    for launcher_id, config_id, net, status_id, attempt, success in rows:
        counts = launchers.setdefault(launcher_id, LauncherCounts())
        owners = [configs[config_id], *(families[f] for f in families_of.get(config_id, ()))]
        if not launched(status_id):
            continue
        counts.add(net, attempt, success)
        for owner in owners:
            owner.add(attempt, success)
    return configs, families, launchers


def launched(status_id: int | None) -> bool:
    return status_id in (SUCCESS, IN_FLIGHT) or status_id in FAILURES


def _write(model, values: dict[int, dict]) -> int:
    """Store ``values`` (pk → field values) where they differ from what is stored; the rows written."""
    changed = defaultdict(list)
    names = sorted({name for row in values.values() for name in row})
    ids = list(values)
    for start in range(0, len(ids), CHUNK):
        for obj in model.objects.filter(pk__in=ids[start : start + CHUNK]).only("pk", *names):
            new = values[obj.pk]
            diff = tuple(sorted(k for k, v in new.items() if getattr(obj, k) != v))
            for key in diff:
                setattr(obj, key, new[key])
            if diff:
                changed[diff].append(obj)
    for names_changed, group in changed.items():
        model.objects.bulk_update(group, list(names_changed), batch_size=CHUNK)
    return sum(len(group) for group in changed.values())


def recompute_vehicles() -> int:
    """Rebuild every derived value of this module; returns how many rows changed."""
    families_of = defaultdict(list)
    for config_id, family_id in LauncherConfig.families.through.objects.values_list(
        "launcherconfig_id", "launcherconfigfamily_id"
    ):
        families_of[config_id].append(family_id)
    configs, families = defaultdict(LaunchCounts), defaultdict(LaunchCounts)
    pads, locations, orbital = defaultdict(int), defaultdict(int), defaultdict(int)
    rows = (
        Launch.objects.order_by("net", "id")
        .values_list(
            "status_id", "rocket__configuration_id", "pad_id", "pad__location_id", "mission__orbit__abbrev"
        )
        .iterator(chunk_size=5000)
    )
    for status_id, config_id, pad_id, location_id, orbit in rows:
        if config_id is not None:
            configs[config_id].add(status_id)
            for family_id in families_of.get(config_id, ()):
                families[family_id].add(status_id)
        if pad_id is not None:
            pads[pad_id] += 0  # a pad with a stored launch is derived, launched or not
            if launched(status_id):
                pads[pad_id] += 1
                orbital[pad_id] += orbit != SUBORBITAL_ABBREV
        if location_id is not None:
            locations[location_id] += launched(status_id)
    landings = defaultdict(int)
    landed = (
        Exists(SpacecraftFlight.objects.filter(landing=OuterRef("pk")))
        | Exists(PayloadFlight.objects.filter(landing=OuterRef("pk")))
        | Exists(FirstStage.objects.filter(landing=OuterRef("pk")))
    )
    rows = Landing.objects.filter(landed).values_list("landing_location__location_id", "attempt")
    for location_id, attempt in rows:
        landings[location_id] += bool(attempt)
    config_landings, family_landings, launchers = _first_stages(families_of)
    with transaction.atomic():
        config_values = {k: v.values() for k, v in configs.items()}
        for config_id, counts in config_landings.items():
            config_values.setdefault(config_id, {}).update(counts.values())
        family_values = {k: v.values() for k, v in families.items()}
        for family_id, counts in family_landings.items():
            family_values.setdefault(family_id, {}).update(counts.values())
        written = _write(LauncherConfig, config_values)
        written += _write(LauncherConfigFamily, family_values)
        written += _write(Launcher, {k: v.values() for k, v in launchers.items()})
        written += _write(
            Pad,
            {
                k: {"total_launch_count": n, "orbital_launch_attempt_count": orbital[k]}
                for k, n in pads.items()
            },
        )
        place_values = {k: {"total_launch_count": n} for k, n in locations.items()}
        for location_id, count in landings.items():
            place_values.setdefault(location_id, {})["total_landing_count"] = count
        written += _write(Location, place_values)
    return written
