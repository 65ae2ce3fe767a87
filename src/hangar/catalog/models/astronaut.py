"""Astronauts and the seats they fill on flights."""

import datetime as dt

from django.db import models

from hangar.catalog.models.agency import Agency, Country, SocialMediaLink
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


class AstronautStatus(NamedLookup):
    """Where an astronaut is in their career (Active, Retired, Deceased, …)."""

    class Meta(NamedLookup.Meta):
        verbose_name_plural = "astronaut statuses"


class AstronautType(NamedLookup):
    """How an astronaut flies (Government, Private, Non-Human, …)."""


class AstronautRole(models.Model):
    """A crew position (Commander, Flight Engineer, Spaceflight Participant, …)."""

    id = models.IntegerField(primary_key=True)
    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.role


class Astronaut(models.Model):
    """A person (or animal) who has flown or trained to fly to space.

    The statistics and the three lists below the social media links are derived from stored flights
    and spacewalks by ``catalog.stats.people`` (imported as given while none is stored).
    """

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    status = models.ForeignKey(AstronautStatus, on_delete=models.PROTECT, related_name="astronauts")
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="astronauts"
    )
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    type = models.ForeignKey(AstronautType, on_delete=models.PROTECT, related_name="astronauts")
    in_space = models.BooleanField(default=False)
    # As upstream reports them: an astronaut's career spans flights on spacecraft we do not model.
    time_in_space = models.DurationField(null=True, blank=True)
    eva_time = models.DurationField(default=dt.timedelta(0))
    age = models.IntegerField(null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    nationality = models.ManyToManyField(Country, related_name="astronauts", blank=True)
    bio = models.TextField(default="", blank=True)
    wiki = models.CharField(max_length=255, null=True, blank=True)
    last_flight = models.DateTimeField(null=True, blank=True)
    first_flight = models.DateTimeField(null=True, blank=True)
    social_media_links = models.ManyToManyField(SocialMediaLink, related_name="astronauts", blank=True)
    flights_count = models.IntegerField(null=True, blank=True, default=0)
    landings_count = models.IntegerField(null=True, blank=True, default=0)
    spacewalks_count = models.IntegerField(null=True, blank=True, default=0)
    # Derived relations, so each detailed list is one relation of the astronaut (upstream's ``flights``
    # are the launches flown on, ``landings`` the spacecraft flights landed in).
    launches = models.ManyToManyField("catalog.Launch", related_name="+", blank=True)
    landings = models.ManyToManyField("catalog.SpacecraftFlight", related_name="+", blank=True)
    spacewalks = models.ManyToManyField("catalog.Spacewalk", related_name="astronauts", blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["in_space", "id"], name="astronaut_in_space_idx"),
            models.Index(fields=["last_flight", "id"], name="astronaut_last_flight_idx"),
        ]

    def __str__(self):
        return self.name


class AstronautFlight(models.Model):
    """One astronaut in one role on a flight; a flight lists it in its launch, onboard or landing crew."""

    id = models.IntegerField(primary_key=True)
    role = models.ForeignKey(AstronautRole, on_delete=models.PROTECT, related_name="+")
    astronaut = models.ForeignKey(Astronaut, on_delete=models.PROTECT, related_name="flights")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.astronaut} ({self.role})"
