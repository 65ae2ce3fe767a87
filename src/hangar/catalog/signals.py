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
from hangar.catalog.models import DockingEvent, Landing, Launch, Spacecraft, SpacecraftFlight

_batch = threading.local()


@contextmanager
def batched():
    """Single-object writes inside the block refresh statistics and bump the data version once, at its end."""
    if getattr(_batch, "spacecraft", None) is not None:  # nested: the outer block does it
        yield
        return
    _batch.spacecraft, _batch.dirty = set(), False
    try:
        with transaction.atomic():
            yield
            spacecraft, dirty = _batch.spacecraft, _batch.dirty
            _batch.spacecraft = None
            stats.refresh(spacecraft)
            if dirty or spacecraft:
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


def _flight_changed(sender, instance, **kwargs):
    _refresh([instance.spacecraft_id])


def _docking_changed(sender, instance, **kwargs):
    craft = SpacecraftFlight.objects.filter(id=instance.flight_vehicle_chaser_id)
    _refresh(craft.values_list("spacecraft_id", flat=True))


def _launch_or_landing_changed(sender, instance, **kwargs):
    key = "launch" if sender is Launch else "landing"
    _refresh(SpacecraftFlight.objects.filter(**{key: instance.pk}).values_list("spacecraft_id", flat=True))


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
    post_save.connect(_launch_or_landing_changed, sender=Landing, dispatch_uid="stats-landing-save")
    post_save.connect(_spacecraft_saved, sender=Spacecraft, dispatch_uid="stats-spacecraft-save")
