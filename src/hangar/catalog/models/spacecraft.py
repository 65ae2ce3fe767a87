"""Spacecraft, their configurations (the design they are built to) and the families of those designs."""

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


class SpacecraftStatus(NamedLookup):
    """The life-cycle state of a spacecraft (Active, Retired, Single Use, …)."""

    class Meta(NamedLookup.Meta):
        verbose_name_plural = "spacecraft statuses"


class SpacecraftConfigType(NamedLookup):
    """The kind of a spacecraft design (Capsule, Cargo Resupply, Spaceplane, …)."""


# Statistics of spacecraft designs and their families, in upstream's key order.
CONFIG_STATS = (
    "spacecraft_flown",
    "total_launch_count",
    "successful_launches",
    "failed_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
)


class ConfigStats(models.Model):
    """The flight and landing counts upstream reports for spacecraft configurations and families."""

    spacecraft_flown = models.IntegerField(null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class SpacecraftConfigFamily(ConfigStats):
    """A family of spacecraft designs (Soyuz, Dragon, …), possibly a branch of a parent family."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    description = models.TextField(default="", blank=True)
    manufacturer = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacecraft_families"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "spacecraft config families"
        # The endpoint's default order: walked to the first page instead of sorting every family.
        indexes = [models.Index(fields=["name", "id"], name="family_name_idx")]

    def __str__(self):
        return self.name


class SpacecraftConfig(ConfigStats):
    """A spacecraft design: the model that individual spacecraft are built to (Soyuz T, Dragon 1, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    type = models.ForeignKey(SpacecraftConfigType, on_delete=models.PROTECT, related_name="configs")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="spacecraft_configs")
    family = models.ManyToManyField(SpacecraftConfigFamily, related_name="configs", blank=True)
    in_use = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    capability = models.TextField(default="", blank=True)
    history = models.TextField(default="", blank=True)
    details = models.TextField(default="", blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    height = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    human_rated = models.BooleanField(default=False)
    crew_capacity = models.IntegerField(null=True, blank=True)
    payload_capacity = models.IntegerField(null=True, blank=True)
    payload_return_capacity = models.IntegerField(null=True, blank=True)
    flight_life = models.CharField(max_length=2048, null=True, blank=True)
    wiki_link = models.URLField(max_length=500, default="", blank=True)
    info_link = models.URLField(max_length=500, default="", blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        # The endpoint's default order: walked to the first page instead of sorting every configuration.
        indexes = [models.Index(fields=["name", "id"], name="spacecraftconfig_name_idx")]

    def __str__(self):
        return self.name


class Spacecraft(models.Model):
    """A physical, individually flown spacecraft (Soyuz T-10, Dragon C110, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    in_space = models.BooleanField(default=False)
    # Derived from flights when they are known (catalog.stats); imported as given otherwise.
    time_in_space = models.DurationField(null=True, blank=True)
    time_docked = models.DurationField(null=True, blank=True)
    flights_count = models.IntegerField(null=True, blank=True)
    mission_ends_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)
    status = models.ForeignKey(SpacecraftStatus, on_delete=models.PROTECT, related_name="spacecraft")
    description = models.TextField(default="", blank=True)
    spacecraft_config = models.ForeignKey(
        SpacecraftConfig, on_delete=models.PROTECT, related_name="spacecraft"
    )

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "spacecraft"
        # Every public ordering key with the id tiebreaker, so a page is an index range scan.
        indexes = [
            models.Index(fields=["flights_count", "id"], name="spacecraft_flights_count_idx"),
            models.Index(fields=["mission_ends_count", "id"], name="spacecraft_mission_ends_idx"),
            models.Index(fields=["time_docked", "id"], name="spacecraft_time_docked_idx"),
            models.Index(fields=["time_in_space", "id"], name="spacecraft_time_in_space_idx"),
            models.Index(fields=["name"], name="spacecraft_name_idx"),
            # Boolean filters: with id, so a filtered page in id order is one index range.
            models.Index(fields=["in_space", "id"], name="spacecraft_in_space_idx"),
            models.Index(fields=["is_placeholder", "id"], name="spacecraft_placeholder_idx"),
            # The count of a status with either flag is a range of this index, not a row per match.
            models.Index(fields=["status", "in_space", "is_placeholder"], name="spacecraft_status_flags_idx"),
            # SQLite also gets (status, ordering key, id) per key: catalog.search_index.SQLITE_INDEXES.
        ]

    def __str__(self):
        return self.name
