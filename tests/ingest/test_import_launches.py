"""``hangar import`` takes every part of ``LaunchDetailed``: an upstream launch detail imported into an
empty catalog is served back key for key, in its key order; a first stage's previous flight on a later
page is linked when that page arrives."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from hangar.catalog import versioning
from hangar.catalog.models import FirstStage, Launch, PayloadFlight
from hangar.catalog.stats.vehicles import LAUNCHER_FIELDS
from hangar.ingest.generate import clear_catalog, generate
from hangar.ingest.importing import import_paths
from hangar.ingest.models import PendingLink

UPSTREAM = Path(__file__).resolve().parents[1] / "data" / "upstream"

# Derived from what Hangar stores (catalog.stats, docs/statistics.md): one imported launch is the only
# launch of its configuration, family, pad and location, so these are Hangar's counts, not upstream's.
LAUNCH_COUNTS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
)
DERIVED = {
    "$.rocket.configuration": LAUNCH_COUNTS,
    "$.rocket.configuration.families[]": LAUNCH_COUNTS,
    "$.pad": ("total_launch_count", "orbital_launch_attempt_count"),
    "$.pad.location": ("total_launch_count", "total_landing_count"),
}


def _differences(ours, theirs, path="$") -> list[str]:
    """Where two JSON values differ, key order included; derived values are not compared. Numbers
    compare by value (upstream wrote 84 in 2024 and 84.0 in 2025, Hangar writes 84.0: SOURCES.md)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if list(ours) != list(theirs):
            return [f"{path}: keys {list(ours)} != {list(theirs)}"]
        skip = DERIVED.get(re.sub(r"\[\d+\]", "[]", path), ())
        found = []
        for key in ours:
            if key not in skip:
                found += _differences(ours[key], theirs[key], f"{path}.{key}")
        return found
    if isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            return [f"{path}: {len(ours)} items != {len(theirs)}"]
        return [
            d
            for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
            for d in _differences(a, b, f"{path}[{i}]")
        ]
    if ours != theirs or isinstance(ours, bool) != isinstance(theirs, bool):
        return [f"{path}: {ours!r} != {theirs!r}"]
    return []


@pytest.mark.parametrize(
    ("sample", "query"),
    [
        ("launches_id__default__spacenerd.json", ""),
        # Captured with ?format=json, which upstream echoes in every nested url (SOURCES.md).
        ("launches_id__default__ll2suppdoc.json", "?format=json"),
    ],
)
def test_an_upstream_launch_detail_is_served_back_key_for_key(db, client, settings, sample, query):
    settings.PUBLIC_URL = "https://ll.thespacedevs.com"
    upstream = json.loads((UPSTREAM / sample).read_text())
    import_paths([str(UPSTREAM / sample)])
    response = client.get(f"/2.3.0/launches/{upstream['id']}/{query}", HTTP_ACCEPT="application/json")
    served = response.json()
    assert _differences(served, upstream) == []
    # The payload stage arrived without its launch: it is the launch whose rocket lists it.
    assert PayloadFlight.objects.get(id=5).launch_id == Launch.objects.get().id
    # The same file again changes nothing, so every cached page and Last-Modified stays.
    version = versioning.current()
    summary = import_paths([str(UPSTREAM / sample)])
    assert versioning.current() == version
    assert all(c["created"] == c["updated"] == 0 for c in summary.counts.values())


NOW = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)


