"""Fragments: the JSON of nested objects, written once and kept while the data stays the same.

A nested object (an image, a status, a configuration) appears in many responses; its JSON depends
only on its serializer, its primary key, the request's origin and ``format`` (absolute URLs echo
them) and the catalog's data version. Each ``FragmentSource`` keeps, per origin and format, a store
of ``{pk: orjson.Fragment}`` that is emptied when the data version changes or the store is full (by
count or by bytes of JSON), so a worker's memory stays flat however many objects it writes. A row
encoder (``api.fast.encoder``) is one source; ``DRFFragments`` writes through DRF itself, for a
serializer no row encoder can read.
"""

import threading

import orjson

from hangar import compat
from hangar.api.loading import loading_plan
from hangar.api.renderers import dumps
from hangar.catalog import versioning

# Fragments kept per serializer, origin and format in each worker; the store is emptied when the data
# version changes or it is full (by count or by bytes of JSON), so a worker's memory stays flat.
MAX_FRAGMENTS = 20_000
MAX_FRAGMENT_BYTES = 32 * 1024 * 1024
# And all of a worker's stores together hold at most HANGAR_FRAGMENT_MB of JSON: past it, every store
# starts again empty. With a hundred serializers the per-store bound alone would allow gigabytes.
_held = [0]  # bytes of JSON in every store of this worker


def _budget() -> int:
    from django.conf import settings

    return getattr(settings, "FRAGMENT_MB", 64) * 1024 * 1024


SOURCES: list["FragmentSource"] = []  # every source made, so their stores can be forgotten at once


class Store(dict):
    """One source's fragments for one origin and format: {pk: fragment}, with their size."""

    __slots__ = ("nbytes",)

    def __init__(self):
        super().__init__()
        self.nbytes = 0

    def keep(self, key, body: bytes) -> None:
        # Copied to its own size first: orjson returns its growth buffer as the bytes object, at
        # least 4 KB and several times the JSON for larger documents (a 2.3 KB fragment held 32 KB).
        self[key] = orjson.Fragment(bytes(memoryview(body)))
        self.nbytes += len(body)
        _held[0] += len(body)


class FragmentSource:
    """Writes the JSON of one serializer's objects by primary key, and keeps it as fragments.

    ``height`` is how deep the serializer nests what this source itself must make first (0 for none).
    """

    height = 0

    def __init__(self, serializer_class):
        self.serializer_class = serializer_class
        self.model = serializer_class.Meta.model
        self._fragments: dict = {}
        self._fragments_version = None

    def forget(self) -> None:
        _held[0] -= sum(store.nbytes for store in self._fragments.values())
        self._fragments = {}
        self._fragments_version = None

    def store(self, request) -> Store:
        version = getattr(request, "hangar_data_version", None) or versioning.current()
        if _held[0] > _budget():
            forget_fragments()
        if version != self._fragments_version:
            self.forget()
            self._fragments_version = version
        origin = request.build_absolute_uri("/")  # absolute URLs inside fragments depend on these
        fmt = request.GET.get("format")
        store = self._fragments.get((origin, fmt))
        if store is None or len(store) > MAX_FRAGMENTS or store.nbytes > MAX_FRAGMENT_BYTES:
            if store is not None:
                _held[0] -= store.nbytes
            store = self._fragments[(origin, fmt)] = Store()
        return store


class DRFFragments(FragmentSource):
    """Fragments written by the DRF serializer itself, over its derived loading plan."""

    def __init__(self, serializer_class):
        super().__init__(serializer_class)
        self._serializers = threading.local()

    def write(self, pks, request, store):
        serializer = self._serializers.__dict__.get("serializer")
        if serializer is None:  # one per thread: building nested fields deep-copies them
            serializer = self._serializers.__dict__["serializer"] = self.serializer_class(context={})
        compat.set_serializer_context(serializer, {"request": request})
        queryset = loading_plan(self.serializer_class).apply(self.model._default_manager.filter(pk__in=pks))
        for obj in queryset:
            store.keep(obj.pk, dumps(serializer.to_representation(obj)))


def forget_fragments() -> None:
    """Drop every kept fragment (tests: each test's database reuses version numbers)."""
    for source in SOURCES:
        source.forget()
    _held[0] = 0
