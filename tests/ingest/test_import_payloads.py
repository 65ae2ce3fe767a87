"""/payloads/ pages in every mode and single payloads are what ``hangar import`` takes, recognised by
their key sets (a payload carries no ``url``): changed, imported back, served as before; the detailed
pages alone rebuild the payloads of an empty catalog."""

import datetime as dt
import json

import pytest

from hangar.catalog import models
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths
from tests.round_trip import round_trip

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_pages_round_trip(db, client, tmp_path, mode):
    generate(20, seed=5, now=NOW)
    path = f"/2.3.0/payloads/?format=json&mode={mode}&limit=100"
    before = client.get(path).content
    body = json.loads(before)
    assert body["results"] and body["next"] is None  # one page: no next to tell what it holds
    (tmp_path / "page.json").write_bytes(before)
    models.Payload.objects.update(name="renamed")
    import_paths([str(tmp_path)])
    assert json.loads(client.get(path).content) == body


def test_one_payload_imports_without_kind(db, client, tmp_path):
    generate(20, seed=5, now=NOW)
    path = "/2.3.0/payloads/1/?format=json"
    before = client.get(path).json()
    (tmp_path / "payload.json").write_text(json.dumps(before))
    models.Payload.objects.filter(id=1).update(name="renamed", mass=None)
    import_paths([str(tmp_path)])
    assert client.get(path).json() == before


def test_detailed_pages_rebuild_an_empty_catalog(db, client, tmp_path):
    generate(20, seed=5, now=NOW)
    urls = [f"/2.3.0/payloads/?format=json&mode={mode}&limit=100" for mode in ("detailed", "normal", "list")]
    before, after = round_trip(client, urls, tmp_path)
    assert before[urls[0]]["results"]
    assert after == before
