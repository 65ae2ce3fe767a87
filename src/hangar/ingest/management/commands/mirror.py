"""``hangar mirror BASE_URL``: fill and keep fresh this catalog from another LL2 2.3.0 server."""

import argparse
import datetime as dt
import os
import sys
import time

from django.core.management.base import CommandError
from django.db import close_old_connections

from hangar.ingest import endpoints as mirrored
from hangar.ingest import mirror
from hangar.ingest.remote import Budget, Source
from hangar.management.base import HangarCommand


def budget(value: str) -> Budget:
    try:
        return Budget.parse(value)
    except ValueError as exc:
        raise CommandError(f"--budget: {exc}") from None


def seconds(value: str) -> dt.timedelta:
    """A duration: 90 (seconds), 30s, 15m, 6h, 7d."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = value.strip().lower()
    try:
        if text and text[-1] in units:
            return dt.timedelta(seconds=float(text[:-1]) * units[text[-1]])
        return dt.timedelta(seconds=float(text))
    except ValueError:
        raise ValueError(value) from None


class Command(HangarCommand):
    help = (
        "Mirror an LL2 2.3.0 server (upstream, its dev host, or another Hangar) into this catalog, within "
        "its rate limit: every list endpoint Hangar serves, limit=100, in the mode that carries the most. "
        "Resumable: progress is kept in the database, so a stopped run continues where it stopped."
    )
    examples = """
        hangar mirror https://ll.thespacedevs.com --plan        # what a run would cost, spending nothing
        hangar mirror https://ll.thespacedevs.com               # budget read from /2.3.0/api-throttle/
        hangar mirror https://ll.thespacedevs.com --api-key KEY --budget 300/day
        hangar mirror http://hangar.local:8000 --budget 60/minute --endpoints agencies spacecraft
        hangar mirror https://ll.thespacedevs.com --watch        # keep running: a service (docs/mirror.md)
    """

    def add_arguments(self, parser):
        parser.add_argument(
            "base_url", metavar="BASE_URL", help="the server, e.g. https://ll.thespacedevs.com"
        )
        parser.add_argument("--api-key", help="sent as 'Authorization: Token KEY'")
        parser.add_argument(
            "--budget",
            type=budget,
            default=None,
            help="requests per period, e.g. 15/hour (default: what /2.3.0/api-throttle/ says, else 15/hour)",
        )
        parser.add_argument(
            "--endpoints", nargs="+", metavar="PATH", help="only these (paths after /2.3.0/, e.g. agencies)"
        )
        parser.add_argument("--plan", action="store_true", help="print what a run costs and exit")
        parser.add_argument("--watch", action="store_true", help="keep running, doing what is due")
        parser.add_argument(
            "--refresh",
            type=seconds,
            default=None,
            metavar="DURATION",
            help="re-read every endpoint completely once this old (e.g. 0, 6h, 7d; default: lookups 30d, "
            "the rest 7d)",
        )
        parser.add_argument(
            "--poll",
            type=seconds,
            default=dt.timedelta(minutes=15),
            metavar="DURATION",
            help="with --watch: how often incremental endpoints are read (default 15m)",
        )
        parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
        parser.add_argument("--parent-pid", type=int, default=None, help=argparse.SUPPRESS)

    def handle(self, *args, base_url, api_key, budget, endpoints, plan, watch, refresh, poll, timeout,
               parent_pid, verbosity, **options):  # fmt: skip
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(f"{base_url!r} is not a base URL: write e.g. https://ll.thespacedevs.com")
        try:
            chosen = mirrored.select(endpoints)
        except ValueError as exc:
            raise CommandError(f"--endpoints: {exc}") from None
        source = Source(base_url, api_key=api_key, timeout=timeout)
        try:
            given = budget or Budget(15, 3600)
            found, how = (budget, "given") if budget else source.discover_budget(given)
            if not budget and how == "given":
                how = "default: the source has no /api-throttle/"
            if source.window is None:  # discovery sets its own window, with what the source has used
                source.use_budget(found)
            if plan:
                for line in mirror.plan(source.base_url, chosen, found, how, refresh).lines():
                    self.stdout.write(line)
                return
            while True:
                self._run_once(source, chosen, found, how, refresh, verbosity, parent_pid)
                if not watch:
                    return
                self._sleep_until_due(source, chosen, poll, parent_pid)
        finally:
            source.close()

    def _run_once(self, source, chosen, found, how, refresh, verbosity, parent_pid):
        the_plan = mirror.plan(source.base_url, chosen, found, how, refresh)
        if verbosity >= 1:
            self.stderr.write(the_plan.lines()[-2])
        bar = _progress(the_plan.requests, verbosity)

        def progress(endpoint, objects):
            _stop_without(parent_pid)
            if bar:
                bar(endpoint)

        try:
            summary = mirror.run(source, chosen, refresh, progress=progress)
        except mirror.MirrorFailed as exc:
            raise CommandError(
                f"{exc}; what was read so far is stored, a new run continues from there"
            ) from None
        finally:
            if bar:
                bar.close()
        for line in summary.warnings:
            self.stderr.write(f"warning: {line}")
        if verbosity >= 1:
            removed = ", ".join(f"{k} {v}" for k, v in summary.removed.items()) or "none"
            self.stderr.write(
                f"read {summary.pages} pages ({source.sent} requests), {summary.objects} objects; "
                f"complete: {', '.join(summary.completed) or 'none'}; removed: {removed}"
            )

    def _sleep_until_due(self, source, chosen, poll, parent_pid):
        close_old_connections()
        due = mirror.next_due(source.base_url, chosen, poll)
        while True:
            _stop_without(parent_pid)
            left = (due - mirror.timezone.now()).total_seconds()
            if left <= 0:
                return
            time.sleep(min(left, 5.0))


def _stop_without(parent_pid: int | None) -> None:
    """`hangar serve --mirror` stopped (this process was handed to another parent): so does its mirror."""
    if parent_pid is not None and os.getppid() != parent_pid:
        sys.exit(0)


class _Bar:
    def __init__(self, total):
        from tqdm import tqdm

        self.tqdm = tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, endpoint):
        self.tqdm.set_postfix_str(endpoint, refresh=False)
        if self.tqdm.n >= self.tqdm.total:
            self.tqdm.total = self.tqdm.n + 1
        self.tqdm.update(1)

    def close(self):
        self.tqdm.close()


def _progress(total: int, verbosity: int):
    return _Bar(total) if verbosity >= 1 else None
