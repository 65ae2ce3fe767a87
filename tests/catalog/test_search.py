"""Search on /2.3.0/spacecraft/: ``ifold``'s results (with SQLite's ASCII shortcut) on every database."""

import pytest
from django.db.models import Q
from rest_framework.filters import search_smart_split

from hangar.catalog.lookups import sqlite_lower
from hangar.catalog.models import Spacecraft
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
