"""Redis as a best-effort cache: when it is down, hung or full, requests are answered from the database.

Everything Hangar keeps in Redis (pages, counts, deep-page checkpoints, rate-limit counters) can be
recomputed, so a failing Redis must cost speed, never answers. Django's ``RedisCache`` raises whatever
redis-py raises, and redis-py's defaults (no socket timeout, retries with back-off) let a hung server
hold a request for seconds. This backend:

- gives every socket a short timeout (``HANGAR_CACHE_TIMEOUT_MS``, 250 ms by default) and no retries;
- turns every Redis error into a miss (``get`` answers the default, ``set`` stores nothing);
- after a connection error or a timeout, leaves Redis alone for ``RETRY_AFTER`` seconds (each worker on
  its own), so a hung Redis costs one timeout per worker every few seconds rather than one per request;
- logs one warning per failing state and interval (``LOG_EVERY``), and one line when Redis is back.

A full Redis (``maxmemory`` with ``noeviction``) refuses writes with an error: those are logged the same
way, reads go on. Size Redis with ``maxmemory`` and ``maxmemory-policy allkeys-lru`` (README).
"""

import logging
import threading
import time

import redis
from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger("hangar.cache")

RETRY_AFTER = 5.0  # seconds without trying Redis after a connection error or a timeout
LOG_EVERY = 60.0  # seconds between two warnings about the same failure


class _Health:
    """One worker's view of Redis: when to try again, when it last said what.

    "unreachable" (connection errors, timeouts) is an outage: Redis is left alone for a while and its
    end is logged. "refused" (any other error: a full Redis refusing writes) is only rate-limited.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.failing = False
        self.last_warning: dict[str, float] = {}

    def available(self) -> bool:
        return not self.down_until or time.monotonic() >= self.down_until

    def failed(self, exc: Exception, operation: str) -> None:
        now = time.monotonic()
        unreachable = isinstance(exc, redis.ConnectionError | redis.TimeoutError)
        kind = "unreachable" if unreachable else "refused"
        with self.lock:
            if unreachable:
                self.down_until = now + RETRY_AFTER
                self.failing = True
            if now - self.last_warning.get(kind, -LOG_EVERY) < LOG_EVERY:
                return
            self.last_warning[kind] = now
        logger.warning(
            "cache %s on %s (%s: %s): answering from the database%s",
            kind,
            operation,
            type(exc).__name__,
            exc,
            f", next try in {RETRY_AFTER:g} s" if unreachable else "",
        )

    def succeeded(self) -> None:
        """After an answer: ends an outage (a full Redis answers reads, so it is not one)."""
        if self.failing:
            with self.lock:
                was_failing, self.failing, self.down_until = self.failing, False, 0.0
                self.last_warning.pop("unreachable", None)
            if was_failing:
                logger.warning("cache reachable again")


class RedisCache(django_redis.RedisCache):
    """Django's Redis backend that degrades to a miss instead of raising (see the module docstring).

    ``OPTIONS`` are redis-py's connection options as in Django's backend; ``socket_timeout`` and
    ``socket_connect_timeout`` default to ``TIMEOUT_MS`` (in milliseconds, 250 unless given).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        timeout = float(options.pop("TIMEOUT_MS", 250)) / 1000
        options.setdefault("socket_timeout", timeout)
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        options.setdefault("health_check_interval", 30)
        super().__init__(server, {**params, "OPTIONS": options})
        self.health = _Health()

    def _guarded(self, operation: str, call, failed):
        if not self.health.available():
            return failed
        try:
            result = call()
        except Exception as exc:
            self.health.failed(exc, operation)
            return failed
        self.health.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", lambda: super(RedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._guarded("get", lambda: super(RedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded("set", lambda: super(RedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", lambda: super(RedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guarded("delete", lambda: super(RedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", lambda: super(RedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded("has_key", lambda: super(RedisCache, self).has_key(key, version), False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            "set_many", lambda: super(RedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys, version=None):
        self._guarded("delete_many", lambda: super(RedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._guarded("clear", lambda: super(RedisCache, self).clear(), False)

    def client(self):
        """A redis-py client on this cache's pool (with its timeouts), for what a cache API cannot say."""
        return self._cache.get_client(write=True)
