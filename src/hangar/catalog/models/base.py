"""What many catalog models share: the small named value lists upstream serves under ``/config/``."""

from django.db import models


class NamedLookup(models.Model):
    """A named value in a short list (a status, a type): upstream's id and its display name."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self):
        return self.name
