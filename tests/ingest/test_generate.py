"""``hangar generate``: a deterministic, clearly synthetic catalog that the API serves like real data."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hangar.catalog import stats, versioning
from hangar.catalog.lookups import sqlite_lower
from hangar.catalog.models import (
    DockingEvent,
    Image,
    Landing,
    Launch,
    LauncherConfig,
    Mission,
    Pad,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftFlight,
)
from hangar.ingest.generate import GenerateError, generate
from hangar.ingest.generate_flights import LAST_LAUNCH
from hangar.ingest.generate_launches import CREWED_BASE
from tests import factories
from tests.openapi import errors

# A fixed clock: derived values of flights still in space depend on it.
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def snapshot():
    return (
        list(Spacecraft.objects.order_by("id").values_list()),
        list(SpacecraftConfig.objects.order_by("id").values_list()),
        list(Image.objects.order_by("id").values_list()),
        list(
            SpacecraftConfig.family.through.objects.order_by("id").values_list(
                "spacecraftconfig", "spacecraftconfigfamily"
            )
        ),
        list(SpacecraftFlight.objects.order_by("id").values_list()),
        list(Launch.objects.order_by("id").values_list()),
        list(Landing.objects.order_by("id").values_list()),
        list(Mission.objects.order_by("id").values_list()),
        list(DockingEvent.objects.order_by("id").values_list()),
    )


def test_the_same_seed_gives_the_same_catalog(db):
    # The payload launches' schedule follows the clock it is anchored on (ingest.generate_launches).
    generate(60, seed=3, now=NOW, schedule_from=NOW)
    first = snapshot()
    generate(60, seed=3, replace=True, now=NOW, schedule_from=NOW)
    assert snapshot() == first
    generate(60, seed=4, replace=True, now=NOW, schedule_from=NOW)
    assert snapshot() != first


DERIVED = {
    Spacecraft: stats.SPACECRAFT_FIELDS,
    SpacecraftConfig: stats.CONFIG_FIELDS,
    SpacecraftFlight: ("duration", "turn_around_time"),
}


def derived_values():
    return {model: list(model.objects.order_by("id").values_list("id", *f)) for model, f in DERIVED.items()}


def test_stored_derived_values_are_what_recompute_stores(db):
    generate(1500, seed=5, now=NOW)
    generated = derived_values()
    assert stats.recompute(now=NOW) > 1000
    assert derived_values() == generated


def test_flights_come_at_upstream_proportions(db):
    counts = generate(2000, seed=1, now=NOW)
    flown = Spacecraft.objects.filter(flights_count__gt=0)
    per_craft = list(flown.values_list("flights_count", flat=True))
    # The dressed payload launches' crewed flights (ingest.generate_launches) come on top.
    flights = SpacecraftFlight.objects.filter(id__lt=CREWED_BASE).count()
    flight_launches = Launch.objects.filter(spacecraft_flights__id__lt=CREWED_BASE).distinct().count()
    assert counts["flights"] == flights == flight_launches
    assert Launch.objects.count() == flights + counts["payload launches"]
    assert Landing.objects.filter(spacecraft_flights__id__lt=CREWED_BASE).count() == flights
    assert 1.1 < flights / len(per_craft) < 1.8  # mostly single use
    assert per_craft.count(1) / len(per_craft) > 0.8
    assert max(per_craft) >= 5  # a few reused many times
    assert 0.01 < flown.filter(in_space=True).count() / len(per_craft) < 0.06  # a small share still up
    docked = SpacecraftFlight.objects.filter(docking_events__isnull=False).distinct().count()
    assert 0.6 < docked / flights < 0.85  # most flights dock
    assert Pad.objects.count() < 20 and LauncherConfig.objects.count() < 20  # a small shared pool
    assert not Launch.objects.filter(spacecraft_flights__id__lt=CREWED_BASE, net__gt=LAST_LAUNCH).exists()
    assert Launch.objects.exclude(name__startswith="[SYNTHETIC] ").count() == 0
    assert SpacecraftFlight.objects.filter(spacecraft__is_placeholder=True).count() == 0
    assert SpacecraftConfig.objects.filter(total_launch_count__gt=0).count() > 0


def test_derived_values_obey_the_invariants_and_everything_is_marked(db):
    generate(400, seed=1, now=NOW)
    assert Spacecraft.objects.count() == 400
    for craft in Spacecraft.objects.all():
        assert craft.name.startswith("[SYNTHETIC] ")
        assert "Synthetic" in craft.description
        if craft.is_placeholder:
            assert craft.flights_count is None and craft.time_in_space is None
            continue
        assert 0 <= craft.mission_ends_count <= craft.flights_count
        assert craft.time_docked <= craft.time_in_space
        assert (craft.fastest_turnaround is not None) == (craft.flights_count >= 2)
        assert not craft.in_space or craft.mission_ends_count == craft.flights_count - 1
    flights = list(Spacecraft.objects.values_list("flights_count", flat=True))
    assert len(set(flights)) > 3  # a spread, not one value


def test_it_refuses_a_non_empty_catalog_unless_replacing(db):
    factories.SpacecraftFactory(id=1)
    with pytest.raises(GenerateError, match="--replace"):
        generate(10)
    assert list(Spacecraft.objects.values_list("id", flat=True)) == [1]
    generate(10, replace=True)
    assert Spacecraft.objects.count() == 10


def test_it_bumps_the_data_version(db):
    before = versioning.current()[0]
    generate(5)
    assert versioning.current()[0] == before + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--spacecraft", "0"], "invalid count"), (["--spacecraft", "x"], "invalid count"), ([], "required")],
)
def test_bad_arguments_are_one_clear_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate", *args)


def test_the_command_refuses_a_non_empty_catalog(db):
    call_command("generate", "--spacecraft", "3", verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("generate", "--spacecraft", "3", verbosity=0)


@pytest.fixture
def generated(db):
    generate(300, seed=2, now=NOW)


def test_the_api_serves_a_generated_catalog_to_the_official_schema(client, generated):
    body = client.get("/2.3.0/spacecraft/?limit=100&offset=90&format=json").json()
    assert body["count"] == 300 and len(body["results"]) == 100
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []


def test_generated_detailed_pages_validate_strictly(client, generated):
    body = client.get("/2.3.0/spacecraft/?mode=detailed&limit=30&format=json").json()
    assert len(body["results"]) == 30 and any(len(s["flights"]) > 1 for s in body["results"])
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []
    for mode in ("normal", "detailed"):
        body = client.get(f"/2.3.0/spacecraft_flights/?mode={mode}&limit=30&format=json").json()
        assert len(body["results"]) == 30
        assert errors("PaginatedPolymorphicSpacecraftFlightEndpointList", body) == []
    docked = SpacecraftFlight.objects.filter(docking_events__isnull=False).values_list("id", flat=True)[0]
    body = client.get(f"/2.3.0/spacecraft_flights/{docked}/?format=json").json()
    assert body["docking_events"] and errors("SpacecraftFlightDetailed", body) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's visibility map")
@pytest.mark.django_db(transaction=True)
def test_generate_vacuums_the_spacecraft_table_on_postgresql():
    generate(30, seed=1, now=NOW)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'catalog_spacecraft'"
        )
        last_vacuum, last_analyze = cursor.fetchone()
    assert last_vacuum is not None and last_analyze is not None


def folded_matches(term: str) -> int:
    """Spacecraft whose name or configuration name holds ``term``, by ``ifold``'s rule in Python."""
    rows = Spacecraft.objects.values_list("name", "spacecraft_config__name")
    return sum(any(term in sqlite_lower(name) for name in names) for names in rows)


