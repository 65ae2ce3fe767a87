"""Search through the SQLite trigram tables (``catalog.search``): the same results as ``ifold``, kept current.

On PostgreSQL the search takes the plain ``ifold`` path, so the result tests check it gives the same
answers there; the tests of the tables themselves only apply to SQLite.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.forms.models import model_to_dict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.filters import search_smart_split

from hangar.catalog import search
from hangar.catalog.lookups import sqlite_lower
from hangar.catalog.models import Spacecraft, SpacecraftConfig
from hangar.ingest.generate import generate
from hangar.ingest.importing import import_paths
from tests import factories
from tests.conftest import SEED_FILE

URL = "/2.3.0/spacecraft/"
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's trigram tables")

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
    configs = {}
    for pk, (name, config_name) in NAMES.items():
        config = configs.get(config_name) or factories.SpacecraftConfigFactory(id=100 + pk, name=config_name)
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
    return [r["id"] for r in response.json()["results"]]


def index_rows(model) -> list[tuple[int, str]]:
    table = search.trigram_table(model, "name", connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, folded FROM {table} ORDER BY rowid")
        return cursor.fetchall()


def assert_index_current():
    if connection.vendor != "sqlite":
        return
    for model in (Spacecraft, SpacecraftConfig):
        rows = model.objects.order_by("id").values_list("id", "name")
        expected = [(pk, sqlite_lower(name)) for pk, name in rows]
        assert index_rows(model) == expected


TERMS = [
    "soyuz",
    "SOYUZ T",
    "oyu",  # exactly 3 characters: the shortest indexed term
    "yu",  # 2 characters: no trigram, the plain lookup
    "t",
    "1",
    "dragon 1",  # one indexed term and one short one
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
    "神舟",  # 2 characters
    "神舟十",
    '"q"',
    '"Q" *star*',
    "*st",
    "[x]",
    "οδος",
    "ΟΔΟΣ",
    "δος",
    "nothing-like-this",
    "ragon c1",
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


@sqlite_only
@pytest.mark.parametrize(
    ("term", "indexed"),
    [("soyuz", True), ("oyu", True), ("神舟十", True), ("yu", False), ("神舟", False)],
)
def test_terms_of_three_characters_or_more_use_the_trigram_tables(client, catalog, term, indexed):
    with CaptureQueriesContext(connection) as captured:
        search_ids(client, term)
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert ("catalog_spacecraft_name_fold" in sql) is indexed
    assert ("catalog_spacecraftconfig_name_fold" in sql) is indexed


@pytest.mark.parametrize("term", ['"', '""', "'", "***", "a OR b", "NEAR(x)", "(((", "\\"])
def test_odd_terms_are_not_server_errors(client, catalog, term):
    assert search_ids(client, term) == by_definition(term)


def test_a_nul_character_is_a_400(client, catalog):
    response = client.get(URL, {"search": "a\x00bc"})
    assert response.status_code == 400
    assert response.json() == {"search": ["NUL characters are not allowed."]}


@sqlite_only
def test_the_triggers_survive_every_migration(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        triggers = {row[0] for row in cursor.fetchall()}
    for table in search.INDEXED.values():
        assert {f"{table}_insert", f"{table}_delete", f"{table}_update"} <= triggers


# --- the tables stay current, whatever writes -------------------------------------------------------


def test_orm_saves_renames_and_deletes_keep_the_index_current(client, catalog):
    assert search_ids(client, "renamed") == []
    craft = Spacecraft.objects.get(pk=1)
    craft.name = "Renamed Ship"
    craft.save()
    craft.flights_count = 3  # a save that leaves the name alone
    craft.save()
    assert search_ids(client, "renamed") == [1]
    assert search_ids(client, "t-10") == []
    config = SpacecraftConfig.objects.get(name="Dragon 1")
    config.name = "Crew Капсула"
    config.save()
    assert search_ids(client, "капсула") == [9, 11]
    assert search_ids(client, "dragon") == [11, 12]  # by their own names now
    Spacecraft.objects.filter(pk=12).update(name="Updated in bulk")
    assert search_ids(client, "in bulk") == [12]
    Spacecraft.objects.filter(pk=11).delete()
    assert search_ids(client, "капсула") == [9]
    assert_index_current()


def test_an_admin_save_keeps_the_index_current(client, catalog):
    browser = Client()  # the admin's forms post form data
    browser.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    config = SpacecraftConfig.objects.get(name="Sigma")
    data = {k: ("" if v is None else v) for k, v in model_to_dict(config).items()}
    data.update(name="Renamed by the admin", family=[], type=config.type_id, agency=config.agency_id)
    data.pop("image", None)
    response = browser.post(f"/admin/catalog/spacecraftconfig/{config.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert search_ids(client, "by the admin") == [10]
    assert_index_current()


def test_import_keeps_the_index_current(client, db):
    import_paths([str(SEED_FILE)])
    assert search_ids(client, "soyuz t") == [131, 135]
    assert_index_current()


def test_generate_and_recompute_keep_the_index_current(client, db):
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    generate(50, seed=2, now=now)
    assert_index_current()
    expected = list(
        Spacecraft.objects.filter(Q(name__ifold="dragon") | Q(spacecraft_config__name__ifold="dragon"))
        .order_by("id")
        .values_list("id", flat=True)[:100]
    )
    assert expected
    assert search_ids(client, "dragon") == expected
    call_command("recompute")
    assert_index_current()
    generate(40, seed=3, replace=True, now=now)  # --replace empties the catalog first
    assert_index_current()
    assert Spacecraft.objects.count() == 40
