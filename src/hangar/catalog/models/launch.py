"""Launches and what they carry: status, precision of the date, mission, orbit, links to read and watch,
updates, timeline, patches, and the rocket with its stages."""

import datetime as dt

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image
from hangar.catalog.models.launcher import LauncherConfig
from hangar.catalog.models.location import CelestialBody, Pad
from hangar.catalog.models.program import MissionPatch, Program


class LaunchStatus(models.Model):
    """The state of a launch (Go, TBD, Launch Successful, Launch Failure, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, default="")
    description = models.TextField(default="")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "launch statuses"

    def __str__(self):
        return self.name


class NetPrecision(models.Model):
    """How precisely a launch's NET is known (Second, Day, Month, Quarter, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    abbrev = models.CharField(max_length=255, default="")
    description = models.TextField(default="")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Orbit(models.Model):
    """A target orbit (Low Earth Orbit, Geostationary Transfer Orbit, …) around a celestial body."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=50)
    abbrev = models.CharField(max_length=30)
    celestial_body = models.ForeignKey(CelestialBody, on_delete=models.PROTECT, related_name="orbits")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class MissionType(NamedLookup):
    """A kind of mission (Communications, Earth Science, Human Exploration, …): ``/config/mission_types/``.

    A mission names its type as text (``Mission.type``), as upstream's nested shape does; this list is
    the lookup upstream serves beside it, imported and generated with the same names."""


class Mission(models.Model):
    """What a launch is for: a named mission with its orbit and the agencies behind it."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    type = models.CharField(max_length=255, default="")
    description = models.TextField(default="")
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    orbit = models.ForeignKey(Orbit, on_delete=models.PROTECT, related_name="missions")
    agencies = models.ManyToManyField(Agency, related_name="missions", blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class InfoURLType(NamedLookup):
    """What a reading link is (Official Page, Press Kit, Wikipedia, …)."""


class VidURLType(NamedLookup):
    """What a video link is (Official Webcast, Recap, …)."""


class Language(models.Model):
    """The language of a link."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    code = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


# A link belongs to exactly one of a mission, a launch and an event.
ONE_OWNER = (
    models.Q(mission__isnull=False, launch__isnull=True, event__isnull=True)
    | models.Q(mission__isnull=True, launch__isnull=False, event__isnull=True)
    | models.Q(mission__isnull=True, launch__isnull=True, event__isnull=False)
)


class InfoURL(models.Model):
    """A page to read about a mission. Upstream gives it no id: a mission's list is replaced as a whole."""

    # Exactly one owner: a mission's list, a launch's own (LaunchDetailed.info_urls) or an event's.
    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, null=True, blank=True, related_name="info_urls"
    )
    launch = models.ForeignKey(
        "Launch", on_delete=models.CASCADE, null=True, blank=True, related_name="info_urls"
    )
    event = models.ForeignKey(
        "Event", on_delete=models.CASCADE, null=True, blank=True, related_name="info_urls"
    )
    position = models.IntegerField()
    priority = models.IntegerField(default=0)
    source = models.CharField(max_length=200, null=True, blank=True)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=200, null=True, blank=True)
    url = models.URLField(max_length=1000)
    type = models.ForeignKey(InfoURLType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["mission", "launch", "event", "position"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "position"], name="infourl_mission_position_uniq"),
            models.UniqueConstraint(fields=["launch", "position"], name="infourl_launch_position_uniq"),
            models.UniqueConstraint(fields=["event", "position"], name="infourl_event_position_uniq"),
            models.CheckConstraint(condition=ONE_OWNER, name="infourl_one_owner"),
        ]

    def __str__(self):
        return self.url


class VidURL(models.Model):
    """A video of a mission (webcast, recap). No upstream id: a mission's list is replaced as a whole."""

    # Exactly one owner: a mission's list, a launch's own (LaunchDetailed.vid_urls) or an event's.
    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, null=True, blank=True, related_name="vid_urls"
    )
    launch = models.ForeignKey(
        "Launch", on_delete=models.CASCADE, null=True, blank=True, related_name="vid_urls"
    )
    event = models.ForeignKey(
        "Event", on_delete=models.CASCADE, null=True, blank=True, related_name="vid_urls"
    )
    position = models.IntegerField()
    priority = models.IntegerField(default=0)
    source = models.CharField(max_length=200, null=True, blank=True)
    publisher = models.CharField(max_length=255, null=True, blank=True)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=200, null=True, blank=True)
    url = models.URLField(max_length=1000)
    type = models.ForeignKey(VidURLType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    start_time = models.DateTimeField(null=True, blank=True)
    end_time = models.DateTimeField(null=True, blank=True)
    live = models.BooleanField(default=False)

    class Meta:
        ordering = ["mission", "launch", "event", "position"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "position"], name="vidurl_mission_position_uniq"),
            models.UniqueConstraint(fields=["launch", "position"], name="vidurl_launch_position_uniq"),
            models.UniqueConstraint(fields=["event", "position"], name="vidurl_event_position_uniq"),
            models.CheckConstraint(condition=ONE_OWNER, name="vidurl_one_owner"),
        ]

    def __str__(self):
        return self.url


