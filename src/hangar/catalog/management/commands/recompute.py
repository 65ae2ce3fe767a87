"""``hangar recompute``: rebuild every derived statistic from the stored flights (see catalog.stats)."""

import datetime as dt

from django.core.management.base import CommandError

from hangar.catalog import stats
from hangar.management.base import HangarCommand


class Command(HangarCommand):
    help = (
        "Recompute the statistics derived from stored flights. Flight durations and turnarounds, "
        "spacecraft and configuration aggregates; run it hourly so ongoing flights count up to now."
    )
    examples = """
        hangar recompute                               # with the current time
        hangar recompute --now 2025-07-01T00:00:00Z    # as of a given instant
        0 * * * *  /srv/hangar/.venv/bin/hangar recompute --verbosity 0   # a crontab line
    """

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", help="the clock to compute with, ISO 8601 with a time zone (default: the current time)"
        )

    def handle(self, *args, now, verbosity, **options):
        clock = None
        if now is not None:
            try:
                clock = dt.datetime.fromisoformat(now.replace("Z", "+00:00"))
            except ValueError:
                clock = None
            if clock is None or clock.tzinfo is None:
                raise CommandError(f"--now: expected a date-time with a time zone, got {now!r}")

        def progress(line):
            if verbosity >= 1:
                self.stderr.write(line)

        count = stats.recompute(now=clock, progress=progress)
        if verbosity >= 1:
            self.stderr.write(f"recomputed derived statistics of {count} spacecraft")
