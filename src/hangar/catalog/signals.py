"""Keep derived statistics and the data version current on single-object writes (the admin, the shell).

Imports write in bulk and refresh statistics themselves (ingest/load.py); bulk writes send no signals, so
nothing is computed twice. Each receiver runs inside the write's transaction when there is one (the
admin wraps every change in one), so stored values never disagree with their inputs after a commit.

``batched()`` defers both for a block of many single-object writes (a script, a test's fixture): the
spacecraft whose statistics the writes touched are refreshed once, and the version bumped once, when
the block ends.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from hangar.catalog import stats, versioning
from hangar.catalog.models import (
    Astronaut,
    AstronautFlight,
    DockingEvent,
    Expedition,
    Landing,
    Launch,
    PayloadFlight,
    Spacecraft,
    SpacecraftFlight,
    Spacewalk,
)

_batch = threading.local()


@contextmanager
def batched():
    """Single-object writes inside the block refresh statistics and bump the data version once, at its end."""
    if getattr(_batch, "spacecraft", None) is not None:  # nested: the outer block does it
        yield
        return
    _batch.spacecraft, _batch.astronauts, _batch.dirty = set(), set(), False
    _batch.launches = False
    try:
        with transaction.atomic():
            yield
            spacecraft, astronauts, dirty = _batch.spacecraft, _batch.astronauts, _batch.dirty
            launches = _batch.launches
            _batch.spacecraft = None
            stats.refresh(spacecraft)
            stats.refresh_astronauts(astronauts)
            if launches:
                stats.launches.recompute()
            if dirty or spacecraft or astronauts or launches:
                stats.recompute_vehicles()  # whole-table rules (catalog.stats.vehicles): once per block
                versioning.bump()
    finally:
        _batch.spacecraft = None


def deferred_version_bump() -> bool:
    """True inside ``batched()``: the caller's bump is recorded and made once at the block's end."""
    if getattr(_batch, "spacecraft", None) is None:
        return False
    _batch.dirty = True
    return True


def _refresh(ids) -> None:
    if getattr(_batch, "spacecraft", None) is not None:
        _batch.spacecraft.update(ids)
    else:
        stats.refresh(ids)


def _launches_changed() -> None:
    """Launch counters depend on every launch (catalog.stats.launches): rebuilt once per write or block."""
    if getattr(_batch, "spacecraft", None) is not None:
        _batch.launches = True
    else:
        stats.launches.recompute()


def _refresh_astronauts(ids) -> None:
    if getattr(_batch, "spacecraft", None) is not None:
        _batch.astronauts.update(ids)
    else:
        stats.refresh_astronauts(ids)


def _seat_owners(seat_ids) -> set[int]:
    return set(
        AstronautFlight.objects.filter(id__in=list(seat_ids or ())).values_list("astronaut_id", flat=True)
    )


def _crew_changed(sender, instance, action, pk_set, **kwargs):
    """A crew list edited: the astronauts added or removed (and, for a flight, its spacecraft's)."""
    if action not in ("post_add", "post_remove", "pre_clear", "post_clear"):
        return
    if action == "pre_clear":  # who was on it, before the list is gone
        instance._cleared_seats = list(
            getattr(instance, _crew_attr(sender, instance)).values_list("id", flat=True)
        )
        return
    seats = pk_set if action != "post_clear" else getattr(instance, "_cleared_seats", ())
    if isinstance(instance, AstronautFlight):  # edited from the seat's side
        _refresh_astronauts({instance.astronaut_id})
    else:
        _refresh_astronauts(_seat_owners(seats))
    if isinstance(instance, SpacecraftFlight):
        _refresh([instance.spacecraft_id])


def _crew_attr(sender, instance) -> str:
    for name in ("launch_crew", "onboard_crew", "landing_crew", "crew"):
        if (
            getattr(type(instance), name, None) is not None
            and getattr(type(instance), name).through is sender
        ):
            return name
    raise LookupError(sender)


def _spacewalk_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        stats.refresh_spacewalks([instance.pk])
        _refresh_astronauts(
            _seat_owners(
                Spacewalk.crew.through.objects.filter(spacewalk_id=instance.pk).values_list(
                    "astronautflight_id", flat=True
                )
            )
        )


def _expedition_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        stats.refresh_stations([instance.spacestation_id])


def _expedition_crew_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Expedition):
        stats.refresh_stations([instance.spacestation_id])


