"""Space stations, the places spacecraft dock to."""

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image
from hangar.catalog.models.program import MissionPatch


class SpaceStationStatus(NamedLookup):
    """The life-cycle state of a space station (Active, De-Orbited, …)."""

    class Meta(NamedLookup.Meta):
        verbose_name_plural = "space station statuses"


class SpaceStationType(NamedLookup):
    """Who runs a space station (Government, Commercial, …)."""


class SpaceStation(models.Model):
    """A crewed orbital station (Salyut 4, Mir, the International Space Station)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Status, founding date and type are null only for a station known solely as ``SpaceStationMini``.
    status = models.ForeignKey(
        SpaceStationStatus, on_delete=models.PROTECT, null=True, blank=True, related_name="stations"
    )
    founded = models.DateField(null=True, blank=True)
    deorbited = models.DateField(null=True, blank=True)
    description = models.TextField(default="", blank=True)
    orbit = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(
        SpaceStationType, on_delete=models.PROTECT, null=True, blank=True, related_name="stations"
    )
    owners = models.ManyToManyField(Agency, related_name="space_stations", blank=True)
    height = models.FloatField(null=True, blank=True)
    width = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    volume = models.IntegerField(null=True, blank=True)
    # Derived by catalog.stats.stations from stored expeditions and docking events (imported as given
    # while none is stored); the lists are derived relations, so each is one relation of the station.
    onboard_crew = models.IntegerField(null=True, blank=True)
    docked_vehicles = models.IntegerField(null=True, blank=True)
    active_expeditions = models.ManyToManyField("catalog.Expedition", related_name="+", blank=True)
    active_docking_events = models.ManyToManyField("catalog.DockingEvent", related_name="+", blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Expedition(models.Model):
    """A crew's stay aboard a space station (ISS Expedition 73, Shenzhou 20 on Tiangong)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    spacestation = models.ForeignKey(SpaceStation, on_delete=models.CASCADE, related_name="expeditions")
    mission_patches = models.ManyToManyField(MissionPatch, related_name="expeditions", blank=True)
    crew = models.ManyToManyField("catalog.AstronautFlight", related_name="expeditions", blank=True)

    class Meta:
        ordering = ["start", "id"]

    def __str__(self):
        return self.name
