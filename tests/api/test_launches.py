"""The launch endpoints' own rules: the upcoming and previous windows, default orderings, every kind of
filter (good values against what the stored rows say, bad values a 400 naming the parameter), search,
and the derived counters (docs/launches.md, docs/statistics.md)."""

import datetime as dt
from collections import defaultdict

import pytest
from django.utils import timezone

from hangar.catalog import stats
from hangar.catalog.models import FirstStage, Launch, SpacecraftFlight, VidURL
from hangar.ingest.generate import generate
from tests.http import every_result
from tests.shared import shared_data

catalog = shared_data(lambda: generate(150, seed=11))

BASE = "/2.3.0/launches/"


def _ids(results) -> set[str]:
    return {r["id"] for r in results}


def _expected(**lookups) -> set[str]:
    return {str(pk) for pk in Launch.objects.filter(**lookups).values_list("pk", flat=True)}


def test_upcoming_is_net_from_a_day_ago_soonest_first(db, client, catalog):
    now = timezone.now()
    results = every_result(client, f"{BASE}upcoming/")
    assert _ids(results) == _expected(net__gte=now - dt.timedelta(hours=24))
    nets = [r["net"] for r in results]
    assert nets == sorted(nets)
    assert any(r["net"] < now.isoformat() for r in results), "the launches of the last 24 hours"
    assert len(results) >= 6


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_hide_recent_previous_starts_the_window_at_now(db, client, catalog, value):
    results = every_result(client, f"{BASE}upcoming/", hide_recent_previous=value)
    assert results
    assert _ids(results) == _expected(net__gte=timezone.now() - dt.timedelta(seconds=30)) & _ids(results)
    assert all(
        r["net"] >= (timezone.now() - dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ") for r in results
    )
    shown = every_result(client, f"{BASE}upcoming/", hide_recent_previous="false")
    assert len(shown) == len(results) + 3  # the three generated in the last 24 hours


def test_previous_is_net_before_now_latest_first(db, client, catalog):
    results = every_result(client, f"{BASE}previous/")
    assert _ids(results) == _expected(net__lt=timezone.now())
    nets = [r["net"] for r in results]
    assert nets == sorted(nets, reverse=True)


def test_all_launches_are_in_net_order_with_an_id_tiebreaker(db, client, catalog):
    results = every_result(client, BASE)
    assert len(results) == Launch.objects.count()
    keys = [(r["net"], r["id"]) for r in results]
    assert keys == sorted(keys)


@pytest.mark.parametrize("field", ["id", "last_updated", "name", "net"])
@pytest.mark.parametrize("descending", [False, True])
def test_each_ordering(db, client, catalog, field, descending):
    results = every_result(client, BASE, ordering=f"-{field}" if descending else field)
    keys = [(r[field], r["id"]) for r in results]
    assert keys == sorted(keys, reverse=descending)


def test_a_detail_route_serves_any_launch(db, client, catalog):
    past = Launch.objects.filter(net__lt=timezone.now() - dt.timedelta(days=2)).first()
    for path in (BASE, f"{BASE}upcoming/", f"{BASE}previous/"):
        body = client.get(f"{path}{past.pk}/?format=json").json()
        assert body["id"] == str(past.pk) and body["response_mode"] == "detailed"
        assert body["url"].endswith(f"/2.3.0/launches/{past.pk}/?format=json")


def _first(model_values):
    return next(v for v in model_values if v is not None)


def _filter_cases():
    """(parameter, value builder over the catalog, expected id set builder)."""
    return {
        "lsp__id": (
            lambda: ",".join(
                map(str, sorted(set(Launch.objects.values_list("launch_service_provider", flat=True)))[:2])
            ),
            lambda v: _expected(launch_service_provider__in=v.split(",")),
        ),
        "status__ids": (lambda: "1,8", lambda v: _expected(status__in=[1, 8])),
        "status": (lambda: "3", lambda v: _expected(status=3)),
        "location__ids": (lambda: "1,2", lambda v: _expected(pad__location__in=[1, 2])),
        "pad": (lambda: "2", lambda v: _expected(pad=2)),
        "net__gte": (
            lambda: "2020-01-01T00:00:00Z",
            lambda v: _expected(net__gte=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
        ),
        "net__lt": (
            lambda: "1970-01-01",
            lambda v: _expected(net__lt=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)),
        ),
        "year": (lambda: "1969,2024", lambda v: _expected(net__year__in=[1969, 2024])),
        "month": (lambda: "3", lambda v: _expected(net__month=3)),
        "day": (lambda: "1,15", lambda v: _expected(net__day__in=[1, 15])),
        "launcher_config__id": (lambda: "1,3", lambda v: _expected(rocket__configuration__in=[1, 3])),
        "rocket__configuration__id": (lambda: "2", lambda v: _expected(rocket__configuration=2)),
        "include_suborbital": (
            lambda: "false",
            lambda v: {
                str(pk)
                for pk in Launch.objects.exclude(mission__orbit__abbrev="Sub").values_list("pk", flat=True)
            },
        ),
        "is_crewed": (
            lambda: "true",
            lambda v: {
                str(f)
                for f in SpacecraftFlight.objects.filter(launch_crew__isnull=False).values_list(
                    "launch", flat=True
                )
            },
        ),
        "serial_number": (
            lambda: "S00001,S00003",
            lambda v: {
                str(pk)
                for pk in Launch.objects.filter(
                    rocket__in=FirstStage.objects.filter(launcher__serial_number__in=v.split(",")).values(
                        "rocket"
                    )
                ).values_list("pk", flat=True)
            },
        ),
        "video_url": (
            lambda: _first(VidURL.objects.filter(launch__isnull=False).values_list("url", flat=True)),
            lambda v: {str(x) for x in VidURL.objects.filter(url=v).values_list("launch", flat=True) if x},
        ),
        "program": (lambda: "1", lambda v: _expected(program=1)),
        "spacecraft_config__ids": (
            lambda: "1,2",
            lambda v: {
                str(x)
                for x in SpacecraftFlight.objects.filter(
                    spacecraft__spacecraft_config__in=[1, 2]
                ).values_list("launch", flat=True)
            },
        ),
        "related_lsp__id": (
            lambda: "1",
            lambda v: _expected(launch_service_provider=1) | _expected(launch_service_provider__parent=1),
        ),
        "pad_launch_attempt_count__gte": (lambda: "5", lambda v: _expected(pad_launch_attempt_count__gte=5)),
        "orbital_launch_attempt_count_year__lt": (
            lambda: "3",
            lambda v: _expected(orbital_launch_attempt_count_year__lt=3),
        ),
        "last_updated__lte": (
            lambda: "1990-01-01T00:00:00Z",
            lambda v: _expected(last_updated__lte=dt.datetime(1990, 1, 1, tzinfo=dt.UTC)),
        ),
        "window_end__gt": (
            lambda: "2025-06-01T00:00:00Z",
            lambda v: _expected(window_end__gt=dt.datetime(2025, 6, 1, tzinfo=dt.UTC)),
        ),
        "mission__orbit__name__icontains": (
            lambda: "sun-SYNC",
            lambda v: _expected(mission__orbit__name__icontains="sun-sync"),
        ),
        "rocket__spacecraftflight__spacecraft__id": (
            lambda: "4",
            lambda v: {
                str(x) for x in SpacecraftFlight.objects.filter(spacecraft=4).values_list("launch", flat=True)
            },
        ),
    }


@pytest.mark.parametrize("name", sorted(_filter_cases()))
def test_each_filter_matches_what_the_rows_say(db, client, catalog, name):
    value_of, expected_of = _filter_cases()[name]
    value = value_of()
    expected = expected_of(value)
    assert expected, f"{name}={value} matches nothing in the catalog: a test that cannot fail"
    assert expected != _expected(), f"{name}={value} matches everything: a test that cannot fail"
    assert _ids(every_result(client, BASE, **{name: value.replace(" ", "%20")})) == expected


def test_id_and_launch_designator_lists(db, client, catalog):
    launches = list(Launch.objects.exclude(launch_designator=None).order_by("net")[:3])
    ids = ",".join(str(launch.pk) for launch in launches)
    assert _ids(every_result(client, BASE, id=ids)) == {str(launch.pk) for launch in launches}
    designators = ",".join(launch.launch_designator for launch in launches[:2])
    assert _ids(every_result(client, BASE, launch_designator=designators)) >= {str(launches[0].pk)}


def test_filters_combine_on_upcoming(db, client, catalog):
    results = every_result(
        client,
        f"{BASE}upcoming/",
        status__ids="1,2,8",
        net__gte=timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    assert results and all(r["status"]["id"] in (1, 2, 8) for r in results)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("lsp__id", "1,x"),
        ("status__ids", "one"),
        ("location__ids", "-1"),
        ("id", "not-a-uuid"),
        ("net__gte", "yesterday"),
        ("last_updated__lte", "2024-13-01"),
        ("year", "20x4"),
        ("month", "1.5"),
        ("is_crewed", "maybe"),
        ("include_suborbital", "yes"),
        ("pad", "pad-1"),
        ("agency_launch_attempt_count__gt", "ten"),
        ("orbital_launch_attempt_count", "99999999999"),
        ("program", "1,,a"),
        ("mode", "full"),
    ],
)
@pytest.mark.parametrize("path", [BASE, f"{BASE}upcoming/", f"{BASE}previous/"])
def test_a_bad_value_is_a_400_naming_the_parameter(db, client, catalog, path, name, value):
    response = client.get(f"{path}?format=json&{name}={value}")
    assert response.status_code == 400
    assert name in response.json()


