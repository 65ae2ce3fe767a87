"""No query string, however malformed, makes a catalog endpoint answer 5xx (property-based)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hangar.api.filters.agency import AgencyFilterSet
from hangar.ingest.importing import import_paths
from tests.conftest import DATA, SEED_FILE

PARAMS = sorted(
    {
        *AgencyFilterSet.base_filters,
        "agency", "human_rated", "in_use", "manufacturer", "name",
        "search", "ordering", "limit", "offset", "mode", "format",
    }
)  # fmt: skip
NASTY = st.sampled_from(
    ["", "0", "-1", "1", "true", "nan", "1e309", "9" * 40, "-2147483649", "%", "_", "\\", "'", "\x00", "é",
     "𝔘", "USA", "usa,FRA", ",", "U S", "-total_launch_count", "featured,-id", "name", "detailed", "list"]
)  # fmt: skip
VALUES = st.one_of(NASTY, st.text(max_size=20))
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMS), VALUES), max_size=5)
PATHS = [
    "/2.3.0/agencies/",
    "/2.3.0/agencies/121/",
    "/2.3.0/spacecraft_configurations/",
    "/2.3.0/spacecraft_configurations/3/",
    "/2.3.0/spacecraft_configuration_families/",
    "/2.3.0/spacecraft_configuration_families/6/",
    "/2.3.0/config/spacecraft_statuses/",
    "/2.3.0/config/spacecraft_configuration_types/2/",
]


@pytest.fixture
def catalog(db):
    import_paths([str(SEED_FILE), str(DATA / "constructed" / "agency_121.json")])


@pytest.mark.parametrize("path", PATHS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_no_query_string_yields_a_5xx(client, catalog, path, query):
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
