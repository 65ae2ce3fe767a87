"""GET /2.3.0/agencies/ and /{id}/: parity, schema, every upstream filter, search, ordering and cost."""

import json
import operator

import pytest

from hangar.api.filters.agency import STATISTICS
from hangar.catalog.models import Agency, AgencyType
from hangar.catalog.signals import batched
from hangar.ingest.importing import import_paths
from tests import factories
from tests.conftest import DATA
from tests.key_order import order_errors
from tests.openapi import errors

URL = "/2.3.0/agencies/"
LIST = "PaginatedPolymorphicAgencyEndpointList"
DETAIL = {"list": "AgencyMini", "normal": "AgencyNormal", "detailed": "AgencyEndpointDetailed"}
# Constructed (not recorded) data in the exact shape of the official AgencyEndpointDetailed component.
AGENCY_FILE = DATA / "constructed" / "agency_121.json"

# id, name, abbrev, type id, featured, countries, founding year, parent id, description, has spacecraft,
# then the statistics in STATISTICS order: attempted_landings, consecutive_successful_landings,
# consecutive_successful_launches, failed_landings, failed_launches, pending_launches,
# successful_landings, successful_launches, total_launch_count.
AGENCIES = [
    (1, "National Aeronautics and Space Administration", "NASA", 1, True, ["USA"], 1958, None,
     "The civil space agency of the USA.", True, (10, 3, 30, 2, 20, 5, 8, 180, 200)),
    (2, "SpaceX", "SpX", 3, True, ["USA"], 2002, None,
     "Space Exploration Technologies Corp.", True, (300, 100, 300, 10, 10, 50, 290, 390, 400)),
    (3, "Russian Federal Space Agency (ROSCOSMOS)", "RFSA", 1, False, ["RUS"], 1992, None,
     None, True, (0, 0, 40, 0, 60, 8, 0, 240, 300)),
    (4, "European Space Agency", "ESA", 2, False, ["FRA", "DEU", "ITA"], 1975, None,
     "An intergovernmental organisation of 23 member states.", False, (0, 0, 0, 0, 0, 0, 0, 0, 0)),
    (5, "Arianespace", "ASA", 3, False, ["FRA"], 1980, 4,
     "The world's first commercial launch service provider.", False, (None,) * 9),
    (6, "Japan Aerospace Exploration Agency", "JAXA", 1, False, ["JPN"], 2003, None,
     "Japan's national aerospace agency.", False, (1, 1, 20, 0, 3, 2, 1, 50, 53)),
]  # fmt: skip
ALL = [row[0] for row in AGENCIES]


def get(client, query="", status=200, url=URL):
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == status, response.content
    return response.json()


def ids(body):
    return [r["id"] for r in body["results"]]


@pytest.fixture
def agencies(db):
    with batched():
        for type_id, name in [(1, "Government"), (2, "Multinational"), (3, "Commercial")]:
            AgencyType.objects.create(id=type_id, name=name)
        countries = {
            code: factories.CountryFactory(id=n, alpha_3_code=code)
            for n, code in enumerate(["USA", "RUS", "FRA", "DEU", "ITA", "JPN"], start=1)
        }
        for id_, name, abbrev, type_id, featured, codes, year, parent, description, _, stats in AGENCIES:
            agency = Agency.objects.create(
                id=id_,
                name=name,
                abbrev=abbrev,
                type_id=type_id,
                featured=featured,
                founding_year=year,
                parent_id=parent,
                description=description,
                **dict(zip(STATISTICS, stats, strict=True)),
            )
            agency.country.set([countries[code] for code in codes])
        for id_, *_, has_spacecraft, _ in AGENCIES:
            if has_spacecraft:
                factories.SpacecraftConfigFactory(agency=Agency.objects.get(id=id_), family=[])


@pytest.fixture
def spacex(db):
    """SpaceX as AgencyEndpointDetailed, imported from a constructed upstream-shaped document."""
    import_paths([str(AGENCY_FILE)])
    return json.loads(AGENCY_FILE.read_text())


# --- parity with upstream ------------------------------------------------------------------------------


def test_detailed_round_trips_exactly(client, spacex, public_url):
    assert errors("AgencyEndpointDetailed", spacex) == []  # the constructed input itself conforms
    body = get(client, url=f"{URL}121/")
    assert json.dumps(body) == json.dumps(spacex)
    body = get(client, "format=json", url=f"{URL}121/")
    assert body["url"] == "https://ll.thespacedevs.com/2.3.0/agencies/121/?format=json"
    assert body["spacecraft_list"][1]["url"].endswith("/spacecraft_configurations/96/?format=json")


def test_list_mode_is_exactly_what_upstream_nests_in_a_configuration(client, seed, seed_page, public_url):
    upstream = {}
    for craft in seed_page["results"]:
        agency = craft["spacecraft_config"]["agency"]
        upstream[agency["id"]] = json.loads(json.dumps(agency).replace("?format=api", "?format=json"))
    for agency_id, agency in upstream.items():
        assert json.dumps(get(client, "format=json&mode=list", url=f"{URL}{agency_id}/")) == json.dumps(
            agency
        )


