"""The event endpoints' own rules: the upcoming and previous windows (24 hours back, and
``hide_recent_previous``), default modes and orderings, every filter of the official file (good values
against what the stored rows say, bad values a 400 naming the parameter), search and ordering."""

import datetime as dt

import pytest
from django.utils import timezone

from hangar.catalog.models import Event, VidURL
from hangar.ingest.generate import generate
from hangar.ingest.generate_events import RECENT_HOURS
from tests.http import every_result
from tests.shared import shared_data

catalog = shared_data(lambda: generate(150, seed=12))

BASE = "/2.3.0/events/"
PATHS = [BASE, f"{BASE}upcoming/", f"{BASE}previous/"]


def _ids(results) -> set[int]:
    return {r["id"] for r in results}


def _expected(**lookups) -> set[int]:
    return set(Event.objects.filter(**lookups).values_list("pk", flat=True))


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_upcoming_is_from_a_day_ago_soonest_first(db, client, catalog):
    now = timezone.now()
    results = every_result(client, f"{BASE}upcoming/")
    assert _ids(results) == _expected(date__gte=now - dt.timedelta(hours=24))
    dates = [_utc(r["date"]) for r in results]
    assert dates == sorted(dates)
    assert sum(d < now for d in dates) == len(RECENT_HOURS), "the events of the last 24 hours"
    assert sum(d >= now for d in dates) >= 4


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_hide_recent_previous_starts_the_window_at_now(db, client, catalog, value):
    hidden = every_result(client, f"{BASE}upcoming/", hide_recent_previous=value)
    assert hidden and all(_utc(r["date"]) >= timezone.now() - dt.timedelta(minutes=5) for r in hidden)
    shown = every_result(client, f"{BASE}upcoming/", hide_recent_previous="false")
    assert _ids(shown) - _ids(hidden) == _expected(
        date__lt=timezone.now(), date__gte=timezone.now() - dt.timedelta(hours=24)
    )
    assert len(shown) == len(hidden) + len(RECENT_HOURS)


@pytest.mark.parametrize("value", ["maybe", "yes", "2"])
def test_hide_recent_previous_is_validated(db, client, catalog, value):
    response = client.get(f"{BASE}upcoming/?format=json&hide_recent_previous={value}")
    assert response.status_code == 400
    assert "hide_recent_previous" in response.json()


def test_previous_is_before_now_latest_first(db, client, catalog):
    results = every_result(client, f"{BASE}previous/")
    assert _ids(results) == _expected(date__lt=timezone.now())
    dates = [_utc(r["date"]) for r in results]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] > timezone.now() - dt.timedelta(hours=24), "the recent ones open the list"


def test_all_events_in_date_order_the_undated_last(db, client, catalog):
    results = every_result(client, BASE)
    assert len(results) == Event.objects.count()
    assert results[-1]["date"] is None and all(r["date"] for r in results[:-1])
    keys = [(_utc(r["date"]), r["id"]) for r in results[:-1]]
    assert keys == sorted(keys)
    assert not {r["id"] for r in results if r["date"] is None} & _ids(
        every_result(client, f"{BASE}upcoming/") + every_result(client, f"{BASE}previous/")
    ), "an undated event is in neither window"


def _key(result, field):
    return (result[field] is None, result[field] and _utc(result[field]))


