"""Derived statistics: every rule, in one place per domain, each written out in its docstring.

``spacecraft`` holds the rules over spacecraft flights (durations, turnarounds, spacecraft and
configuration aggregates), ``launches`` the launch attempt counters and pad turnarounds; each other
domain adds a module of its own. ``refresh`` recomputes what
depends on given spacecraft; ``recompute`` rebuilds everything (``hangar recompute``). The rules are
also written out in ``docs/statistics.md``.
"""

from hangar.catalog.stats import launches
from hangar.catalog.stats.spacecraft import *  # noqa: F403  (the spacecraft rules are the package's API)
from hangar.catalog.stats.spacecraft import __all__ as _spacecraft_all

__all__ = [*_spacecraft_all, "launches"]
