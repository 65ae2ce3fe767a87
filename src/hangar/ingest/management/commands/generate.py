"""``hangar generate --spacecraft N [--seed S] [--replace]``: write a synthetic catalog for benchmarks."""

import sys
import time

from django.core.management.base import CommandError

from hangar.ingest.generate import GenerateError, generate
from hangar.management.base import HangarCommand


def count(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(HangarCommand):
    help = (
        "Generate a deterministic synthetic catalog for benchmarks. Names start with [SYNTHETIC]; "
        "upstream's proportions, flights, launches, landings and dockings included. Refuses a "
        "non-empty catalog unless --replace."
    )
    examples = """
        hangar generate --spacecraft 10000                     # into an empty database
        hangar generate --spacecraft 1000000 --seed 3 --replace   # the same rows for the same seed
    """

    def add_arguments(self, parser):
        parser.add_argument("--spacecraft", type=count, required=True, help="how many spacecraft (≥ 1)")
        parser.add_argument("--seed", type=int, default=0, help="random seed; same seed, same catalog")
        parser.add_argument("--replace", action="store_true", help="delete the current catalog first")

    def handle(self, *args, spacecraft, seed, replace, verbosity, **options):
        started = time.monotonic()
        show = verbosity >= 1
        tty = sys.stderr.isatty()
        last = [0.0]

        def progress(label, done, total):
            if not show:
                return
            now = time.monotonic()
            if done and total and done < total and now - last[0] < 0.5:
                return
            last[0] = now
            width = 30
            if total:
                filled = width * done // total
                line = f"{label:>15} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,}"
            else:
                line = f"{label:>15} {done:>9,} rows"
            end = "\r" if tty and total and done < total else "\n"
            self.stderr.write(line, ending=end)

        try:
            counts = generate(spacecraft, seed=seed, replace=replace, progress=progress)
        except GenerateError as exc:
            raise CommandError(str(exc)) from None
        if show:
            rows = ", ".join(f"{n:,} {label}" for label, n in counts.items())
            self.stderr.write(f"generated in {time.monotonic() - started:.1f}s: {rows}")
