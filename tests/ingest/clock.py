"""The clock derived statistics are computed at, fixed: for comparing a copy with its source.

Ongoing flights, stays and ages count up to ``now``; a source generated at one instant and a copy
that recomputes on import at another differ by the time between. Every module of
``hangar.catalog.stats`` reads the clock as ``timezone.now()``; this gives each a ``timezone`` whose
``now`` is fixed, leaving the rest of the process (the mirror's budget window, timestamps) on the real
clock.
"""

import datetime as dt
import importlib
import pkgutil

from django.utils import timezone

import hangar.catalog.stats


class _FixedTimezone:
    def __init__(self, when: dt.datetime):
        self._when = when

    def now(self) -> dt.datetime:
        return self._when

    def __getattr__(self, name):
        return getattr(timezone, name)


def freeze_stats_clock(when: dt.datetime, setattr=setattr) -> None:
    """Fix the clock of every statistics module (``setattr``: pytest's ``monkeypatch.setattr``)."""
    package = hangar.catalog.stats
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if getattr(module, "timezone", None) is timezone:
            setattr(module, "timezone", _FixedTimezone(when))