def _astronaut_saved(sender, instance, created, **kwargs):
    if not kwargs.get("raw"):
        _refresh_astronauts({instance.pk})


def _flight_changed(sender, instance, **kwargs):
    _refresh([instance.spacecraft_id])
    _launches_changed()  # the flight's rocket follows its launch's


def _payload_flight_changed(sender, instance, **kwargs):
    _launches_changed()


def _launch_deleted(sender, instance, **kwargs):
    _launches_changed()


def _docking_changed(sender, instance, **kwargs):
    craft = SpacecraftFlight.objects.filter(id=instance.flight_vehicle_chaser_id)
    _refresh(craft.values_list("spacecraft_id", flat=True))
    if instance.flight_vehicle_chaser_id is None:  # a station or payload chaser: no spacecraft leads there
        stats.refresh_stations([instance.space_station_target_id])


def _launch_or_landing_changed(sender, instance, **kwargs):
    key = "launch" if sender is Launch else "landing"
    _refresh(SpacecraftFlight.objects.filter(**{key: instance.pk}).values_list("spacecraft_id", flat=True))
    if sender is Launch:
        _launches_changed()


def _spacecraft_saved(sender, instance, created, **kwargs):
    # A spacecraft moved to another configuration changes that configuration's statistics (the one it
    # left is refreshed by its next write or by `hangar recompute`).
    if not created and not kwargs.get("raw"):
        _refresh([instance.pk])


def connect() -> None:
    post_save.connect(_flight_changed, sender=SpacecraftFlight, dispatch_uid="stats-flight-save")
    post_delete.connect(_flight_changed, sender=SpacecraftFlight, dispatch_uid="stats-flight-delete")
    post_save.connect(_docking_changed, sender=DockingEvent, dispatch_uid="stats-docking-save")
    post_delete.connect(_docking_changed, sender=DockingEvent, dispatch_uid="stats-docking-delete")
    post_save.connect(_launch_or_landing_changed, sender=Launch, dispatch_uid="stats-launch-save")
    post_delete.connect(_launch_deleted, sender=Launch, dispatch_uid="stats-launch-delete")
    post_save.connect(_payload_flight_changed, sender=PayloadFlight, dispatch_uid="stats-payload-flight-save")
    post_save.connect(_launch_or_landing_changed, sender=Landing, dispatch_uid="stats-landing-save")
    post_save.connect(_spacecraft_saved, sender=Spacecraft, dispatch_uid="stats-spacecraft-save")
    for crew in ("launch_crew", "onboard_crew", "landing_crew"):
        through = getattr(SpacecraftFlight, crew).through
        m2m_changed.connect(_crew_changed, sender=through, dispatch_uid=f"stats-{crew}")
    m2m_changed.connect(_crew_changed, sender=Spacewalk.crew.through, dispatch_uid="stats-spacewalk-crew")
    post_save.connect(_spacewalk_changed, sender=Spacewalk, dispatch_uid="stats-spacewalk-save")
    post_save.connect(_astronaut_saved, sender=Astronaut, dispatch_uid="stats-astronaut-save")
    post_save.connect(_expedition_changed, sender=Expedition, dispatch_uid="stats-expedition-save")
    post_delete.connect(_expedition_changed, sender=Expedition, dispatch_uid="stats-expedition-delete")
    m2m_changed.connect(
        _expedition_crew_changed, sender=Expedition.crew.through, dispatch_uid="stats-expedition-crew"
    )
