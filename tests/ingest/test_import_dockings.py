"""Docking events pages in both modes are what ``hangar import`` takes: served, deleted, imported back,
served the same (their flights, stations and payload flights stay stored: ``LaunchMini`` names a
launch, it cannot create one)."""

import datetime as dt
import json

import pytest

from hangar.catalog import stats
from hangar.catalog.models import DockingEvent
from hangar.ingest.generate import clear_catalog, generate
from hangar.ingest.importing import ImportFailed, import_paths

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_docking_event_pages_round_trip(db, client, tmp_path, mode):
    generate(30, seed=5, now=NOW)
    list_path = f"/2.3.0/docking_events/?format=json&mode={mode}&limit=100"
    page = client.get(list_path).json()
    kinds = {
        key
        for row in page["results"]
        for key in ("flight_vehicle_chaser", "space_station_chaser", "payload_flight_chaser")
        if row[key]
    }
    assert len(kinds) == 3  # chasers of every kind are in the page
    detail_path = f"/2.3.0/docking_events/{page['results'][0]['id']}/?format=json"
    before = {path: client.get(path).content for path in (list_path, detail_path)}
    for n, body in enumerate(before.values()):
        (tmp_path / f"{n}.json").write_bytes(body)
    DockingEvent.objects.all().delete()
    import_paths([str(tmp_path)])
    stats.recompute(now=NOW)
    assert DockingEvent.objects.count() == page["count"]
    for path, body in before.items():
        assert json.loads(client.get(path).content) == json.loads(body), path


def test_a_launch_named_only_by_its_mini_shape_is_not_created(db, client, tmp_path):
    generate(10, seed=5, now=NOW)
    page = client.get("/2.3.0/docking_events/?format=json&limit=100").content
    (tmp_path / "page.json").write_bytes(page)
    clear_catalog()
    with pytest.raises(
        ImportFailed, match=r"\$\.results\[\d+\]\.\w+\.launch: Launch \S+ is not stored yet and has no 'slug'"
    ):
        import_paths([str(tmp_path)])
    assert not DockingEvent.objects.exists()
