"""Rate limits as upstream's: anonymous callers per IP, API keys (``Authorization: Token <key>``) per key.

Off by default (a self-hosted server has no reason to ration itself); ``HANGAR_THROTTLE_ANON=15/hour``
reproduces upstream's anonymous limit and ``HANGAR_THROTTLE_KEY`` is the rate of a key that names none
(``hangar apikey create --rate``). Rates are DRF's (``N/second|minute|hour|day``), and so are the 429
answer (``{"detail": "Request was throttled. Expected available in N seconds."}`` with ``Retry-After``)
and the client's address (``REMOTE_ADDR``, or the ``HANGAR_NUM_PROXIES``-th address from the right of
``X-Forwarded-For`` behind proxies).

DRF's throttles run inside views, but cache hits never reach a view (``api.cache.front`` answers them
in front of Django), so the limit is checked in front of the cache: by ``front`` for what it answers,
by ``ThrottleMiddleware`` for the rest, once per request. Every ``/2.3.0/`` path counts except
``/2.3.0/api-throttle/``, which reports the caller's numbers without counting.

Counters are fixed windows of the rate's period (``floor(now / period)``). With Redis as the cache they
live there (one pipelined ``INCR``/``EXPIRE`` per request), shared by every worker and instance; without
it, or while Redis is unavailable, each worker counts in its own memory.
"""

import hashlib
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from rest_framework.exceptions import Throttled
from rest_framework.throttling import SimpleRateThrottle

from hangar.api.errors import body

API_PREFIX = "/2.3.0/"
THROTTLE_PATH = "/2.3.0/api-throttle/"
KEY_CACHE_SECONDS = 10.0  # a revoked key stops working within this many seconds on every worker


def parse_rate(rate: str) -> tuple[int, int] | None:
    """(requests, period in seconds) of ``N/period``; None for no limit (the empty string)."""
    if not rate:
        return None
    return SimpleRateThrottle.parse_rate(None, rate)


@dataclass(frozen=True)
class Usage:
    """One caller's standing in its current window, as ``/api-throttle/`` reports it."""

    ident: str
    limit: int  # requests per period; 0 when unlimited
    period: int
    used: int
    wait: int  # seconds until the next request is allowed (0 when it is now)

    @property
    def allowed(self) -> bool:
        return not self.limit or self.used <= self.limit

    def as_json(self) -> dict:
        return {
            "your_request_limit": self.limit,
            "limit_frequency_secs": self.period,
            "current_use": min(self.used, self.limit) if self.limit else self.used,
            "next_use_secs": self.wait,
            "ident": self.ident,
        }


class InvalidKey(Exception):
    """An ``Authorization: Token`` header naming no active key: a 401, as upstream's."""


def enabled() -> bool:
    return bool(settings.THROTTLE_ANON or settings.THROTTLE_KEY)


def client_ip(environ) -> str:
    forwarded = environ.get("HTTP_X_FORWARDED_FOR")
    proxies = settings.NUM_PROXIES
    if proxies and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return environ.get("REMOTE_ADDR", "")


# --- keys ------------------------------------------------------------------------------------------


class _Keys:
    """Key digests looked up in the database at most every ``KEY_CACHE_SECONDS`` per worker."""

    def __init__(self):
        self.lock = threading.Lock()
        self.found: dict[str, tuple[float, tuple[str, str] | None]] = {}

    def rate_of(self, key: str) -> tuple[str, str] | None:
        """(ident, rate) of an active key, or None."""
        from hangar.access.models import ApiKey, digest

        hashed = digest(key)
        now = time.monotonic()
        seen = self.found.get(hashed)
        if seen is not None and now - seen[0] < KEY_CACHE_SECONDS:
            return seen[1]
        row = (
            ApiKey.objects.filter(digest=hashed, revoked_at__isnull=True)
            .values_list("prefix", "rate")
            .first()
        )
        answer = None if row is None else (f"key {row[0]}", row[1] or settings.THROTTLE_KEY)
        with self.lock:
            if len(self.found) > 10_000:
                self.found.clear()
            self.found[hashed] = (now, answer)
        return answer

    def forget(self):
        with self.lock:
            self.found.clear()