def test_normal_mode_is_the_detailed_agency_up_to_its_images(client, spacex, public_url):
    normal = get(client, "mode=normal", url=f"{URL}121/")
    assert list(normal) == list(spacex)[: len(normal)]
    assert normal == {**{k: spacex[k] for k in normal}, "response_mode": "normal"}


@pytest.mark.parametrize("mode", ["", "list", "normal", "detailed"])
def test_every_list_validates_strictly_and_in_upstream_key_order(client, agencies, spacex, mode):
    body = get(client, f"mode={mode}&limit=100" if mode else "limit=100")
    assert body["count"] == Agency.objects.count() > 6
    assert {r["response_mode"] for r in body["results"]} == {mode or "normal"}
    assert errors(LIST, body) == []
    assert order_errors(LIST, body) == []


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_every_detail_validates_strictly_and_in_upstream_key_order(client, agencies, spacex, mode):
    for agency_id in Agency.objects.values_list("id", flat=True):
        body = get(client, f"mode={mode}", url=f"{URL}{agency_id}/")
        assert body["response_mode"] == mode
        assert errors(DETAIL[mode], body) == []
        assert order_errors(DETAIL[mode], body) == []


def test_detail_defaults_to_detailed_and_lists_to_normal(client, agencies):
    assert get(client, url=f"{URL}5/")["response_mode"] == "detailed"
    assert get(client, url=f"{URL}5/")["parent"] == "European Space Agency"  # upstream gives the name
    assert {r["response_mode"] for r in get(client)["results"]} == {"normal"}


def test_detailed_lists_the_agency_configurations_in_id_order(client, agencies):
    spacex = Agency.objects.get(id=2)
    later = factories.SpacecraftConfigFactory(id=5000, agency=spacex, family=[])
    earlier = factories.SpacecraftConfigFactory(id=4000, agency=spacex, family=[])
    body = get(client, url=f"{URL}2/")
    assert [c["id"] for c in body["spacecraft_list"]][-2:] == [earlier.id, later.id]
    assert body["launcher_list"] == [] and body["social_media_links"] == []
    assert get(client, url=f"{URL}4/")["spacecraft_list"] == []


def test_browsable_page_shows_the_help_sections(client, agencies):
    response = client.get(f"{URL}?format=api", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("Modes", "Filters", "Search", "Ordering", "Number of results", "Format", "Help"):
        assert f">{section}</h5>" in html
    assert "type__id" in html and "Arianespace" in html


# --- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("abbrev=NASA", [1]),
        ("abbrev=nasa", []),  # exact, as upstream
        ("abbrev__contains=SA", [1, 3, 4, 5]),
        ("abbrev__contains=sa", []),  # case-sensitive, as upstream (PostgreSQL)
        ("name=SpaceX", [2]),
        ("name__contains=Space", [1, 2, 3, 4]),
        ("name__contains=space", [5, 6]),
        ("name__contains=%25", []),  # no wildcards
        ("description=Space Exploration Technologies Corp.", [2]),
        ("description__contains=agency", [1, 6]),
        ("description__contains=xyz", []),
        ("featured=true", [1, 2]),
        ("featured=0", [3, 4, 5, 6]),
        ("id=3", [3]),
        ("id=99", []),
        ("parent__id=4", [5]),
        ("parent__id=1", []),
        ("type__id=3", [2, 5]),
        ("type__id=1&featured=false", [3, 6]),
        ("country_code=USA", [1, 2]),
        ("country_code=usa", [1, 2]),
        ("country_code=FRA", [4, 5]),
        ("country_code=FRA,DEU", [4, 5]),  # ESA has both, and appears once
        ("country_code=RUS, JPN", [3, 6]),
        ("country_code=USA,", [1, 2]),
        ("country_code=GBR", []),
        ("spacecraft=true", [1, 2, 3]),
        ("spacecraft=False", [4, 5, 6]),
        ("founding_year=1975", [4]),
        ("founding_year__gte=2002", [2, 6]),
        ("founding_year__lt=1980", [1, 4]),
        ("total_launch_count__gt=200", [2, 3]),
        ("total_launch_count=0", [4]),
        ("failed_launches__lte=10&country_code=USA,JPN", [2, 6]),
    ],
)
def test_filters(client, agencies, query, expected):
    assert ids(get(client, f"{query}&limit=100")) == expected