@pytest.mark.parametrize("field", ["date", "last_updated"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("path", PATHS)
def test_each_ordering_with_an_id_tiebreaker(db, client, catalog, path, field, descending):
    results = every_result(client, path, mode="normal", ordering=f"-{field}" if descending else field)
    assert len(results) > 5
    # NULLs last ascending, first descending (as PostgreSQL places them).
    keys = [(_key(r, field), r["id"]) for r in results]
    assert keys == sorted(keys, reverse=descending)


def test_an_unknown_ordering_field_is_ignored(db, client, catalog):
    assert [r["id"] for r in every_result(client, BASE, ordering="name")] == [
        r["id"] for r in every_result(client, BASE)
    ]


@pytest.mark.parametrize(("term", "matches"), [("docking", "Docking"), ("STATIC fire", "Static fire")])
@pytest.mark.parametrize("path", PATHS)
def test_search_reads_the_name(db, client, catalog, path, term, matches):
    results = every_result(client, path, search=term.replace(" ", "%20"))
    assert results
    assert all(matches in r["name"] for r in results)
    everything = _ids(every_result(client, path))
    assert _ids(results) == {pk for pk in _expected(name__icontains=matches) if pk in everything}


def test_modes_default_to_normal_on_lists_and_detailed_on_details(db, client, catalog):
    event = Event.objects.filter(date__lt=timezone.now() - dt.timedelta(days=2)).first()
    for path in PATHS:
        page = client.get(f"{path}?format=json&limit=1").json()
        assert page["results"][0]["response_mode"] == "normal"
        body = client.get(f"{path}{event.pk}/?format=json").json()  # any event, whatever the window
        assert body["id"] == event.pk and body["response_mode"] == "detailed"
        assert body["url"].endswith(f"/2.3.0/events/{event.pk}/?format=json")
    response = client.get(f"{BASE}?format=json&mode=full")
    assert response.status_code == 400 and "mode" in response.json()


def test_the_first_page_shows_every_part(db, client, catalog):
    first = client.get(f"{BASE}upcoming/?format=json&mode=detailed&limit=1").json()["results"][0]
    for key in ("info_urls", "vid_urls", "updates", "agencies", "launches", "expeditions", "spacestations"):
        assert len(first[key]) == 2, key
    assert len(first["program"]) == 2 and len(first["astronauts"]) == 2
    assert first["image"] and first["date_precision"] and first["duration"].startswith("PT")


def _video_url():
    return VidURL.objects.filter(event__isnull=False).order_by("event", "position").first().url


def _filter_cases():
    """parameter → (its value over the catalog, the ids it must match)."""
    june_2000 = dt.datetime(2000, 6, 1, tzinfo=dt.UTC)
    return {
        "agency__ids": (lambda: "1,3", lambda v: _expected(agencies__in=[1, 3])),
        "date__gt": (lambda: "2000-06-01T00:00:00Z", lambda v: _expected(date__gt=june_2000)),
        # Upstream's file describes date__gt__lt as "Date is less than".
        "date__gt__lt": (lambda: "2000-06-01", lambda v: _expected(date__lt=june_2000)),
        "date__gte": (lambda: "2000-06-01T00:00:00Z", lambda v: _expected(date__gte=june_2000)),
        "date__lte": (lambda: "2000-06-01T00:00:00Z", lambda v: _expected(date__lte=june_2000)),
        "day": (lambda: "1,15,28", lambda v: _expected(date__day__in=[1, 15, 28])),
        "id": (lambda: "1,4,9", lambda v: _expected(id__in=[1, 4, 9])),
        "last_updated__gte": (
            lambda: "2010-01-01T00:00:00Z",
            lambda v: _expected(last_updated__gte=dt.datetime(2010, 1, 1, tzinfo=dt.UTC)),
        ),
        "last_updated__lte": (
            lambda: "2010-01-01T00:00:00Z",
            lambda v: _expected(last_updated__lte=dt.datetime(2010, 1, 1, tzinfo=dt.UTC)),
        ),
        "month": (lambda: "3,4,5", lambda v: _expected(date__month__in=[3, 4, 5])),
        "program": (lambda: "1", lambda v: _expected(program=1)),
        "slug": (lambda: "synthetic-event-7", lambda v: _expected(slug=v)),
        "type": (lambda: "2", lambda v: _expected(type=2)),
        "type__ids": (lambda: "1,3", lambda v: _expected(type__in=[1, 3])),
        "video_url": (_video_url, lambda v: _expected(vid_urls__url=v)),
        "year": (
            lambda: ",".join(str(y) for y in range(1965, 2000)),
            lambda v: _expected(date__year__lt=2000),
        ),
    }


def test_every_documented_filter_has_a_case():
    from hangar.api.filters.event import EventFilterSet, EventUpcomingFilterSet

    assert set(EventFilterSet.base_filters) == set(_filter_cases())
    assert set(EventUpcomingFilterSet.base_filters) == {*_filter_cases(), "hide_recent_previous"}


@pytest.mark.parametrize("name", sorted(_filter_cases()))
def test_each_filter_matches_what_the_rows_say(db, client, catalog, name):
    value_of, expected_of = _filter_cases()[name]
    value = value_of()
    expected = expected_of(value)
    assert expected, f"{name}={value} matches nothing in the catalog: a test that cannot fail"
    assert expected != _expected(), f"{name}={value} matches everything: a test that cannot fail"
    assert _ids(every_result(client, BASE, **{name: value})) == expected


@pytest.mark.parametrize("path", PATHS[1:])
def test_filters_apply_within_the_windows(db, client, catalog, path):
    everything = _ids(every_result(client, path))
    assert _ids(every_result(client, path, type__ids="1,3")) == _expected(type__in=[1, 3]) & everything


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("agency__ids", "1,x"),
        ("date__gt", "yesterday"),
        ("date__gt__lt", "2024-13-01"),
        ("date__gte", "12:00"),
        ("date__lte", "2024-01-32"),
        ("day", "1.5"),
        ("id", "-1"),
        ("last_updated__gte", "now"),
        ("last_updated__lte", "2024/01/01"),
        ("month", "march"),
        ("program", "1,,a"),
        ("type", "docking"),
        ("type__ids", "2,b"),
        ("year", "20x4"),
    ],
)
@pytest.mark.parametrize("path", PATHS)
def test_a_bad_value_is_a_400_naming_the_parameter(db, client, catalog, path, name, value):
    response = client.get(f"{path}?format=json&{name}={value}")
    assert response.status_code == 400
    assert name in response.json()


@pytest.mark.parametrize("path", ["/2.3.0/config/event_types/", "/2.3.0/config/event_types/2/"])
def test_event_types_lookup(db, client, catalog, path):
    body = client.get(f"{path}?format=json").json()
    assert (body["results"][1] if "results" in body else body) == {"id": 2, "name": "Spacewalk"}
