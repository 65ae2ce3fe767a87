"""Images and their licences, shared by every resource that shows a picture."""

from django.db import models

from hangar.catalog.models.base import NamedLookup


class ImageLicense(models.Model):
    """The licence under which an image may be reused."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    priority = models.IntegerField(default=0)
    link = models.URLField(max_length=500, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class ImageVariantType(NamedLookup):
    """A kind of derived image (thumbnail, banner, …)."""


class Image(models.Model):
    """A picture hosted upstream, with its thumbnail and credit."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    image_url = models.URLField(max_length=1000)
    thumbnail_url = models.URLField(max_length=1000)
    credit = models.CharField(max_length=255, null=True, blank=True)
    license = models.ForeignKey(ImageLicense, on_delete=models.PROTECT, related_name="images")
    single_use = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class ImageVariant(models.Model):
    """One derived rendition of an image."""

    id = models.IntegerField(primary_key=True)
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="variants")
    type = models.ForeignKey(ImageVariantType, on_delete=models.PROTECT, related_name="+")
    image_url = models.URLField(max_length=1000)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.image_url
