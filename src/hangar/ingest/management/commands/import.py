"""``hangar import PATH...``: load upstream LL2 JSON (pages, single objects, directories, ``-`` for stdin)."""

from django.core.management.base import BaseCommand, CommandError

from hangar.ingest.importing import ImportFailed, import_paths
from hangar.ingest.resources import ENDPOINTS


class Command(BaseCommand):
    help = (
        "Import upstream Launch Library 2 (2.3.0) JSON: list pages, single objects, directories of .json "
        "files, or - for standard input. Upserts by upstream id; every nested object is imported too."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--kind",
            choices=sorted(ENDPOINTS),
            help="what the input holds, when its objects carry no url (e.g. config/spacecraft_statuses)",
        )

    def handle(self, *args, paths, kind, verbosity, **options):
        def progress(line):
            if verbosity >= 1:
                self.stderr.write(line)

        try:
            summary = import_paths(paths, kind=kind, progress=progress)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from None
        for line in summary.warnings:
            self.stderr.write(f"warning: {line}")
        if verbosity >= 1:
            for line in summary.lines():
                self.stderr.write(line)
