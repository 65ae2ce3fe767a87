"""Search on /2.3.0/spacecraft/: ``ifold``'s results (with SQLite's ASCII shortcut) on every database."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from rest_framework.filters import search_smart_split

from hangar.catalog import versioning
from hangar.catalog.lookups import sqlite_lower
from hangar.catalog.models import Spacecraft
from hangar.catalog.signals import batched
from tests import factories

URL = "/2.3.0/spacecraft/"

NAMES = {
    # id: (spacecraft name, configuration name)
    1: ("Soyuz T-10", "Soyuz T"),
    2: ("SOYUZ tm-1", "Soyuz TM"),
    3: ("Прогресс М-19", "Прогресс М"),
    4: ("\u212aelvin probe", "Probe"),  # KELVIN SIGN lowers to ASCII k
    5: ("\u0130stanbul One", "Turkish"),  # İ lowers to i here as on PostgreSQL
    6: ("100%_done", "Percent"),
    7: ("Ärger", "Umlaut"),
    8: ("神舟十二号", "神舟"),
    9: ('Quote "Q" *star* [x]', "Dragon 1"),
    10: ("ΟΔΟΣ", "Sigma"),
    11: ("Dragon C110", "Dragon 1"),
    12: ("Dragon C206", "Dragon 2"),
}


@pytest.fixture
def catalog(db):
    with batched():
        configs = {}
        for pk, (name, config_name) in NAMES.items():
            config = configs.get(config_name) or factories.SpacecraftConfigFactory(
                id=100 + pk, name=config_name
            )
            configs[config_name] = config
            factories.SpacecraftFactory(id=pk, name=name, spacecraft_config=config)


def by_definition(term: str) -> list[int]:
    """``ifold``'s rule, in Python: every term is a folded substring of the name or the config name."""
    terms = search_smart_split(term)  # DRF's own split: spaces, commas and quoted phrases
    folded = [sqlite_lower(t) for t in terms]
    return [
        pk
        for pk, names in sorted(NAMES.items())
        if all(any(t in sqlite_lower(name) for name in names) for t in folded)
    ]


def search_ids(client, term: str) -> list[int]:
    response = client.get(URL, {"search": term, "limit": 100})
    assert response.status_code == 200, response.content
    body = response.json()
    ids = [r["id"] for r in body["results"]]
    assert body["count"] == len(ids)  # the count (trigram-narrowed on SQLite) agrees with the rows
    return ids


TERMS = [
    "soyuz",
    "SOYUZ T",
    "oyu",
    "yu",
    "t",
    "1",
    "dragon 1",
    "dragon,2",
    "прогресс",
    "ПРОГРЕСС м-1",
    "kelvin",
    "elv",
    "istanbul",
    "İstanbul",
    "i",
    "100%",
    "%_d",
    "_do",
    "ärger",
    "神舟",
    "神舟十",
    '"q"',
    '"Q" *star*',
    "*st",
    "[x]",
    "ΟΔΟΣ",  # final sigma: Python lowers it to U+03C2, PostgreSQL to U+03C3; whole words agree
    "nothing-like-this",
    "ragon c1",
    '"ragon c2"',  # a quoted phrase is one term, space included
    '"SOYUZ T-"',
]


@pytest.mark.parametrize("term", TERMS)
def test_search_gives_ifolds_results(client, catalog, term):
    expected = by_definition(term)
    assert search_ids(client, term) == expected
    # And the unindexed lookup agrees (the definition the indexed path must keep).
    lookup = Q()
    for t in search_smart_split(term):
        lookup &= Q(name__ifold=t) | Q(spacecraft_config__name__ifold=t)
    assert list(Spacecraft.objects.filter(lookup).order_by("id").values_list("id", flat=True)) == expected


@pytest.mark.parametrize("term", ['"', '""', "'", "***", "a OR b", "NEAR(x)", "(((", "\\"])
def test_odd_terms_are_not_server_errors(client, catalog, term):
    assert search_ids(client, term) == by_definition(term)


def test_a_nul_character_is_a_400(client, catalog):
    response = client.get(URL, {"search": "a\x00bc"})
    assert response.status_code == 400
    assert response.json() == {"search": ["NUL characters are not allowed."]}


