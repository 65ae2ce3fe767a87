"""Space stations, the places spacecraft dock to."""

from django.db import models

from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


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

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name
