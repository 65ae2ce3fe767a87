"""Hangar's settings plus the baseline route the benchmark compares against (see ``bench_urls``)."""

from hangar.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
