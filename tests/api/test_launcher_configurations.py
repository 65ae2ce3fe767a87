"""GET /2.3.0/launcher_configurations/ and /launcher_configuration_families/: modes, every filter of the
official file with a 400 for bad values, every search and ordering field, and the import round trip."""

import datetime as dt
import operator

import pytest

from hangar.api.filters.agency import STATISTICS
from hangar.api.views.launcher import LauncherConfigFamilyViewSet, LauncherConfigViewSet
from hangar.catalog.models import LauncherConfig, LauncherConfigFamily, Program, ProgramType
from hangar.catalog.signals import batched
from tests import factories
from tests.http import get, ids
from tests.openapi import errors
from tests.round_trip import round_trip

CONFIGS_URL = "/2.3.0/launcher_configurations/"
FAMILIES_URL = "/2.3.0/launcher_configuration_families/"
# agency id, name, abbrev, country
AGENCIES = [
    (121, "SpaceX", "SpX", "USA"),
    (63, "Russian Federal Space Agency (ROSCOSMOS)", "RFSA", "RUS"),
    (115, "Arianespace", "ASA", "FRA"),
]
# id, name, manufacturers, maiden flight, total_launch_count
FAMILIES = [
    (1, "Falcon", [121], dt.date(2010, 6, 4), 400),
    (2, "Soyuz", [63, 115], dt.date(1966, 11, 28), 1900),
    (3, "Ariane", [115], dt.date(1979, 12, 24), None),
]
# Values of STATISTICS in its order: attempted_landings, consecutive_successful_landings,
# consecutive_successful_launches, failed_landings, failed_launches, pending_launches,
# successful_landings, successful_launches, total_launch_count.
CONFIGS = [
    # id, name, full_name, manufacturer, families, programs, active, placeholder, maiden flight,
    # statistics, gto_capacity, leo_capacity, launch_mass, launch_cost
    (164, "Falcon 9", "Falcon 9 Block 5", 121, [1], [1], True, False, dt.date(2018, 5, 11),
     (390, 100, 300, 5, 1, 50, 385, 399, 400), 8300.0, 22800.0, 549.0, 52_000_000),
    (25, "Soyuz 2.1a", "Soyuz 2.1a", 63, [2], [], True, False, dt.date(2004, 11, 8),
     (0, 0, 40, 0, 5, 10, 0, 135, 140), None, 7020.0, 312.0, 48_500_000),
    (26, "Soyuz ST-B", "Soyuz ST-B/Fregat-MT", 115, [2, 3], [1, 2], False, False, dt.date(2011, 10, 21),
     (None, None, 15, None, 1, 0, None, 26, 27), 3250.0, 4400.0, 308.0, None),
    (900, "Placeholder", "", None, [], [2], False, True, None, (None,) * 9, None, None, None, None),
]  # fmt: skip
CONFIG_IDS = sorted(row[0] for row in CONFIGS)


