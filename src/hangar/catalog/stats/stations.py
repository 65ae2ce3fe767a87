"""Derived values of space stations and their docking ports (also in ``docs/statistics.md``).

- An expedition is **active** when it has started (``start`` at or before ``now``) and not ended (no
  ``end``, or one after ``now``). A station's ``active_expeditions`` are its active expeditions, by
  start; its ``onboard_crew`` counts the astronauts in their crews (each once).
- A docking event is **active** when its vehicle has docked (``docking`` at or before ``now``) and not
  left (no ``departure``, or one after ``now``). A station's ``active_docking_events`` are the active
  events targeting it, by docking; ``docked_vehicles`` counts the chasers among them (each once; a
  chaser is a spacecraft flight, a station or a payload flight).
- A docking port's ``currently_docked`` is the active event at that port (the latest docked, should
  the input hold two); ``null`` when the port is free.

Which wins: a station none of whose stored expeditions has a stored crew keeps its imported
``onboard_crew`` (an expedition known only as ``ExpeditionMini`` says nothing of its crew), and one with
no stored docking event its imported ``docked_vehicles``; ``hangar recompute`` moves every value to now.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from hangar.catalog.stats.spacecraft import CHUNK

__all__ = ["active", "recompute_stations", "refresh_stations"]


def active(start: dt.datetime | None, end: dt.datetime | None, now: dt.datetime) -> bool:
    """Started at or before ``now`` and not ended by then (an unknown end: not ended)."""
    return start is not None and start <= now and (end is None or end > now)


def _chunks(ids: list, size: int = CHUNK):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _set(attr: str, column: str, lists: dict[int, list]) -> None:
    Station = apps.get_model("catalog", "SpaceStation")
    through = getattr(Station, attr).through
    for chunk in _chunks(sorted(lists)):
        through.objects.filter(spacestation_id__in=chunk).delete()
    rows = [through(spacestation_id=s, **{column: t}) for s in sorted(lists) for t in lists[s]]
    through.objects.bulk_create(rows, batch_size=CHUNK)


def refresh_stations(station_ids: Iterable[int], now: dt.datetime | None = None) -> None:
    """Recompute and store these stations' derived values, lists and ports' ``currently_docked``."""
    now = now or timezone.now()
    Station = apps.get_model("catalog", "SpaceStation")
    Expedition = apps.get_model("catalog", "Expedition")
    DockingEvent = apps.get_model("catalog", "DockingEvent")
    DockingLocation = apps.get_model("catalog", "DockingLocation")
    ids = sorted(set(station_ids) - {None})
    if not ids:
        return
    with transaction.atomic():
        expeditions, dockings = defaultdict(list), defaultdict(list)
        crews = defaultdict(set)
        for chunk in _chunks(ids):
            for row in Expedition.objects.filter(spacestation_id__in=chunk).values_list(
                "spacestation_id", "id", "start", "end"
            ):
                expeditions[row[0]].append(row[1:])
            for expedition_id, astronaut_id in Expedition.crew.through.objects.filter(
                expedition__spacestation_id__in=chunk
            ).values_list("expedition_id", "astronautflight__astronaut_id"):
                crews[expedition_id].add(astronaut_id)
            for row in DockingEvent.objects.filter(space_station_target_id__in=chunk).values_list(
                "space_station_target_id",
                "id",
                "docking",
                "departure",
                "flight_vehicle_chaser_id",
                "space_station_chaser_id",
                "payload_flight_chaser_id",
                "docking_location_id",
            ):
                # The chaser is one of three kinds: (kind, id) so a station and a flight never collide.
                chaser = next((k, c) for k, c in enumerate(row[4:7]) if c is not None)
                dockings[row[0]].append((*row[1:4], chaser, row[7]))
        stations = list(Station.objects.filter(id__in=ids).order_by("id"))
        values, active_expeditions, active_dockings = [], {}, {}
        for station in stations:
            new = {}
            current = sorted((s, i) for i, s, e in expeditions[station.id] if active(s, e, now))
            active_expeditions[station.id] = [i for _, i in current]
            if any(crews[i] for i, _, _ in expeditions[station.id]):
                new["onboard_crew"] = len(set().union(*(crews[i] for _, i in current)))
            docked = sorted((d, i, c) for i, d, dep, c, _ in dockings[station.id] if active(d, dep, now))
            active_dockings[station.id] = [i for _, i, _ in docked]
            if dockings[station.id]:
                new["docked_vehicles"] = len({c for _, _, c in docked})
            values.append(new)
        _write(Station, stations, values)
        _set("active_expeditions", "expedition_id", active_expeditions)
        _set("active_docking_events", "dockingevent_id", active_dockings)

        at_port = {}
        for station_id in ids:
            for event_id, docking, departure, _, port in sorted(
                dockings[station_id], key=lambda r: (r[1], r[0])
            ):
                if active(docking, departure, now):
                    at_port[port] = event_id
        ports = []
        for chunk in _chunks(ids):
            ports += DockingLocation.objects.filter(spacestation_id__in=chunk).only("id", "currently_docked")
        _write(DockingLocation, ports, [{"currently_docked_id": at_port.get(p.id)} for p in ports])


def _write(model, objs: list, values: list[dict]) -> None:
    changed = defaultdict(list)
    for obj, new in zip(objs, values, strict=True):
        diff = tuple(sorted(k for k, v in new.items() if getattr(obj, k) != v))
        for key in diff:
            setattr(obj, key, new[key])
        if diff:
            changed[diff].append(obj)
    for fields, group in changed.items():
        model.objects.bulk_update(group, [f.removesuffix("_id") for f in fields], batch_size=CHUNK)


def recompute_stations(now: dt.datetime | None = None) -> int:
    """Rebuild every station's derived values; return how many stations."""
    Station = apps.get_model("catalog", "SpaceStation")
    ids = list(Station.objects.values_list("id", flat=True))
    for start in range(0, len(ids), CHUNK):
        refresh_stations(ids[start : start + CHUNK], now=now)
    return len(ids)
