"""Launch vehicle designs (launcher configurations) and their families, and the physical launchers
(first-stage cores and boosters) built to them."""

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image
from hangar.catalog.models.program import Program

# Launch and landing statistics as upstream reports them, in upstream's key order.
LAUNCH_STATS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
    "consecutive_successful_landings",
)


class LaunchStats(models.Model):
    """The launch and landing counts upstream reports for launcher families and configurations."""

    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class LauncherConfigFamily(LaunchStats):
    """A family of launch vehicle designs (Falcon, Soyuz, …), possibly a branch of a parent family."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    manufacturer = models.ManyToManyField(Agency, related_name="launcher_families", blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    description = models.TextField(default="", blank=True)
    active = models.BooleanField(default=False)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "launcher config families"

    def __str__(self):
        return self.name


class LauncherConfig(LaunchStats):
    """A launch vehicle design (Falcon 9 Block 5, Soyuz 2.1a, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    families = models.ManyToManyField(LauncherConfigFamily, related_name="configs", blank=True)
    full_name = models.CharField(max_length=200, default="", blank=True)
    variant = models.CharField(max_length=200, default="", blank=True)
    active = models.BooleanField(default=False)
    is_placeholder = models.BooleanField(default=False)
    manufacturer = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="launcher_configs"
    )
    program = models.ManyToManyField(Program, related_name="launcher_configs", blank=True)
    reusable = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    info_url = models.CharField(max_length=500, null=True, blank=True)
    wiki_url = models.CharField(max_length=500, null=True, blank=True)
    description = models.TextField(default="", blank=True)
    alias = models.CharField(max_length=200, default="", blank=True)
    min_stage = models.IntegerField(null=True, blank=True)
    max_stage = models.IntegerField(null=True, blank=True)
    length = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    launch_cost = models.BigIntegerField(null=True, blank=True)
    launch_mass = models.FloatField(null=True, blank=True)
    leo_capacity = models.FloatField(null=True, blank=True)
    gto_capacity = models.FloatField(null=True, blank=True)
    geo_capacity = models.FloatField(null=True, blank=True)
    sso_capacity = models.FloatField(null=True, blank=True)
    to_thrust = models.FloatField(null=True, blank=True)
    apogee = models.FloatField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.full_name or self.name


class LauncherStatus(NamedLookup):
    """The state of a physical launcher (Active, Retired, Expended, Lost, …)."""

    class Meta(NamedLookup.Meta):
        verbose_name_plural = "launcher statuses"


class Launcher(models.Model):
    """A physical, serial-numbered launcher (a Falcon 9 first-stage core such as B1062)."""

    id = models.IntegerField(primary_key=True)
    flight_proven = models.BooleanField(default=False)
    serial_number = models.CharField(max_length=10, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    status = models.ForeignKey(
        LauncherStatus, on_delete=models.PROTECT, null=True, blank=True, related_name="launchers"
    )
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    details = models.CharField(max_length=2048, default="", blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    flights = models.IntegerField(null=True, blank=True)
    last_launch_date = models.DateTimeField(null=True, blank=True)
    first_launch_date = models.DateTimeField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)
    launcher_config = models.ForeignKey(
        LauncherConfig, on_delete=models.SET_NULL, null=True, blank=True, related_name="launchers"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["serial_number"], name="launcher_serial_idx")]

    def __str__(self):
        return self.serial_number or f"Launcher {self.id}"
