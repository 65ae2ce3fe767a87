"""The import round trip of served pages: what Hangar answers, imported into an empty catalog, answers
the same again."""

import json

from hangar.ingest.generate import clear_catalog
from hangar.ingest.importing import import_paths
from tests.http import get


def round_trip(client, urls, tmp_path, kind=lambda url: None) -> tuple[dict, dict]:
    """Each url's JSON before and after: written to files, the catalog emptied, the files imported in
    ``urls``' order (richest shape first, so a leaner one never comes before the one that says more),
    with ``kind(url)`` for bodies that carry no ``url`` to be recognised by."""
    before = {url: get(client, url) for url in urls}
    files = []
    for n, (url, body) in enumerate(before.items()):
        files.append((url, tmp_path / f"{n:03}.json"))
        files[-1][1].write_text(json.dumps(body))
    clear_catalog()
    for url, path in files:
        import_paths([str(path)], kind=kind(url))
    return before, {url: get(client, url) for url in urls}
