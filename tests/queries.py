"""Counting the SQL queries one request costs, cold: no cached response, count or fragment helps it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.catalog import versioning


def cold_queries(client, url: str) -> int:
    """Queries for one GET of ``url`` right after a write (a new data version retires every cache).

    The URL is read once before, so what a worker does once in its life (compile a query form, look
    up which trigram tables exist) is not counted: the count is a running server's after a write.
    """
    client.get(url)
    versioning.bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured.captured_queries)
