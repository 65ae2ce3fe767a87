"""What the Starship dashboard shows beside launches and events: road closures and regulatory notices
around the launch site."""

from django.db import models

from hangar.catalog.models.base import NamedLookup

STARSHIP_PROGRAM = 1  # upstream's program id of Starship: the one /dashboard/starship/ shows


class RoadClosureStatus(NamedLookup):
    """The state of a road closure (Scheduled, Canceled, Revoked, …)."""

    class Meta(NamedLookup.Meta):
        verbose_name_plural = "road closure statuses"


class RoadClosure(models.Model):
    """A window during which the road to the launch site is closed for testing or a launch."""

    id = models.IntegerField(primary_key=True)
    title = models.CharField(max_length=1048)
    status = models.ForeignKey(RoadClosureStatus, on_delete=models.PROTECT, related_name="road_closures")
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()

    class Meta:
        ordering = ["window_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(window_end__gte=models.F("window_start")), name="roadclosure_window_order"
            )
        ]

    def __str__(self):
        return self.title


class NoticeType(NamedLookup):
    """What kind of notice one is (Maritime Hazard Area, TFR, Evacuation, …)."""


class Notice(models.Model):
    """A published notice about activity at the launch site (a hazard area, a flight restriction)."""

    id = models.IntegerField(primary_key=True)
    type = models.ForeignKey(NoticeType, on_delete=models.PROTECT, related_name="notices")
    date = models.DateTimeField()
    url = models.URLField(max_length=200)

    class Meta:
        # Newest first, as the dashboard lists them.
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.type} {self.date:%Y-%m-%d}"
