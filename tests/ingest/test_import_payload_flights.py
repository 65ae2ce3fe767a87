"""Payload flights pages in every mode are what ``hangar import`` takes: changed, imported back, served as
before (their launches stay stored: ``LaunchMini`` names a launch, it cannot create one)."""

import datetime as dt
import json

import pytest

from hangar.catalog import models
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_pages_round_trip(db, client, tmp_path, mode):
    generate(20, seed=5, now=NOW)
    path = f"/2.3.0/payload_flights/?format=json&mode={mode}&limit=100"
    before = client.get(path).content
    assert json.loads(before)["results"]
    (tmp_path / "page.json").write_bytes(before)
    models.PayloadFlight.objects.update(destination="elsewhere", amount=9)
    import_paths([str(tmp_path)])
    assert json.loads(client.get(path).content) == json.loads(before)
