"""Derived statistics: every rule, in one place per domain, each written out in its docstring.

``spacecraft`` holds the rules over spacecraft flights (durations, turnarounds, spacecraft and
configuration aggregates), ``people`` those over crews and spacewalks (astronauts' statistics); each
other domain adds a module of its own. ``refresh`` recomputes what depends on given spacecraft (their
crews included); ``recompute`` rebuilds everything (``hangar recompute``). The rules are also written
out in ``docs/statistics.md``.
"""

import datetime as dt
from collections.abc import Iterable

from django.apps import apps
from django.db import transaction

from hangar.catalog.stats import people, spacecraft, stations
from hangar.catalog.stats.people import *  # noqa: F403
from hangar.catalog.stats.people import __all__ as _people_all
from hangar.catalog.stats.spacecraft import *  # noqa: F403  (the spacecraft rules are the package's API)
from hangar.catalog.stats.spacecraft import __all__ as _spacecraft_all
from hangar.catalog.stats.stations import *  # noqa: F403
from hangar.catalog.stats.stations import __all__ as _stations_all

__all__ = [*_spacecraft_all, *_people_all, *_stations_all]


def refresh(spacecraft_ids: Iterable[int], now: dt.datetime | None = None) -> None:
    """``spacecraft.refresh``, then the astronauts with a seat on those spacecraft's flights and the
    stations they dock to."""
    ids = sorted(set(spacecraft_ids))
    if not ids:
        return
    with transaction.atomic():
        spacecraft.refresh(ids, now=now)
        people.refresh_astronauts(people.astronauts_of_spacecraft(ids), now=now)
        stations.refresh_stations(stations_of_spacecraft(ids), now=now)


def stations_of_spacecraft(spacecraft_ids: Iterable[int]) -> set[int]:
    """The stations docked to by flights of these spacecraft."""
    DockingEvent = apps.get_model("catalog", "DockingEvent")
    ids, result = sorted(set(spacecraft_ids)), set()
    for start in range(0, len(ids), spacecraft.CHUNK):
        chunk = ids[start : start + spacecraft.CHUNK]
        result.update(
            DockingEvent.objects.filter(flight_vehicle_chaser__spacecraft_id__in=chunk).values_list(
                "space_station_target_id", flat=True
            )
        )
    return result - {None}


def recompute(now: dt.datetime | None = None, progress=lambda _: None) -> int:
    """``spacecraft.recompute`` and ``people.recompute_people`` in one transaction; returns the former's
    count (spacecraft with derived values)."""
    with transaction.atomic():
        people.recompute_people(now=now, progress=progress)
        stations.recompute_stations(now=now)
        return spacecraft.recompute(now=now, progress=progress)
