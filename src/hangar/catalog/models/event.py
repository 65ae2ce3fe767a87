"""Events: dated happenings other than launches (a docking, a spacewalk, a test, a press conference),
with what they involve (agencies, launches, expeditions, stations, programs, astronauts)."""

from django.db import models
from django.utils import timezone

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.astronaut import Astronaut
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image
from hangar.catalog.models.launch import Launch, NetPrecision
from hangar.catalog.models.program import Program
from hangar.catalog.models.station import Expedition, SpaceStation


class EventType(NamedLookup):
    """What kind of event one is (Docking, Spacewalk, Static Fire, Press Event, …)."""


class Event(models.Model):
    """A dated happening in spaceflight other than a launch (Starship IFT-5 static fire, a docking)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=255)
    type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="events")
    description = models.TextField(default="", blank=True)
    webcast_live = models.BooleanField(default=False)
    location = models.CharField(max_length=100, null=True, blank=True)
    # Null while upstream has no date for it: such an event is in neither the upcoming nor previous list.
    date = models.DateTimeField(null=True, blank=True)
    date_precision = models.ForeignKey(
        NetPrecision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    duration = models.DurationField(null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # EventEndpointList has no last_updated: an event first imported from such a page gets the time of import.
    last_updated = models.DateTimeField(default=timezone.now)
    agencies = models.ManyToManyField(Agency, related_name="events", blank=True)
    launches = models.ManyToManyField(Launch, related_name="events", blank=True)
    expeditions = models.ManyToManyField(Expedition, related_name="events", blank=True)
    spacestations = models.ManyToManyField(SpaceStation, related_name="events", blank=True)
    program = models.ManyToManyField(Program, related_name="events", blank=True)
    astronauts = models.ManyToManyField(Astronaut, related_name="events", blank=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [
            models.Index(fields=["date", "id"], name="event_date_idx"),
            models.Index(fields=["last_updated", "id"], name="event_last_updated_idx"),
        ]

    def __str__(self):
        return self.name