keys = _Keys()


def identify(environ) -> tuple[str, str]:
    """(ident, rate) of the caller; raises ``InvalidKey`` for a token that names no active key."""
    header = environ.get("HTTP_AUTHORIZATION", "")
    if header[:6].lower() == "token ":
        found = keys.rate_of(header[6:].strip())
        if found is None:
            raise InvalidKey
        return found
    return client_ip(environ), settings.THROTTLE_ANON


# --- counters --------------------------------------------------------------------------------------


class _MemoryCounters:
    """Fixed-window counters in this worker's memory (no Redis, or Redis unavailable)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[str, int] = {}
        self.window = None

    def add(self, key: str, window: int, amount: int) -> int:
        with self.lock:
            if window != self.window or len(self.counts) > 100_000:
                self.counts = {k: v for k, v in self.counts.items() if k.endswith(f":{window}")}
                self.window = window
            self.counts[key] = self.counts.get(key, 0) + amount
            return self.counts[key]


memory = _MemoryCounters()


def _count(ident: str, limit: int, period: int, amount: int) -> tuple[int, int]:
    """(requests in the current window after adding ``amount``, seconds until it ends)."""
    now = time.time()
    window = int(now // period)
    digest = hashlib.blake2b(ident.encode(), digest_size=12).hexdigest()
    key = f"hangar:throttle:{limit}/{period}:{digest}:{window}"
    backend = caches["default"]
    client = getattr(backend, "client", None)
    used = None
    if client is not None and backend.health.available():
        shared = backend.make_key(key)  # under the cache's prefix (HANGAR_CACHE_PREFIX)
        try:
            redis = client()
            if amount:
                pipe = redis.pipeline(transaction=False)
                pipe.incrby(shared, amount)
                pipe.expire(shared, period + 1)
                used = int(pipe.execute()[0])
            else:
                used = int(redis.get(shared) or 0)
            backend.health.succeeded()
        except Exception as exc:
            backend.health.failed(exc, "throttle")
            used = None
    if used is None:
        used = memory.add(key, window, amount)
    return used, max(1, int((window + 1) * period - now + 0.999))


def usage(environ, count: bool) -> Usage | None:
    """The caller's standing, counting this request when ``count``; None when it is not limited."""
    ident, rate = identify(environ)
    parsed = parse_rate(rate)
    if parsed is None:
        return Usage(ident=ident, limit=0, period=0, used=0, wait=0) if not count else None
    limit, period = parsed
    used, ends_in = _count(ident, limit, period, 1 if count else 0)
    # Counting: this request is refused past the limit. Peeking: the next one would be, at the limit.
    wait = ends_in if (used > limit if count else used >= limit) else 0
    return Usage(ident=ident, limit=limit, period=period, used=used, wait=wait)


def counted_path(path: str) -> bool:
    return path.startswith(API_PREFIX) and path != THROTTLE_PATH


ENVIRON_KEY = "hangar.throttled"  # set once a request was counted, so no later layer counts it again


def refusal(environ) -> tuple[int, list, bytes] | None:
    """(status, headers, body) of a 429 or 401 for this request, or None to answer it; counts it once."""
    if not enabled() or environ.get(ENVIRON_KEY) or not counted_path(environ.get("PATH_INFO", "")):
        return None
    environ[ENVIRON_KEY] = True
    try:
        standing = usage(environ, count=True)
    except InvalidKey:
        return 401, [("WWW-Authenticate", "Token")], body("Invalid token.")
    if standing is None or standing.allowed:
        return None
    return 429, [("Retry-After", str(standing.wait))], body(str(Throttled(wait=standing.wait).detail))


class ThrottleMiddleware:
    """Refuses requests over their rate before the response cache answers them (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = refusal(request.META)
        if refused is None:
            return self.get_response(request)
        from django.http import HttpResponse

        status, headers, payload = refused
        response = HttpResponse(payload, status=status, content_type="application/json")
        for name, value in headers:
            response[name] = value
        return response
