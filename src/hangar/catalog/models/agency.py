"""Agencies (space agencies, manufacturers, operators) and the countries they belong to."""

from django.db import models

from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image


class Country(models.Model):
    """A country, with the nationality words used for astronauts and agencies."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    alpha_2_code = models.CharField(max_length=2, default="")
    alpha_3_code = models.CharField(max_length=3, default="")
    nationality_name = models.CharField(max_length=255, default="")
    nationality_name_composed = models.CharField(max_length=255, default="")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name


class AgencyType(NamedLookup):
    """What kind of organisation an agency is (Government, Commercial, …)."""


class SocialMedia(models.Model):
    """A social network or media site (X, YouTube, Instagram, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="", blank=True)
    url = models.URLField(max_length=500, null=True, blank=True)
    logo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "social media"

    def __str__(self):
        return self.name


class SocialMediaLink(models.Model):
    """One account of an agency or a person on a social network."""

    id = models.IntegerField(primary_key=True)
    social_media = models.ForeignKey(SocialMedia, on_delete=models.PROTECT, related_name="links")
    url = models.URLField(max_length=500, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.url or ""


# Launch and landing statistics of an agency, in upstream's key order (AgencyDetailed).
AGENCY_STATS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_landings",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
    "successful_landings_spacecraft",
    "failed_landings_spacecraft",
    "attempted_landings_spacecraft",
    "successful_landings_payload",
    "failed_landings_payload",
    "attempted_landings_payload",
)


class Agency(models.Model):
    """An organisation that builds, launches or operates spacecraft and rockets."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    abbrev = models.CharField(max_length=255, default="", blank=True)
    type = models.ForeignKey(AgencyType, on_delete=models.PROTECT, related_name="agencies")
    featured = models.BooleanField(default=False)
    country = models.ManyToManyField(Country, related_name="agencies", blank=True)
    description = models.TextField(null=True, blank=True)
    administrator = models.CharField(max_length=255, null=True, blank=True)
    founding_year = models.IntegerField(null=True, blank=True)
    launchers = models.CharField(max_length=500, default="", blank=True)
    spacecraft = models.CharField(max_length=500, default="", blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    logo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    social_logo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Launch and landing statistics as upstream reports them (AgencyEndpointDetailed).
    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings_spacecraft = models.IntegerField(null=True, blank=True)
    failed_landings_spacecraft = models.IntegerField(null=True, blank=True)
    attempted_landings_spacecraft = models.IntegerField(null=True, blank=True)
    successful_landings_payload = models.IntegerField(null=True, blank=True)
    failed_landings_payload = models.IntegerField(null=True, blank=True)
    attempted_landings_payload = models.IntegerField(null=True, blank=True)
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    social_media_links = models.ManyToManyField(SocialMediaLink, related_name="agencies", blank=True)

    class Meta:
        ordering = ["id"]
        # ordering=name on /agencies/ walks this and stops after a page
        indexes = [models.Index(fields=["name", "id"], name="agency_name_idx")]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name
