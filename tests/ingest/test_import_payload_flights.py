"""Payload flights pages in every mode are what ``hangar import`` takes: changed, imported back, served as
before (their launches stay stored: ``LaunchMini`` names a launch, it cannot create one); detailed pages, and
LaunchDetailed's rocket payloads, bring the docking events each payload flight made as chaser."""

import datetime as dt
import json

import pytest

from hangar.catalog import models
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths
from tests.ingest.clock import freeze_stats_clock
from tests.round_trip import round_trip

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


def _chased(body) -> list:
    return [e["id"] for flight in body["results"] for e in flight["docking_events"]]


def test_detailed_pages_bring_their_docking_events(db, client, tmp_path):
    # Issue 15: a payload flight's docking events as chaser come in with PayloadFlightDetailed.
    generate(20, seed=5, now=NOW)
    path = "/2.3.0/payload_flights/?format=json&mode=detailed&limit=100"
    before = client.get(path).json()
    assert _chased(before)
    (tmp_path / "page.json").write_text(json.dumps(before))
    models.DockingEvent.objects.filter(payload_flight_chaser__isnull=False).delete()
    assert _chased(client.get(path).json()) == []
    import_paths([str(tmp_path)])
    assert client.get(path).json() == before


def test_launch_and_payload_flight_pages_rebuild_an_empty_catalog(db, client, tmp_path, monkeypatch):
    # LaunchDetailed's rocket lists its payload flights with their docking events, as the payload
    # flights page does: both, imported into an empty catalog, answer as before.
    freeze_stats_clock(NOW, monkeypatch.setattr)
    generate(20, seed=5, now=NOW)
    urls = [
        "/2.3.0/launches/?format=json&mode=detailed&limit=100",
        "/2.3.0/payload_flights/?format=json&mode=detailed&limit=100",
    ]
    before, after = round_trip(client, urls, tmp_path)
    assert _chased(before[urls[1]])
    assert any(
        e
        for launch in before[urls[0]]["results"]
        for f in launch["rocket"]["payloads"]
        for e in f["docking_events"]
    )
    assert after == before
