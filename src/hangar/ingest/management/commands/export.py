"""``hangar export DIR``: the whole catalog as LL2 pages (or NDJSON) with a manifest, or a ``.tar.gz``."""

import sys

from django.core.management.base import CommandError

from hangar.ingest import endpoints as exported
from hangar.ingest.export import ExportFailed, export
from hangar.management.base import HangarCommand


class Command(HangarCommand):
    help = (
        "Export the whole catalog: every list endpoint as LL2 pages (limit=100, in the mode that carries "
        "the most) plus manifest.json, into a directory or a .tar.gz snapshot that `hangar import` reads "
        "directly. Constant memory at any size; one consistent data version."
    )
    examples = """
        hangar export dump/                        # pages/…/*.json and manifest.json
        hangar export snapshot.tar.gz              # the same, as one file: hangar import snapshot.tar.gz
        hangar export --format ndjson objects/     # one object per line, for data tools
        hangar export --endpoints agencies spacecraft some/
    """

    def add_arguments(self, parser):
        parser.add_argument(
            "target", metavar="DIR", help="a new or empty directory, or a file ending .tar.gz"
        )
        parser.add_argument("--format", dest="fmt", choices=("json", "ndjson"), default="json")
        parser.add_argument(
            "--endpoints", nargs="+", metavar="PATH", help="only these (paths after /2.3.0/, e.g. agencies)"
        )
        parser.add_argument(
            "--public-url", help="scheme and host of the URLs in the pages (default HANGAR_PUBLIC_URL)"
        )

    def handle(self, *args, target, fmt, endpoints, public_url, verbosity, **options):
        try:
            chosen = exported.select(endpoints)
        except ValueError as exc:
            raise CommandError(f"--endpoints: {exc}") from None
        bar = None
        if verbosity >= 1:
            from tqdm import tqdm

            bar = tqdm(unit=" objects", file=sys.stderr, dynamic_ncols=True)

        def progress(endpoint, objects):
            if bar is not None:
                bar.set_postfix_str(endpoint, refresh=False)
                bar.update(objects)

        try:
            manifest = export(target, fmt, chosen, public_url, progress)
        except (ExportFailed, OSError) as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar is not None:
                bar.close()
        if verbosity >= 1:
            total = sum(e["count"] for e in manifest["endpoints"])
            self.stderr.write(
                f"exported {total} objects of {len(manifest['endpoints'])} endpoints "
                f"(data version {manifest['data_version']}) to {target}"
            )
