"""Spacewalks pages in every mode are what ``hangar import`` takes: served, deleted, imported back,
served the same (their flights, stations and expeditions stay stored: ``ExpeditionMini`` names an
expedition without its station, so it cannot create one)."""

import datetime as dt
import json

import pytest

from hangar.catalog import stats
from hangar.catalog.models import Spacewalk
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_spacewalk_pages_round_trip(db, client, tmp_path, mode):
    generate(30, seed=5, now=NOW)
    list_path = f"/2.3.0/spacewalks/?format=json&mode={mode}&limit=100"
    page = client.get(list_path).json()
    assert page["results"]
    paths = [list_path, *(f"/2.3.0/spacewalks/{r['id']}/?format=json&mode={mode}" for r in page["results"])]
    before = {path: client.get(path).content for path in paths}
    astronauts = client.get("/2.3.0/astronauts/?format=json&limit=100").content
    for n, body in enumerate(before.values()):
        (tmp_path / f"{n}.json").write_bytes(body)
    crews = {w.id: set(w.crew.values_list("id", flat=True)) for w in Spacewalk.objects.all()}
    if mode == "list":  # the list shape has no crew: the walks' crews stay as stored
        Spacewalk.objects.update(name="renamed")
    else:
        Spacewalk.objects.all().delete()
    import_paths([str(tmp_path)])
    stats.recompute(now=NOW)
    assert {w.id: set(w.crew.values_list("id", flat=True)) for w in Spacewalk.objects.all()} == crews
    for path, body in before.items():
        assert json.loads(client.get(path).content) == json.loads(body), path
    assert json.loads(client.get("/2.3.0/astronauts/?format=json&limit=100").content) == json.loads(
        astronauts
    )


def test_a_spacewalk_imported_before_its_event_gets_it_when_the_event_is_imported(db, client, tmp_path):
    generate(30, seed=5, now=NOW)
    walk = Spacewalk.objects.exclude(event=None).first()
    event_path = f"/2.3.0/events/{walk.event_id}/?format=json&mode=detailed"
    walk_path = f"/2.3.0/spacewalks/{walk.id}/?format=json"
    (tmp_path / "walk.json").write_bytes(client.get(walk_path).content)
    (tmp_path / "event.json").write_bytes(client.get(event_path).content)
    before = client.get(walk_path).json()
    assert before["event"]["id"] == walk.event_id
    walk.event.delete()
    Spacewalk.objects.filter(pk=walk.pk).delete()

    summary = import_paths([str(tmp_path / "walk.json")])
    assert Spacewalk.objects.get(pk=walk.pk).event_id is None
    assert any("wait" in line for line in summary.warnings), summary.warnings
    import_paths([str(tmp_path / "event.json")])
    stats.recompute(now=NOW)  # as generated: the crew's statistics as of NOW
    assert client.get(walk_path).json() == before
