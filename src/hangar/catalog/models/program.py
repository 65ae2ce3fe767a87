"""Programs (Apollo, ISS, Artemis, …) and the mission patches shown with them."""

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


class ProgramType(NamedLookup):
    """What kind of program it is (Human Exploration, Scientific, …)."""


class MissionPatch(models.Model):
    """A mission or program patch: the embroidered emblem, as an image."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    priority = models.IntegerField(default=0)
    image_url = models.URLField(max_length=1000)
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "mission patches"

    def __str__(self):
        return self.name


class Program(models.Model):
    """A long-running programme of missions, run by one or more agencies."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    agencies = models.ManyToManyField(Agency, related_name="programs", blank=True)
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, related_name="programs", blank=True)
    type = models.ForeignKey(ProgramType, on_delete=models.PROTECT, related_name="programs")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name
