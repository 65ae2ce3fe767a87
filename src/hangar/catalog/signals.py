"""Keep derived statistics current on single-object writes (the admin, the shell).

Imports write in bulk and refresh statistics themselves (ingest/load.py); bulk writes send no signals, so
nothing is computed twice. Each receiver runs inside the write's transaction when there is one (the
admin wraps every change in one), so stored values never disagree with their inputs after a commit.
"""

from django.db.models.signals import post_delete, post_save

from hangar.catalog import stats
from hangar.catalog.models import DockingEvent, Landing, Launch, Spacecraft, SpacecraftFlight


def _flight_changed(sender, instance, **kwargs):
    stats.refresh([instance.spacecraft_id])


def _docking_changed(sender, instance, **kwargs):
    craft = SpacecraftFlight.objects.filter(id=instance.flight_vehicle_chaser_id)
    stats.refresh(craft.values_list("spacecraft_id", flat=True))


def _launch_or_landing_changed(sender, instance, **kwargs):
    key = "launch" if sender is Launch else "landing"
    stats.refresh(
        SpacecraftFlight.objects.filter(**{key: instance.pk}).values_list("spacecraft_id", flat=True)
    )


def _spacecraft_saved(sender, instance, created, **kwargs):
    # A spacecraft moved to another configuration changes that configuration's statistics (the one it
    # left is refreshed by its next write or by `hangar recompute`).
    if not created and not kwargs.get("raw"):
        stats.refresh([instance.pk])


def connect() -> None:
    post_save.connect(_flight_changed, sender=SpacecraftFlight, dispatch_uid="stats-flight-save")
    post_delete.connect(_flight_changed, sender=SpacecraftFlight, dispatch_uid="stats-flight-delete")
    post_save.connect(_docking_changed, sender=DockingEvent, dispatch_uid="stats-docking-save")
    post_delete.connect(_docking_changed, sender=DockingEvent, dispatch_uid="stats-docking-delete")
    post_save.connect(_launch_or_landing_changed, sender=Launch, dispatch_uid="stats-launch-save")
    post_save.connect(_launch_or_landing_changed, sender=Landing, dispatch_uid="stats-landing-save")
    post_save.connect(_spacecraft_saved, sender=Spacecraft, dispatch_uid="stats-spacecraft-save")
