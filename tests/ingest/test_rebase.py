"""The demo's relative dates (``ingest.rebase``): every date-time of a marked file moves by whole days to
the day it is loaded, spelled as written; plain dates and unmarked files never move."""

import datetime as dt

from django.utils import timezone

from hangar.catalog.models import Launch, Update
from hangar.ingest.importing import import_demo
from hangar.ingest.rebase import RELATIVE_TO, rebase, shift


def test_date_times_move_by_whole_days_spelled_as_written():
    data = {
        "net": "2026-01-04T14:30:00Z",
        "nested": [{"created_on": "2025-12-31T12:00:00.250000+02:00"}],
        "maiden_flight": "2010-06-04",
        "name": "2026-01-04T14:30:00Z is not a date-time inside other text",
        "count": 3,
    }
    assert shift(data, 10) == {
        "net": "2026-01-14T14:30:00Z",
        "nested": [{"created_on": "2026-01-10T12:00:00.250000+02:00"}],
        "maiden_flight": "2010-06-04",
        "name": "2026-01-04T14:30:00Z is not a date-time inside other text",
        "count": 3,
    }


def test_only_a_marked_document_moves_and_loses_its_mark():
    page = {"count": 1, "results": [{"net": "2026-01-04T14:30:00Z"}]}
    assert rebase(page, dt.date(2030, 1, 1)) is page
    marked = {RELATIVE_TO: "2026-01-01T23:00:00-02:00", **page}  # 2026-01-02 in UTC
    assert rebase(marked, dt.date(2026, 1, 12)) == {"count": 1, "results": [{"net": "2026-01-14T14:30:00Z"}]}


def test_the_demo_has_upcoming_launches_whatever_the_day_it_is_loaded(db, client):
    today = dt.date(2031, 5, 20)
    import_demo(today=today)
    upcoming = Launch.objects.filter(name__contains="Hangar demo flight").order_by("net")
    first = upcoming.first()
    assert upcoming.count() == 3 and first.net.date() == today + dt.timedelta(days=3)
    assert first.net.time() == dt.time(14, 30)  # the time of day as written
    assert Update.objects.filter(launch=first).count() == 2
    assert all(u.created_on < first.net for u in Update.objects.filter(launch=first))


def test_the_demo_loaded_today_answers_upcoming_launches(db, client):
    import_demo()
    body = client.get("/2.3.0/launches/upcoming/?mode=list", HTTP_ACCEPT="application/json").json()
    assert body["count"] >= 3
    assert all(r["net"] > timezone.now().isoformat()[:10] for r in body["results"])
