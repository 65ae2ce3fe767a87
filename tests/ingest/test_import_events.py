"""Events in every mode survive a round trip: what Hangar serves, imported into an empty catalog, is
served again byte for byte; and the limits of the leaner shapes are said, not papered over."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from hangar.catalog.models import Astronaut, Event, InfoURL, Update
from hangar.ingest.generate import generate
from hangar.ingest.importing import ImportFailed, import_paths
from tests.http import get, ids
from tests.round_trip import round_trip

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_event_pages_round_trip(db, client, tmp_path, mode):
    generate(30, seed=4, now=NOW)
    list_url = f"/2.3.0/events/?format=json&mode={mode}&limit=100"
    details = [f"/2.3.0/events/upcoming/{pk}/?format=json&mode={mode}" for pk in ids(client, list_url)[:5]]
    # The astronauts events name (AstronautNormal has no type) come first, in a fuller shape.
    astronauts = "/2.3.0/astronauts/?format=json&mode=normal&limit=100"
    before, after = round_trip(client, [astronauts, list_url, *details], tmp_path)
    results = before[list_url]["results"]
    assert len(results) == Event.objects.count() and any(r["info_urls"] for r in results)
    for url in (list_url, *details):  # the astronauts' own derived values are test_import_people's
        assert after[url] == before[url], url
    assert Update.objects.filter(event__isnull=False).exists() == (mode != "list")


def test_a_re_import_replaces_an_events_links_and_updates(db, client, tmp_path):
    generate(30, seed=4, now=NOW)
    event = Event.objects.filter(updates__isnull=False).first()
    body = get(client, f"/2.3.0/events/{event.pk}/?format=json&mode=normal")
    body["info_urls"] = body["info_urls"][:1]
    body["updates"] = body["updates"][1:]
    body["name"] = "Renamed"
    (tmp_path / "event.json").write_text(json.dumps(body))
    import_paths([str(tmp_path)])
    event.refresh_from_db()
    assert event.name == "Renamed"
    assert InfoURL.objects.filter(event=event).count() == 1
    assert [u["id"] for u in body["updates"]] == list(event.updates.values_list("id", flat=True))


def _event(**extra) -> dict:
    return {
        "id": 77,
        "url": "http://x.invalid/2.3.0/events/77/",
        "name": "Static fire",
        "slug": "static-fire",
        "type": {"id": 3, "name": "Static Fire"},
        "date": "2030-01-01T00:00:00Z",
        **extra,
    }


def test_a_list_mode_event_gets_the_time_of_import_as_last_updated(db, tmp_path):
    (tmp_path / "e.json").write_text(json.dumps({"count": 1, "next": None, "results": [_event()]}))
    started = timezone.now()
    import_paths([str(tmp_path)])
    event = Event.objects.get(pk=77)
    assert event.last_updated >= started and event.type.name == "Static Fire" and event.duration is None


def test_an_unknown_astronaut_in_an_event_is_a_clear_failure(db, tmp_path):
    astronaut = {"id": 5, "name": "A", "status": {"id": 1, "name": "Active"}, "agency": None, "image": None}
    (tmp_path / "e.json").write_text(json.dumps(_event(astronauts=[astronaut])))
    message = r"\$\.astronauts\[0\]: Astronaut 5 is not stored yet and has no 'type'"
    with pytest.raises(ImportFailed, match=message):
        import_paths([str(tmp_path)])
    assert not Event.objects.exists() and not Astronaut.objects.exists()


def test_the_dashboards_own_parts_import_and_serve_again(db, client, tmp_path):
    from hangar.catalog.models import Notice, RoadClosure

    generate(30, seed=4, now=NOW)
    closures = [
        {"id": c.pk, "title": c.title, "status": {"id": c.status_id, "name": c.status.name},
         "window_start": c.window_start.isoformat(), "window_end": c.window_end.isoformat()}
        for c in RoadClosure.objects.all()
    ]  # fmt: skip
    notices = get(client, "/2.3.0/dashboard/starship/?format=json&limit=100")["notices"]
    lookups = ["config/road_closure_statuses", "config/notice_types"]
    before = get(client, "/2.3.0/dashboard/starship/?format=json&limit=100")
    for lookup in lookups:
        (tmp_path / f"{lookup[7:]}.json").write_bytes(client.get(f"/2.3.0/{lookup}/?format=json").content)
    for name, rows in (("closures", closures), ("notices", notices)):
        (tmp_path / f"{name}.json").write_text(
            json.dumps({"count": len(rows), "next": None, "results": rows})
        )
    RoadClosure.objects.all().delete()
    Notice.objects.all().delete()
    for lookup in lookups:
        import_paths([str(tmp_path / f"{lookup[7:]}.json")], kind=lookup)
    import_paths([str(tmp_path / "closures.json")], kind="RoadClosure")
    import_paths([str(tmp_path / "notices.json")], kind="Notice")
    after = get(client, "/2.3.0/dashboard/starship/?format=json&limit=100")
    assert after["road_closures"] == before["road_closures"] and after["notices"] == before["notices"]
    assert RoadClosure.objects.count() == len(closures)
