"""``hangar recompute``: rebuild every derived statistic from the stored flights (see catalog.stats)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from hangar.catalog import stats


class Command(BaseCommand):
    help = (
        "Recompute derived statistics (flight durations and turnarounds; spacecraft and configuration "
        "aggregates) from the stored flights. Run it periodically so ongoing flights count up to now."
    )

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
