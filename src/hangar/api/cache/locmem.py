"""Django's local-memory cache, bounded in bytes as well as in entries."""

from django.core.cache.backends import locmem

from hangar import compat


class LocMemCache(locmem.LocMemCache):
    """Django's local-memory cache with a budget in bytes as well as in entries (``MAX_BYTES``).

    Entries differ in size by four orders of magnitude (a count is a few bytes, a detailed page of 100
    spacecraft 1.5 MB), so ``MAX_ENTRIES`` alone does not bound a worker's memory. After each write the
    least recently used entries go until the pickled values fit; a value larger than a quarter of the
    budget is not stored at all, so one huge page cannot empty the cache. Summing the sizes on a write
    (a few hundred ``len`` calls) costs microseconds against the milliseconds of the miss it stores.
    """

    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self._max_bytes = int(options.get("MAX_BYTES", 64 * 1024 * 1024))

    def set(self, key, value, timeout=locmem.DEFAULT_TIMEOUT, version=None):
        super().set(key, value, timeout, version)
        self._within_budget(self.make_and_validate_key(key, version=version))

    def add(self, key, value, timeout=locmem.DEFAULT_TIMEOUT, version=None):
        added = super().add(key, value, timeout, version)
        if added:
            self._within_budget(self.make_and_validate_key(key, version=version))
        return added

    def _within_budget(self, key: str) -> None:
        with compat.locmem_lock(self):
            entries = compat.locmem_entries(self)
            if len(entries.get(key, b"")) > self._max_bytes // 4:
                compat.locmem_delete(self, key)  # the old value went with the write that replaced it
                return
            total = sum(map(len, entries.values()))
            while total > self._max_bytes:
                # The most recently used entry is first (Django moves reads and writes to the front).
                total -= compat.locmem_evict_oldest(self)