def test_replacing_a_catalog_keeps_search_counts_exact(db, client):
    generate(60, seed=3, now=NOW)
    generate(80, seed=4, replace=True, now=NOW)
    Spacecraft.objects.filter(pk=1).update(name="Renamed After Replace")
    versioning.bump()
    for term in ("soyuz", "dragon", "renamed after", "progress"):
        body = client.get("/2.3.0/spacecraft/", {"search": term}).json()
        assert body["count"] == folded_matches(term), term
    assert folded_matches("renamed after") == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics")
def test_generate_gives_sqlite_statistics_for_the_spacecraft_table_only(db):
    generate(40, seed=1, now=NOW)
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        assert [row[0] for row in cursor.fetchall()] == [Spacecraft._meta.db_table]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table locks")
def test_replacing_the_catalog_never_locks_readers_out(db):
    """``generate --replace`` empties the catalog inside its one transaction: another connection must
    still read every table meanwhile (TRUNCATE's ACCESS EXCLUSIVE lock would hold it until commit)."""
    import psycopg

    from hangar.ingest.generate import clear_catalog

    generate(5, seed=1, now=NOW)
    clear_catalog()  # in this test's transaction, not committed
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
    ) as reader:
        reader.execute("SET lock_timeout = '2s'")
        for model in (Spacecraft, Launch):  # a table the catalog deletes from, a large one
            reader.execute(f"SELECT count(*) FROM {model._meta.db_table}").fetchone()