class Rocket(models.Model):
    """The rocket of one launch: its launcher configuration; its stages point at it (``FirstStage``,
    ``SpacecraftFlight.rocket``, ``PayloadFlight.rocket``)."""

    id = models.IntegerField(primary_key=True)
    configuration = models.ForeignKey(LauncherConfig, on_delete=models.PROTECT, related_name="rockets")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.configuration} #{self.id}"


class Launch(models.Model):
    """One launch attempt of a rocket, past or planned (Soyuz 18, Crew-9)."""

    id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=2048, default="")
    slug = models.SlugField(max_length=2048)
    launch_designator = models.CharField(max_length=255, null=True, blank=True)
    status = models.ForeignKey(
        LaunchStatus, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_updated = models.DateTimeField()
    net = models.DateTimeField()
    net_precision = models.ForeignKey(
        NetPrecision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    window_end = models.DateTimeField()
    window_start = models.DateTimeField()
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    infographic = models.CharField(max_length=1000, null=True, blank=True)
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.CharField(max_length=255, null=True, blank=True)
    failreason = models.CharField(max_length=2048, null=True, blank=True)
    hashtag = models.CharField(max_length=2048, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="launches"
    )
    # The reverse name is what filters and search reach a launch through from a stage (landings').
    rocket = models.ForeignKey(
        Rocket, on_delete=models.SET_NULL, null=True, blank=True, related_name="launches"
    )
    mission = models.ForeignKey(Mission, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    pad = models.ForeignKey(Pad, on_delete=models.PROTECT, null=True, blank=True, related_name="launches")
    webcast_live = models.BooleanField(default=False)
    program = models.ManyToManyField(Program, related_name="launches", blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, related_name="launches", blank=True)
    flightclub_url = models.URLField(max_length=200, null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    # Derived by catalog.stats.launches: time since the previous launch from the same pad (never null).
    pad_turnaround = models.DurationField(default=dt.timedelta(0))

    class Meta:
        ordering = ["net", "id"]
        indexes = [
            models.Index(fields=["net", "id"], name="launch_net_idx"),
            models.Index(fields=["last_updated", "id"], name="launch_last_updated_idx"),
            models.Index(fields=["name", "id"], name="launch_name_idx"),
            models.Index(fields=["status", "net", "id"], name="launch_status_net_idx"),
            models.Index(fields=["launch_service_provider", "net", "id"], name="launch_lsp_net_idx"),
            models.Index(fields=["pad", "net", "id"], name="launch_pad_net_idx"),
        ]

    def __str__(self):
        return self.name


class Update(models.Model):
    """A dated note on a launch's or an event's progress (a slip, a weather call), by upstream's editors."""

    id = models.IntegerField(primary_key=True)
    launch = models.ForeignKey(
        Launch, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    event = models.ForeignKey(
        "Event", on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    profile_image = models.CharField(max_length=1000, null=True, blank=True)
    comment = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    created_by = models.CharField(max_length=255, null=True, blank=True)
    created_on = models.DateTimeField()

    class Meta:
        # Newest first, as upstream lists a launch's updates.
        ordering = ["-created_on", "-id"]
        indexes = [models.Index(fields=["launch", "created_on"], name="update_launch_idx")]

    def __str__(self):
        return f"Update {self.id}"


class TimelineEventType(models.Model):
    """A kind of step in a launch's countdown (MECO, Stage separation, Payload deploy, …)."""

    id = models.IntegerField(primary_key=True)
    abbrev = models.CharField(max_length=255)
    description = models.CharField(max_length=2048, default="", blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.abbrev


class TimelineEvent(models.Model):
    """One step of a launch's timeline, relative to liftoff. No upstream id: a launch's list is replaced."""

    launch = models.ForeignKey(Launch, on_delete=models.CASCADE, related_name="timeline")
    position = models.IntegerField()
    type = models.ForeignKey(
        TimelineEventType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    relative_time = models.DurationField(null=True, blank=True)

    class Meta:
        ordering = ["launch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["launch", "position"], name="timeline_launch_position_uniq")
        ]

    def __str__(self):
        return f"{self.type} {self.relative_time}"
