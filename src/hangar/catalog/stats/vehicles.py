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

Imported or derived: a configuration, family, pad or location keeps the values an import gave while
Hangar stores none of the launches (or landings) they are made of; once it stores one, the derived values
win. The landing statistics of configurations and families (``attempted_landings``, …) are first-stage
landings, which are served as imported. Everything is rebuilt for all rows at once by ``recompute``
(one pass over the launches; only rows whose values change are written), after each import file, by
``hangar generate`` and by ``hangar recompute``.
"""

from collections import defaultdict
from dataclasses import dataclass, fields

from django.db import transaction
from django.db.models import Exists, OuterRef

from hangar.catalog.models import (
    FirstStage,
    Landing,
    Launch,
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


@dataclass
class LaunchCounts:
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

    def values(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


LAUNCH_FIELDS = tuple(f.name for f in fields(LaunchCounts))


def derived_vehicle_fields(model_label: str, ids) -> dict[int, tuple[str, ...]]:
    """Of these rows of ``model_label`` (``LauncherConfig``, ``LauncherConfigFamily``, ``Pad``,
    ``Location``), those whose statistics are derived, with the fields that are: an import leaves them
    out, so that re-importing what Hangar serves changes nothing."""
    ids = list(ids)
    if not ids:
        return {}
    through = {
        "LauncherConfig": (("rocket__configuration_id", LAUNCH_FIELDS),),
        "LauncherConfigFamily": (("rocket__configuration__families", LAUNCH_FIELDS),),
        "Pad": (("pad_id", ("total_launch_count", "orbital_launch_attempt_count")),),
        "Location": (("pad__location_id", ("total_launch_count",)),),
    }[model_label]
    found: dict[int, tuple[str, ...]] = defaultdict(tuple)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for path, names in through:
            for owner in (
                Launch.objects.filter(**{f"{path}__in": chunk}).values_list(path, flat=True).distinct()
            ):
                found[owner] += names
        if model_label == "Location":
            landed = Landing.objects.filter(landing_location__location_id__in=chunk)
            for owner in landed.values_list("landing_location__location_id", flat=True).distinct():
                found[owner] += ("total_landing_count",)
    return dict(found)


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
    with transaction.atomic():
        written = _write(LauncherConfig, {k: v.values() for k, v in configs.items()})
        written += _write(LauncherConfigFamily, {k: v.values() for k, v in families.items()})
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
