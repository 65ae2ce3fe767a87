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
from django.db.models.signals import post_delete, post_save

from hangar.catalog import stats, versioning
from hangar.catalog.models import DockingEvent, Landing, Launch, PayloadFlight, Spacecraft, SpacecraftFlight

_batch = threading.local()


@contextmanager
def batched():
    """Single-object writes inside the block refresh statistics and bump the data version once, at its end."""
    if getattr(_batch, "spacecraft", None) is not None:  # nested: the outer block does it
        yield
        return
    _batch.spacecraft, _batch.dirty, _batch.launches = set(), False, False
    try:
        with transaction.atomic():
            yield
            spacecraft, dirty, launches = _batch.spacecraft, _batch.dirty, _batch.launches
            _batch.spacecraft = None
            stats.refresh(spacecraft)
            if launches:
                stats.launches.recompute()
            if dirty or spacecraft or launches:
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