@pytest.fixture
def launchers(db):
    with batched():
        agencies = {}
        for id_, name, abbrev, code in AGENCIES:
            agencies[id_] = factories.AgencyFactory(id=id_, name=name, abbrev=abbrev)
            agencies[id_].country.set([factories.CountryFactory(id=id_, alpha_3_code=code)])
        program_type = ProgramType.objects.create(id=1, name="Human Exploration")
        programs = {n: Program.objects.create(id=n, name=f"Program {n}", type=program_type) for n in (1, 2)}
        families = {}
        for id_, name, makers, maiden, total in FAMILIES:
            families[id_] = LauncherConfigFamily.objects.create(
                id=id_, name=name, maiden_flight=maiden, total_launch_count=total
            )
            families[id_].manufacturer.set([agencies[n] for n in makers])
        for row in CONFIGS:
            (
                id_,
                name,
                full_name,
                maker,
                fams,
                progs,
                active,
                placeholder,
                maiden,
                stats,
                gto,
                leo,
                mass,
                cost,
            ) = row
            config = LauncherConfig.objects.create(
                id=id_,
                name=name,
                full_name=full_name,
                manufacturer=agencies.get(maker),
                active=active,
                is_placeholder=placeholder,
                maiden_flight=maiden,
                gto_capacity=gto,
                leo_capacity=leo,
                launch_mass=mass,
                launch_cost=cost,
                **dict(zip(STATISTICS, stats, strict=True)),
            )
            config.families.set([families[n] for n in fams])
            config.program.set([programs[n] for n in progs])


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_every_mode_lists_its_component(client, launchers, mode, public_url):
    component = {
        "list": "LauncherConfigList",
        "normal": "LauncherConfigNormal",
        "detailed": "LauncherConfigDetailed",
    }
    body = get(client, f"{CONFIGS_URL}?mode={mode}")
    assert [r["id"] for r in body["results"]] == CONFIG_IDS
    for item in body["results"]:
        assert item["response_mode"] == mode
        assert errors(component[mode], item) == []
    family = {"list": "LauncherConfigFamilyMini", "normal": "LauncherConfigFamilyNormal"}
    family["detailed"] = "LauncherConfigFamilyDetailed"
    for item in get(client, f"{FAMILIES_URL}?mode={mode}")["results"]:
        assert errors(family[mode], item) == []
    assert get(client, f"{CONFIGS_URL}164/")["response_mode"] == "detailed"
    assert get(client, f"{FAMILIES_URL}2/?mode={mode}")["response_mode"] == mode


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("active=true", [25, 164]),
        ("active=0", [26, 900]),
        ("is_placeholder=TRUE", [900]),
        ("families=1", [164]),
        ("families=2,1", [25, 26, 164]),
        ("families__contains=2", [25, 26]),
        ("families__contains=2,3", [26]),
        ("program=1", [26, 164]),
        ("program=1,2", [26, 164, 900]),  # each once
        ("program__contains=1,2", [26]),
        ("full_name=Soyuz%202.1a", [25]),
        ("full_name__contains=Soyuz", [25, 26]),
        ("full_name__contains=soyuz", []),  # case-sensitive, as upstream's
        ("manufacturer__name=SpaceX", [164]),
        ("manufacturer__name__contains=Space", [25, 164]),
        ("name=Falcon%209", [164]),
        ("name__contains=Soyuz", [25, 26]),
        ("maiden_flight=2018-05-11", [164]),
        ("maiden_flight__gt=2004-11-08", [26, 164]),
        ("maiden_flight__gte=2004-11-08", [25, 26, 164]),
        ("maiden_flight__lt=2011-10-21", [25]),
        ("maiden_flight__lte=2011-10-21", [25, 26]),
        ("active=true&families=2", [25]),
        ("search=soyuz", [25, 26]),
        ("search=spx", [164]),  # the manufacturer's abbreviation
        ("search=arianespace", [26]),  # the manufacturer's name
        ("search=block%205", [164]),  # the full name, every term
        ("search=fregat", [26]),
    ],
)
def test_configuration_filters_and_search(client, launchers, query, expected):
    assert ids(client, f"{CONFIGS_URL}?{query}") == expected


OPS = {"": operator.eq, "__gt": operator.gt, "__gte": operator.ge, "__lt": operator.lt, "__lte": operator.le}


@pytest.mark.parametrize("suffix", list(OPS))
@pytest.mark.parametrize("stat", STATISTICS)
def test_every_statistic_filter(client, launchers, stat, suffix):
    values = {row[0]: dict(zip(STATISTICS, row[9], strict=True))[stat] for row in CONFIGS}
    pivot = values[25]
    expected = sorted(i for i, v in values.items() if v is not None and OPS[suffix](v, pivot))
    assert ids(client, f"{CONFIGS_URL}?{stat}{suffix}={pivot}") == expected


