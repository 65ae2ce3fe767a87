"""Astronauts and spacewalks in every mode survive a round trip: what Hangar serves, imported into an
empty catalog, is served again (imported values stand while no flight seat is stored)."""

import datetime as dt
import json

import pytest

from hangar.catalog import stats
from hangar.ingest.generate import clear_catalog, generate
from hangar.ingest.importing import import_paths

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _pages(client, paths):
    return {path: client.get(path).content for path in paths}


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_astronaut_pages_round_trip(db, client, tmp_path, mode):
    generate(30, seed=3, now=NOW)
    list_path = f"/2.3.0/astronauts/?format=json&mode={mode}&limit=100"
    detail_paths = [
        f"/2.3.0/astronauts/{r['id']}/?format=json&mode={mode}"
        for r in client.get(list_path).json()["results"]
    ]
    before = _pages(client, [list_path, *detail_paths])
    assert json.loads(before[list_path])["results"]
    for n, body in enumerate(before.values()):
        (tmp_path / f"{n}.json").write_bytes(body)
    clear_catalog()
    import_paths([str(tmp_path)])
    stats.recompute(now=NOW)  # ages were derived at NOW, the import derived them at today's date
    after = _pages(client, before)
    for path in before:
        assert _astronauts(after[path]) == _astronauts(before[path]), path


def _astronauts(body: bytes):
    """The astronauts' own values, and what their lists hold (by id; the spacewalks in full). A landing's
    spacecraft may differ: its statistics follow the spacecraft rules once its flight is stored."""
    data = json.loads(body)
    result = []
    for astronaut in data.get("results", [data]):
        own = {k: v for k, v in astronaut.items() if k not in ("flights", "landings")}
        for key in ("flights", "landings"):
            if key in astronaut:
                own[key] = [item["id"] for item in astronaut[key]]
        result.append(own)
    return result