def count_query(client, term: str) -> tuple[int, str]:
    """The count a search answers, and the SQL of the query that counted it."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"search": term, "nocache": term})
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1, captured.captured_queries
    return response.json()["count"], counts[0]


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's trigram tables")


@sqlite_only
@pytest.mark.parametrize("term", ["soyuz", "ПРОГРЕСС м-1", "kelvin", "dragon 1", '"Q" *star*', "100%"])
def test_on_sqlite_a_search_count_reads_only_the_rows_its_trigrams_point_at(
    client, catalog, no_planner_statistics, term
):
    count, sql = count_query(client, term)
    assert count == len(by_definition(term))
    assert "MATCH" in sql
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = " | ".join(row[-1] for row in cursor.fetchall())
    assert "SCAN catalog_spacecraft" not in plan.replace("SCAN catalog_spacecraftconfig", "")
    assert "VIRTUAL TABLE INDEX" in plan


@sqlite_only
@pytest.mark.parametrize("term", ["yu", "t", "1", "神舟"])
def test_terms_too_short_for_a_trigram_count_every_row(client, catalog, term):
    count, sql = count_query(client, term)
    assert count == len(by_definition(term))
    assert "MATCH" not in sql


def test_search_counts_follow_inserts_renames_and_deletes(client, catalog):
    # The trigram tables are kept by triggers (SQLite); the counts must follow every kind of write.
    # Bulk writes send no signals; imports bump the data version themselves, as this does.
    template = Spacecraft.objects.get(id=1)
    config = factories.SpacecraftConfigFactory(id=200, name="Shenzhou")
    Spacecraft.objects.bulk_create(
        [
            factories.SpacecraftFactory.build(
                id=20 + i, name=f"Tianzhou {i}", spacecraft_config=config, image=None, status=template.status
            )
            for i in range(3)
        ]
    )
    versioning.bump()
    assert count_query(client, "tianzhou")[0] == 3
    assert count_query(client, "shenzhou")[0] == 3  # through the configuration's name
    Spacecraft.objects.filter(id=20).update(name="Mengzhou")
    config.name = "Xuntian"
    config.save()
    Spacecraft.objects.filter(id=21).delete()
    versioning.bump()
    assert count_query(client, "tianzhou")[0] == 1
    assert count_query(client, "mengzhou")[0] == 1
    assert count_query(client, "shenzhou")[0] == 0
    assert count_query(client, "xuntian")[0] == 2
    assert count_query(client, "soyuz")[0] == len(by_definition("soyuz"))


AGENCIES = {
    # id: (name, abbrev)
    1: ("Roscosmos", "RFSA"),
    2: ("Space Exploration Technologies Corp.", "SpX"),
    3: ("Государственная корпорация", "ГК"),
    4: ("\u0130stanbul Uzay", "IUZ"),
}
# The other searchable endpoints: names and their agency's (manufacturer's) name and abbreviation.
OTHER_ENDPOINTS = ["spacecraft_configurations", "spacecraft_configuration_families", "agencies"]


@pytest.fixture
def other_catalog(db):
    with batched():
        agencies = {pk: factories.AgencyFactory(id=pk, name=n, abbrev=a) for pk, (n, a) in AGENCIES.items()}
        names = ["Soyuz MS", "Dragon 2", "Прогресс МС", "Starship", "Crew Dragon", "Orel"]
        for i, name in enumerate(names):
            agency = agencies[1 + i % len(agencies)]
            factories.SpacecraftConfigFactory(id=300 + i, name=name, agency=agency)
            factories.SpacecraftConfigFamilyFactory(id=400 + i, name=f"{name} family", manufacturer=agency)
        factories.SpacecraftConfigFamilyFactory(id=499, name="Orphan family", manufacturer=None)


def other_expected(endpoint: str, term: str) -> int:
    from hangar.catalog.models import Agency, SpacecraftConfig, SpacecraftConfigFamily

    if endpoint == "agencies":
        rows = [(a.name, a.abbrev) for a in Agency.objects.all()]
    else:
        model, relation = (
            (SpacecraftConfig, "agency")
            if endpoint == "spacecraft_configurations"
            else (SpacecraftConfigFamily, "manufacturer")
        )
        rows = [
            (name, agency_name or "", abbrev or "")
            for name, agency_name, abbrev in model.objects.values_list(
                "name", f"{relation}__name", f"{relation}__abbrev"
            )
        ]
    folded = [sqlite_lower(t) for t in search_smart_split(term)]
    return sum(all(any(t in sqlite_lower(text) for text in row) for t in folded) for row in rows)


@pytest.mark.parametrize("endpoint", OTHER_ENDPOINTS)
@pytest.mark.parametrize(
    "term", ["dragon", "ROSCOSMOS", "rfs", "spx", "государ", "istanbul", "family", "sp", "dragon 2"]
)
def test_other_endpoints_count_their_searches_exactly(client, other_catalog, endpoint, term):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/2.3.0/{endpoint}/", {"search": term, "limit": 100})
    body = response.json()
    assert body["count"] == len(body["results"]) == other_expected(endpoint, term)
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    if connection.vendor == "sqlite" and len(term) >= 3:
        assert "MATCH" in counts[0]  # through the trigram tables


@sqlite_only
def test_without_the_trigram_tables_counts_read_every_row_and_stay_exact(client, catalog):
    # An SQLite without FTS5's trigram tokenizer gets no tables (catalog.search_index); search still counts.
    from hangar.api.filters import backends as filters
    from hangar.catalog import search_index

    with connection.cursor() as cursor:  # inside the test's transaction: rolled back after it
        editor = SimpleNamespace(connection=connection, execute=cursor.execute)
        search_index.drop(editor, sqlite_indexes=())
    filters._TRIGRAM_TABLES.clear()
    try:
        for term in ("soyuz", "dragon 1", "прогресс"):
            count, sql = count_query(client, term)
            assert count == len(by_definition(term))
            assert "MATCH" not in sql
    finally:
        filters._TRIGRAM_TABLES.clear()