def test_every_part_of_a_generated_launch_survives_a_round_trip(db, client, tmp_path):
    generate(60, seed=5, now=NOW)
    stage = FirstStage.objects.filter(previous_flight__isnull=False, landing__isnull=False).first()
    launch = Launch.objects.get(rocket_id=stage.rocket_id)
    path = f"/2.3.0/launches/{launch.id}/?format=json"
    before = client.get(path).json()
    assert before["updates"] and before["timeline"] and before["mission_patches"] and before["flightclub_url"]
    assert before["rocket"]["launcher_stage"][0]["landing"] and before["rocket"]["spacecraft_stage"]
    (tmp_path / "later.json").write_bytes(client.get(path).content)
    previous = client.get(f"/2.3.0/launches/{stage.previous_flight_id}/?format=json").content
    clear_catalog()

    # Its first stage's previous flight is not stored yet: the link waits for it.
    summary = import_paths([str(tmp_path / "later.json")])
    assert FirstStage.objects.get(id=stage.id).previous_flight_id is None
    assert PendingLink.objects.filter(spec="FirstStage", object_id=str(stage.id)).exists()
    assert any("wait for objects not imported yet" in w for w in summary.warnings)

    (tmp_path / "earlier.json").write_bytes(previous)
    import_paths([str(tmp_path / "earlier.json")])
    assert FirstStage.objects.get(id=stage.id).previous_flight_id == stage.previous_flight_id
    assert not PendingLink.objects.exists()
    after = client.get(path).json()
    for key in ("updates", "timeline", "info_urls", "vid_urls", "mission_patches", "flightclub_url"):
        assert after[key] == before[key], key
    for key in ("launcher_stage", "spacecraft_stage", "payloads"):
        assert [s["id"] for s in after["rocket"][key]] == [s["id"] for s in before["rocket"][key]], key
    # Each stage in full, but for its landing location's and its launcher's statistics (derived from the
    # two launches stored).
    for ours, theirs in zip(
        after["rocket"]["launcher_stage"], before["rocket"]["launcher_stage"], strict=True
    ):
        for stage in (ours, theirs):
            stage["landing"].pop("landing_location")
            for name in LAUNCHER_FIELDS:
                stage["launcher"].pop(name, None)
        assert ours == theirs


def test_a_stage_without_its_launch_is_refused_when_new(db, tmp_path):
    sample = json.loads((UPSTREAM / "launches_id__default__spacenerd.json").read_text())
    flight = sample["rocket"]["payloads"][0]
    flight["url"] = "https://ll.thespacedevs.com/2.3.0/payload_flights/5/"
    (tmp_path / "flight.json").write_text(json.dumps({"results": [flight]}))
    with pytest.raises(ValueError, match=r"PayloadFlight 5 is not stored yet and has no 'launch'"):
        import_paths([str(tmp_path / "flight.json")], kind="payload_flights")


@pytest.mark.parametrize("endpoint", ["updates", "mission_patches"])
def test_updates_and_mission_patches_pages_and_objects_import_as_served(db, client, tmp_path, endpoint):
    generate(30, seed=5, now=NOW)
    page_path = f"/2.3.0/{endpoint}/?format=json&limit=100"
    page = client.get(page_path).content
    results = json.loads(page)["results"]
    assert results
    one_path = f"/2.3.0/{endpoint}/{results[0]['id']}/?format=json"
    one = client.get(one_path).content
    (tmp_path / "page.json").write_bytes(page)
    (tmp_path / "one.json").write_bytes(one)
    clear_catalog()
    import_paths([str(tmp_path / "one.json")])  # recognised by its url, as the page by its next/previous
    assert client.get(one_path).content == one
    clear_catalog()
    import_paths([str(tmp_path / "page.json")])
    assert client.get(page_path).content == page


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["timeline"].append({"type": None, "relative_time": "P1M"}),
            r"\$\.timeline\[0\]\.relative_time",
        ),
        (
            lambda d: d["updates"].append({"id": 1, "comment": "no date"}),
            r"\$\.updates\[0\]: missing.*created_on",
        ),
        (
            lambda d: d["rocket"]["launcher_stage"].append({"id": 1, "type": "Core"}),
            r"launcher_stage\[0\]: missing.*launcher",
        ),
        (lambda d: d.update(mission_patches={"id": 1}), r"\$\.mission_patches: expected a list"),
    ],
)
def test_a_bad_launch_part_names_its_path_and_changes_nothing(db, tmp_path, mutate, message):
    sample = json.loads((UPSTREAM / "launches_id__default__spacenerd.json").read_text())
    mutate(sample)
    (tmp_path / "bad.json").write_text(json.dumps(sample))
    with pytest.raises(ValueError, match=message):
        import_paths([str(tmp_path / "bad.json")])
    assert not Launch.objects.exists() and not PayloadFlight.objects.exists()
