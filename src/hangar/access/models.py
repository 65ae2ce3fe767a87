"""API keys, as upstream issues them: sent as ``Authorization: Token <key>``, each with its own rate."""

import hashlib
import secrets

from django.db import models
from django.utils import timezone


def digest(key: str) -> str:
    """What is stored of a key: its SHA-256 (a leaked database leaks no usable key)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKey(models.Model):
    """A client's API key; only its digest and first characters are stored."""

    name = models.CharField(max_length=100, help_text="who or what the key is for")
    prefix = models.CharField(max_length=8, help_text="the key's first characters, to recognise it")
    digest = models.CharField(max_length=64, unique=True)
    rate = models.CharField(
        max_length=32, blank=True, default="", help_text='e.g. "1000/hour"; empty: HANGAR_THROTTLE_KEY'
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("id",)

    def __str__(self):
        return f"{self.prefix}… {self.name}"


def create_key(name: str, rate: str = "") -> tuple[ApiKey, str]:
    """A new key for ``name``: (the stored row, the key itself, which is shown once and never stored)."""
    key = secrets.token_hex(20)  # 40 hex characters, like upstream's keys
    return ApiKey.objects.create(name=name, prefix=key[:8], digest=digest(key), rate=rate), key
