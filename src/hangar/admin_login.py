"""The admin's login, throttled: after ``ATTEMPTS`` failed logins from one address within ``WINDOW``
seconds, further attempts from it are refused (429 with ``Retry-After``) until the window ends.

Failures are counted from Django's ``user_login_failed`` signal, in the cache (Redis: shared by every
worker and instance). ``HANGAR_ADMIN=off`` unmounts the admin altogether (``hangar.urls``).
"""

import time

from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

from hangar.api.errors import json_error

ATTEMPTS = 10
WINDOW = 15 * 60


def _key(request) -> str:
    from hangar.api.throttling import client_ip

    window = int(time.time() // WINDOW)
    return f"hangar:admin-login:{client_ip(request.META)}:{window}"


def _failures(request) -> int:
    return cache.get(_key(request)) or 0


@receiver(user_login_failed)
def _count_failure(sender, credentials=None, request=None, **kwargs):
    if request is None:
        return
    key = _key(request)
    cache.set(key, (cache.get(key) or 0) + 1, WINDOW)


def login(request, extra_context=None):
    """``admin.site.login`` unless this address failed ``ATTEMPTS`` times in the current window."""
    if request.method == "POST" and _failures(request) >= ATTEMPTS:
        wait = max(1, int(WINDOW - time.time() % WINDOW))
        return json_error(429, f"Too many failed logins. Try again in {wait} seconds.", Retry_After=str(wait))
    return admin.site.login(request, extra_context)
