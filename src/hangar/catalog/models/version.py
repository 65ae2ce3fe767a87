"""The catalog's data version: one row that every write bumps, so readers can tell the data changed."""

from django.db import models


class DataVersion(models.Model):
    """The version of the whole catalog; it changes, in the same transaction, with every write."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="dataversion_single_row")]

    def __str__(self):
        return f"version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
