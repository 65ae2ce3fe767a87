"""No query string, however malformed, makes an endpoint answer 5xx (property-based)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMS = [
    "in_space", "is_placeholder", "name", "spacecraft_config", "status", "search", "ordering",
    "limit", "offset", "mode", "format", "id", "agency", "manufacturer",
]  # fmt: skip
NASTY = st.sampled_from(
    ["", "0", "-1", "1", "true", "TRUE", "nan", "1e309", "9" * 40, "%", "_", "\\", "'", '"', "\x00", "é", "𝔘",
     "-flights_count", "time_docked,-id", ",", "a b", "api", "json", "detailed", "list", " 5 "]
)  # fmt: skip
VALUES = st.one_of(NASTY, st.text(max_size=20))
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMS), VALUES), max_size=5)
PATHS = ["/2.3.0/spacecraft/", "/2.3.0/spacecraft/188/", "/2.3.0/spacecraft/1/"]


@pytest.mark.parametrize("path", PATHS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_no_query_string_yields_a_5xx(client, seed, path, query):
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
