"""The database-specific indexes (``catalog.search_index``), and the query plans the million-row
benchmarks depend on (SQLite, which plans without statistics)."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from hangar.catalog import search_index
from hangar.catalog.models import Spacecraft
from tests import factories

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")


def test_the_migrations_create_exactly_the_declared_search_indexes(db):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%\\_trgm"])
            found = {row[0] for row in cursor.fetchall()}
            assert found == {search_index.trigram_index(m, c) for m, c in search_index.SEARCHED}
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hangar%'")
        tables = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        indexes = {row[0] for row in cursor.fetchall()}
    declared = {search_index.trigram_table(m, c) for m, c in search_index.SEARCHED}
    # FTS5 keeps its own shadow tables beside each virtual table (…_data, …_idx, …_config, …).
    assert {t for t in tables if t in declared or not t.startswith(tuple(declared))} == (
        declared if search_index.has_fts5(connection) else set()
    )
    assert {name for name, _, _ in search_index.SQLITE_INDEXES} <= indexes


KEYS = ("flights_count", "mission_ends_count", "time_docked", "time_in_space")


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(row[-1] for row in cursor.fetchall())


@sqlite_only
@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("flags", [{}, {"in_space": False}, {"is_placeholder": False, "in_space": True}])
def test_a_status_filter_with_an_ordering_walks_an_index_in_order(
    no_planner_statistics, key, descending, flags
):
    order = F(key).desc(nulls_first=True) if descending else F(key).asc(nulls_last=True)
    tiebreak = F("id").desc() if descending else F("id").asc()
    queryset = Spacecraft.objects.filter(status_id=1, **flags).order_by(order, tiebreak).values_list("pk")
    text = plan(queryset[:10])
    assert f"spacecraft_status_{key}_idx" in text
    assert "TEMP B-TREE" not in text


@sqlite_only
@pytest.mark.parametrize("flags", [{"in_space": False}, {"is_placeholder": False}, {}])
def test_counting_a_status_with_flags_reads_one_index(no_planner_statistics, flags):
    with CaptureQueriesContext(connection) as captured:
        Spacecraft.objects.filter(status_id=4, **flags).count()
    sql = captured.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        text = " | ".join(row[-1] for row in cursor.fetchall())
    assert "SEARCH" in text
    assert "COVERING INDEX" in text


@sqlite_only
@pytest.mark.parametrize(
    "url",
    [
        "/2.3.0/spacecraft_configurations/",
        "/2.3.0/spacecraft_configuration_families/",
        "/2.3.0/agencies/?ordering=name",
    ],
)
def test_name_ordered_lists_walk_a_name_index_to_the_first_page(no_planner_statistics, client, url):
    factories.SpacecraftConfigFactory()  # a configuration, its agency and a family's worth of rows
    factories.SpacecraftConfigFamilyFactory()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    ordered = [
        q["sql"] for q in captured.captured_queries if "ORDER BY" in q["sql"] and '."name" ASC' in q["sql"]
    ]
    assert ordered, captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {ordered[0]}")
        text = " | ".join(row[-1] for row in cursor.fetchall())
    assert "_name_idx" in text
    assert "TEMP B-TREE" not in text
