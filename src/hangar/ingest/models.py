"""What a mirror remembers between runs, in the database it fills: so a killed or rate-limited run
continues where it stopped, and the request budget holds across restarts.

Catalog data never lives here; these rows only say how far each endpoint of each source was read, and
which links an import was given before the object they point at (``PendingLink``).
"""

from django.db import models


class MirrorState(models.Model):
    """How far one endpoint of one source has been read, and when it was last read completely."""

    source = models.CharField(max_length=300)  # the base URL, e.g. https://ll.thespacedevs.com
    endpoint = models.CharField(max_length=100)  # the path after /2.3.0/
    # The pass under way: "" (none), "full" (ordering=id, every object; removes what it did not see),
    # "incremental" (ordering=last_updated from ``cursor``).
    phase = models.CharField(max_length=12, blank=True, default="")
    offset = models.PositiveBigIntegerField(default=0)  # the next page's offset in the pass under way
    pass_started_at = models.DateTimeField(null=True)
    last_complete_at = models.DateTimeField(null=True)  # the last full pass that reached the end
    # last_updated cursor (incremental endpoints): read from here with last_updated__gte; ``skip``
    # objects at exactly that instant were already read.
    cursor = models.CharField(max_length=40, blank=True, default="")
    skip = models.PositiveIntegerField(default=0)
    count = models.PositiveBigIntegerField(null=True)  # the source's count at the last page read
    requests = models.PositiveBigIntegerField(default=0)  # pages read for this endpoint, ever

    class Meta:
        ordering = ("source", "endpoint")
        constraints = [models.UniqueConstraint(fields=("source", "endpoint"), name="mirror_state_unique")]

    def __str__(self):
        return f"{self.source} {self.endpoint}"


class MirrorSeen(models.Model):
    """An object the full pass under way has seen: what is not seen by its end is removed."""

    state = models.ForeignKey(MirrorState, on_delete=models.CASCADE, related_name="seen")
    key = models.CharField(max_length=40)  # the object's id as text (launch ids are UUIDs)

    class Meta:
        ordering = ("state", "key")
        constraints = [models.UniqueConstraint(fields=("state", "key"), name="mirror_seen_unique")]

    def __str__(self):
        return self.key


class MirrorRequest(models.Model):
    """One request sent to a source: the budget counts them over its window, across runs."""

    source = models.CharField(max_length=300)
    at = models.DateTimeField()

    class Meta:
        ordering = ("source", "at")
        indexes = [models.Index(fields=("source", "at"), name="mirror_request_at")]

    def __str__(self):
        return f"{self.source} {self.at}"


class PendingLink(models.Model):
    """A foreign key an import was given as a mention of an object not stored yet (a first stage's
    ``previous_flight`` on a later page): set as soon as an import stores that object."""

    spec = models.CharField(max_length=40)  # the spec of the object holding the link, e.g. FirstStage
    object_id = models.CharField(max_length=40)  # its id as text (launch ids are UUIDs)
    attr = models.CharField(max_length=40)  # the foreign key, e.g. previous_flight
    target = models.CharField(max_length=40)  # the spec linked to, e.g. Launch
    target_id = models.CharField(max_length=40)

    class Meta:
        ordering = ("spec", "object_id", "attr")
        constraints = [
            models.UniqueConstraint(fields=("spec", "object_id", "attr"), name="pending_link_unique")
        ]
        indexes = [models.Index(fields=("target", "target_id"), name="pending_link_target")]

    def __str__(self):
        return f"{self.spec} {self.object_id}.{self.attr} → {self.target} {self.target_id}"