COMPARE = {"exact": operator.eq, "gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


@pytest.mark.parametrize("lookup", COMPARE)
@pytest.mark.parametrize("field", [*STATISTICS, "founding_year"])
def test_every_numeric_filter_compares_and_skips_nulls(client, agencies, field, lookup):
    values = {
        row[0]: row[6] if field == "founding_year" else row[10][STATISTICS.index(field)] for row in AGENCIES
    }
    threshold = values[6]  # JAXA's value: some agencies fall on each side of it
    expected = [id_ for id_, v in values.items() if v is not None and COMPARE[lookup](v, threshold)]
    name = field if lookup == "exact" else f"{field}__{lookup}"
    assert ids(get(client, f"{name}={threshold}&limit=100")) == expected


BAD = [
    ("abbrev__contains=%00", "abbrev__contains"),
    ("country_code=US", "country_code"),
    ("country_code=USAA", "country_code"),
    ("country_code=U1A", "country_code"),
    ("country_code=ÜSA", "country_code"),
    ("featured=yes", "featured"),
    ("spacecraft=maybe", "spacecraft"),
    ("spacecraft=2", "spacecraft"),
    ("id=abc", "id"),
    ("id=-1", "id"),
    ("parent__id=1.5", "parent__id"),
    ("type__id=x", "type__id"),
    ("type__id=99999999999999999999999", "type__id"),
    ("founding_year=nineteen", "founding_year"),
    ("founding_year__gt=2.5", "founding_year__gt"),
    ("total_launch_count__lte=2147483648", "total_launch_count__lte"),
    ("mode=mini", "mode"),
    ("limit=0", "limit"),
    ("offset=-3", "offset"),
] + [(f"{field}{suffix}=ten", f"{field}{suffix}") for field in STATISTICS for suffix in ("", "__gt", "__lt")]


@pytest.mark.parametrize(("query", "param"), BAD)
def test_bad_values_are_a_400_naming_the_parameter(client, agencies, query, param):
    body = get(client, query, status=400)
    assert list(body) == [param]
    assert body[param] and all(isinstance(m, str) and m for m in body[param])


def test_negative_numbers_are_allowed_where_the_column_allows_them(client, agencies):
    assert ids(get(client, "founding_year__gt=-2147483648&limit=100")) == ALL


def test_empty_and_unknown_parameters_are_ignored(client, agencies):
    query = (
        "abbrev=&country_code=&spacecraft=&featured=&total_launch_count__gt=&type__id=&mode=&limit=&colour=x"
    )
    assert get(client, query)["count"] == 6


# --- search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("space", [1, 2, 3, 4, 5, 6]),  # folds case: Aerospace, Arianespace
        ("spx", [2]),  # the abbreviation
        ("esa", [4]),
        ("agency japan", [6]),  # every term must match
        ("roscosmos,federal", [3]),
        ("nothing-like-this", []),
    ],
)
def test_search(client, agencies, term, expected):
    assert ids(get(client, f"search={term}&limit=100")) == expected


def test_search_folds_unicode_case(client, db):
    factories.AgencyFactory(id=1, name="Роскосмос", abbrev="РКА")
    assert ids(get(client, "search=роскосмос")) == [1]
    assert ids(get(client, "search=рка")) == [1]


# --- ordering -----------------------------------------------------------------------------------------

ORDERING_FIELDS = [
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "featured",
    "id",
    "name",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
]


def _expected_order(field, descending):
    """NULLs last ascending and first descending, ties broken by id in the same direction."""

    def value(row):
        if field in STATISTICS:
            return row[10][STATISTICS.index(field)]
        return {"featured": row[4], "id": row[0], "name": row[1]}[field]

    rows = [(value(row) is None, value(row) if value(row) is not None else 0, row[0]) for row in AGENCIES]
    return [row[2] for row in sorted(rows, reverse=descending)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("field", ORDERING_FIELDS)
def test_ordering_on_every_upstream_field(client, agencies, field, descending):
    query = f"ordering={'-' if descending else ''}{field}&limit=100"
    assert ids(get(client, query)) == _expected_order(field, descending)


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("", ALL),
        ("total_launch_count", [4, 6, 1, 3, 2, 5]),  # NULL last
        ("-total_launch_count", [5, 2, 3, 1, 6, 4]),  # NULL first
        ("-featured,name", [1, 2, 5, 4, 6, 3]),
        ("founding_year", ALL),  # not an upstream ordering field: ignored
        ("unknown,-id", [6, 5, 4, 3, 2, 1]),
    ],
)
def test_ordering(client, agencies, ordering, expected):
    assert ids(get(client, f"ordering={ordering}")) == expected


@pytest.mark.parametrize("ordering", ["-featured", "attempted_landings", "-successful_launches", "name"])
def test_pages_never_overlap_or_skip(client, agencies, ordering):
    everything = ids(get(client, f"ordering={ordering}&limit=100"))
    paged = []
    for offset in range(0, 6, 4):
        paged += ids(get(client, f"ordering={ordering}&limit=4&offset={offset}"))
    assert paged == everything and sorted(everything) == ALL


# --- errors and cost ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [f"{URL}7/", f"{URL}99999999999999999999999/", f"{URL}x/"])
def test_unknown_id_is_a_json_404(client, agencies, path):
    response = client.get(path)
    assert response.status_code == 404 and list(response.json()) == ["detail"]


def test_writes_are_405(client, agencies):
    assert client.post(URL, {"name": "x"}, format="json").status_code == 405
    assert client.put(f"{URL}1/", {"name": "x"}, format="json").status_code == 405
