"""Spacewalks (extravehicular activities) and who went out on them."""

from django.db import models

from hangar.catalog.models.astronaut import AstronautFlight
from hangar.catalog.models.event import Event
from hangar.catalog.models.flight import SpacecraftFlight
from hangar.catalog.models.program import Program
from hangar.catalog.models.station import Expedition, SpaceStation


class Spacewalk(models.Model):
    """One extravehicular activity: its crew, from a station or a spacecraft flight."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    # Derived by catalog.stats.people (end - start); as imported when either is unknown.
    duration = models.DurationField(null=True, blank=True)
    location = models.CharField(max_length=255, null=True, blank=True)
    crew = models.ManyToManyField(AstronautFlight, related_name="spacewalks", blank=True)
    spacestation = models.ForeignKey(
        SpaceStation, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    expedition = models.ForeignKey(
        Expedition, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    spacecraft_flight = models.ForeignKey(
        SpacecraftFlight, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    # The event the spacewalk was part of (upstream links most ISS spacewalks to a "Spacewalk" event).
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    program = models.ManyToManyField(Program, related_name="spacewalks", blank=True)

    class Meta:
        ordering = ["start", "id"]

    def __str__(self):
        return self.name
