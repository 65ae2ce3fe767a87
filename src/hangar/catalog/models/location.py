"""Places: celestial bodies, launch locations and their pads, and landing locations."""

from django.db import models

from hangar.catalog.models.agency import Agency, Country
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


class CelestialBodyType(NamedLookup):
    """What kind of body a celestial body is (Planet, Moon, Star, …)."""


class CelestialBody(models.Model):
    """A planet, moon or other body that things launch from, orbit or land on (Earth, Moon, Mars)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    # Null only for a body known solely as ``CelestialBodyMini`` (an orbit's), which omits both.
    type = models.ForeignKey(
        CelestialBodyType, on_delete=models.PROTECT, null=True, blank=True, related_name="bodies"
    )
    diameter = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    gravity = models.FloatField(null=True, blank=True)
    length_of_day = models.CharField(max_length=255, null=True, blank=True)
    atmosphere = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    total_attempted_launches = models.IntegerField(default=0)
    successful_launches = models.IntegerField(default=0)
    failed_launches = models.IntegerField(default=0)
    total_attempted_landings = models.IntegerField(default=0)
    successful_landings = models.IntegerField(default=0)
    failed_landings = models.IntegerField(default=0)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "celestial bodies"

    def __str__(self):
        return self.name


class Location(models.Model):
    """A launch or landing site holding one or more pads (Baikonur Cosmodrome, Kennedy Space Center)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    # Null only for a location known solely through a landing location (whose shape omits the body).
    celestial_body = models.ForeignKey(
        CelestialBody, on_delete=models.PROTECT, null=True, blank=True, related_name="locations"
    )
    active = models.BooleanField(default=False)
    country = models.ForeignKey(Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    map_image = models.URLField(max_length=1000, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    timezone_name = models.CharField(max_length=255, default="")
    total_launch_count = models.IntegerField(null=True, blank=True)
    total_landing_count = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Pad(models.Model):
    """A launch pad at a location (LC-39A, Site 1/5)."""

    id = models.IntegerField(primary_key=True)
    active = models.BooleanField(default=False)
    agencies = models.ManyToManyField(Agency, related_name="pads", blank=True)
    name = models.CharField(max_length=255, default="")
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    map_url = models.URLField(max_length=200, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    country = models.ForeignKey(Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    map_image = models.URLField(max_length=1000, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    # As upstream reports it; pads are out of this domain's derived statistics.
    fastest_turnaround = models.DurationField(null=True, blank=True)
    location = models.ForeignKey(
        Location, on_delete=models.SET_NULL, null=True, blank=True, related_name="pads"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class LandingLocation(models.Model):
    """Where a landing is aimed: a landing zone, a drone ship, an ocean area or a steppe region."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    active = models.BooleanField(default=False)
    abbrev = models.CharField(max_length=255, default="")
    description = models.TextField(null=True, blank=True)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="landing_locations")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    celestial_body = models.ForeignKey(CelestialBody, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name
