"""``hangar import PATH...``: load upstream LL2 JSON (pages, single objects, directories, ``-`` for stdin)."""

from django.core.management.base import CommandError

from hangar.ingest.importing import ImportFailed, import_paths
from hangar.ingest.resources import ENDPOINTS
from hangar.management.base import HangarCommand


class Command(HangarCommand):
    help = (
        "Import upstream Launch Library 2 (2.3.0) JSON. Reads list pages, single objects, directories of "
        ".json files, or - for standard input; upserts by upstream id, every nested object included."
    )
    examples = """
        hangar import page1.json                  # a list page saved from upstream
        hangar import dumps/                      # every *.json below a directory, in name order
        curl -s "https://ll.thespacedevs.com/2.3.0/agencies/121/?format=json" | hangar import -
        hangar import --kind config/spacecraft_statuses statuses.json   # objects without a url
    """

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