def test_hide_recent_previous_is_validated(db, client, catalog):
    response = client.get(f"{BASE}upcoming/?format=json&hide_recent_previous=maybe")
    assert response.status_code == 400
    assert "hide_recent_previous" in response.json()


@pytest.mark.parametrize(
    ("term", "fields"),
    [
        # Only these fields hold these words in a generated catalog (names are "[SYNTHETIC] …").
        ("payload mission", ("name", "mission__name")),
        ("PAYLOAD", ("name", "mission__name")),
    ],
)
def test_search_requires_every_term_in_some_field(db, client, catalog, term, fields):
    from django.db.models import Q

    queryset = Launch.objects.all()
    for word in term.split():
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(either)
    expected = {str(pk) for pk in queryset.values_list("pk", flat=True)}
    assert expected and len(expected) < Launch.objects.count()
    assert _ids(every_result(client, BASE, search=term.replace(" ", "%20"))) == expected


def test_counters_and_pad_turnaround_follow_their_rules(db, catalog):
    rows = list(
        Launch.objects.order_by("net", "id").values(
            "id",
            "net",
            "pad",
            "pad__location",
            "launch_service_provider",
            "mission__orbit__abbrev",
            "pad_launch_attempt_count",
            "pad_launch_attempt_count_year",
            "location_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count",
            "pad_turnaround",
        )
    )
    seen = defaultdict(int)
    last_net = {}
    for row in rows:
        seen["pad", row["pad"]] += 1
        seen["pad-year", row["pad"], row["net"].year] += 1
        seen["location", row["pad__location"]] += 1
        seen["agency", row["launch_service_provider"]] += 1
        orbital = row["mission__orbit__abbrev"] != stats.launches.SUBORBITAL_ABBREV
        if orbital:
            seen["orbital"] += 1
        assert row["pad_launch_attempt_count"] == seen["pad", row["pad"]]
        assert row["pad_launch_attempt_count_year"] == seen["pad-year", row["pad"], row["net"].year]
        assert row["location_launch_attempt_count"] == seen["location", row["pad__location"]]
        assert row["agency_launch_attempt_count"] == seen["agency", row["launch_service_provider"]]
        assert row["orbital_launch_attempt_count"] == (seen["orbital"] if orbital else None)
        previous = last_net.get(row["pad"])
        assert row["pad_turnaround"] == (row["net"] - previous if previous else dt.timedelta(0))
        last_net[row["pad"]] = row["net"]
    assert any(r["mission__orbit__abbrev"] == "Sub" for r in rows), "a suborbital launch to test"


def test_recompute_changes_nothing_after_generate(db, catalog):
    assert stats.launches.recompute() == 0


def test_updates_are_newest_first_and_filter_by_launch(db, client, catalog):
    body = client.get("/2.3.0/updates/?format=json&limit=100").json()
    created = [u["created_on"] for u in body["results"]]
    assert created and created == sorted(created, reverse=True)
    launch = Launch.objects.filter(updates__isnull=False).first()
    mine = client.get(f"/2.3.0/updates/?format=json&launch={launch.pk}").json()["results"]
    assert {u["id"] for u in mine} == set(launch.updates.values_list("id", flat=True))
    assert client.get("/2.3.0/updates/?launch=nope").status_code == 400


def test_mission_patches_filter_by_ids_and_agency(db, client, catalog):
    body = client.get("/2.3.0/mission_patches/?format=json&ids=11,12").json()
    assert {p["id"] for p in body["results"]} == {11, 12}
    body = client.get("/2.3.0/mission_patches/?format=json&agency__id=1").json()
    assert body["results"] and all(p["agency"]["id"] == 1 for p in body["results"])
    assert client.get("/2.3.0/mission_patches/?ids=1,b").status_code == 400