def _ordered(rows: dict, descending: bool) -> list:
    """Ids by value, NULLs last ascending and first descending, ties by id in the same direction."""
    present = sorted((v, i) for i, v in rows.items() if v is not None)
    missing = sorted(i for i, v in rows.items() if v is None)
    if descending:
        return [i for i in reversed(missing)] + [i for _, i in reversed(present)]
    return [i for _, i in present] + missing


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("field", LauncherConfigViewSet.ordering_fields)
def test_every_configuration_ordering(client, launchers, field, descending):
    rows = dict(LauncherConfig.objects.values_list("id", field))
    query = f"ordering={'-' if descending else ''}{field}"
    assert ids(client, f"{CONFIGS_URL}?{query}") == _ordered(rows, descending)


@pytest.mark.parametrize(
    "param",
    [
        "active=maybe",
        "families=a",
        "families__contains=1,x",
        "program=-1",
        "program__contains=1.5",
        "maiden_flight=2018-13-01",
        "maiden_flight__gt=05/11/2018",
        "total_launch_count=1.5",
        "successful_launches__lt=x",
        "mode=full",
    ],
)
def test_bad_configuration_values_are_a_400_naming_the_parameter(client, launchers, param):
    assert list(get(client, f"{CONFIGS_URL}?{param}", status=400)) == [param.split("=")[0]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 2, 3]),
        ("manufacturer__abbrev=ASA", [2, 3]),
        ("manufacturer__abbrev__contains=Sp", [1]),
        ("manufacturer__abbrev__contains=S", [1, 2, 3]),  # each family once
        ("manufacturer__country_code=FRA", [2, 3]),
        ("manufacturer__country_code=usa", [1]),
        ("manufacturer__country_code=RUS,USA", [1, 2]),
        ("manufacturer__id=115", [2, 3]),
        ("manufacturer__id__contains=1", [1, 2, 3]),
        ("manufacturer__id__contains=6", [2]),
        ("manufacturer__name=Arianespace", [2, 3]),
        ("manufacturer__name__contains=Space", [1, 2]),
        ("name=Soyuz", [2]),
        ("name__contains=a", [1, 3]),
        ("maiden_flight__lt=2000-01-01", [2, 3]),
        ("total_launch_count__gte=400", [1, 2]),
        ("search=spx", [1]),
        ("search=roscosmos", [2]),
        ("search=ariane", [2, 3]),  # a name and a manufacturer's name
        ("ordering=name", [3, 1, 2]),
        ("ordering=-total_launch_count", [3, 2, 1]),
        ("ordering=total_launch_count", [1, 2, 3]),
        ("ordering=id", [1, 2, 3]),  # not an official ordering field, and the default anyway
    ],
)
def test_family_filters_search_and_ordering(client, launchers, query, expected):
    assert ids(client, f"{FAMILIES_URL}?{query}") == expected
    assert get(client, f"{FAMILIES_URL}?{query}")["count"] == len(expected)


@pytest.mark.parametrize(
    "param",
    [
        "manufacturer__id=x",
        "manufacturer__id__contains=-3",
        "manufacturer__country_code=FR",
        "maiden_flight=1",
    ],
)
def test_bad_family_values_are_a_400_naming_the_parameter(client, launchers, param):
    assert list(get(client, f"{FAMILIES_URL}?{param}", status=400)) == [param.split("=")[0]]


def test_official_ordering_fields_are_served():
    assert set(LauncherConfigFamilyViewSet.ordering_fields) == {*STATISTICS, "name"}


PAGES = [  # richest first
    (f"{CONFIGS_URL}?mode=detailed", None),
    (f"{FAMILIES_URL}?mode=detailed", "launcher_configuration_families"),
    (f"{CONFIGS_URL}?mode=normal", None),
    (f"{CONFIGS_URL}?mode=list", None),
    (f"{FAMILIES_URL}?mode=normal", "launcher_configuration_families"),
    (f"{FAMILIES_URL}?mode=list", "launcher_configuration_families"),
]


def test_every_page_and_mode_round_trips_through_import(client, launchers, tmp_path, public_url):
    kinds = {f"{url}&format=json": kind for url, kind in PAGES}
    before, after = round_trip(client, list(kinds), tmp_path, kinds.get)
    assert after == before
