"""Prometheus metrics (prometheus-client) at ``/metrics``: requests, latency, cache hits, database time.

- ``hangar_requests_total{endpoint,method,status}`` and ``hangar_request_duration_seconds{endpoint}``
  (a histogram), measured around everything (``Metrics`` is the outermost WSGI layer), so cache hits
  answered in front of Django count like the rest. ``endpoint`` is the route's name
  (``spacecraft-list``, ``spacecraft-detail``, ``docs``…), never the raw path, so labels stay few.
- ``hangar_cache_requests_total{result}``: ``hit`` or ``miss`` for every cacheable page; the hit ratio
  is ``hit / (hit + miss)``.
- ``hangar_database_seconds_total{endpoint}`` and ``hangar_database_queries_total{endpoint}``: the
  time and number of the SQL queries of requests that reach a view (``DatabaseTimeMiddleware``).

Under gunicorn every worker counts for itself: ``hangar serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at
a directory of its own, and ``/metrics`` (from any worker) adds them up. ``HANGAR_METRICS=false``
turns the endpoint off; keep it off the public internet at the proxy (``location /metrics { deny all; }``).
"""

import os
import time
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.urls import Resolver404, get_resolver
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter("hangar_requests", "HTTP requests answered", ["endpoint", "method", "status"])
LATENCY = Histogram(
    "hangar_request_duration_seconds",
    "Time to answer a request, body included",
    ["endpoint"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20),
)
CACHE = Counter(
    "hangar_cache_requests", "Cacheable pages, by whether the response cache had them", ["result"]
)
DB_SECONDS = Counter("hangar_database_seconds", "Time spent in SQL queries", ["endpoint"])
DB_QUERIES = Counter("hangar_database_queries", "SQL queries run", ["endpoint"])

PATH = "/metrics"


@lru_cache(maxsize=4096)
def endpoint(path: str) -> str:
    """The route name of ``path`` (bounded label values), ``static``, or ``unrouted``."""
    if path.startswith(settings.STATIC_URL):
        return "static"
    if path.rstrip("/") in ("/healthz", "/readyz", PATH):
        return path.strip("/")
    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return "unrouted"
    if match.url_name:
        return match.url_name
    return match.app_name or "unnamed"


def render() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


class Metrics:
    """WSGI middleware: counts and times every request; answers ``/metrics``."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == PATH and settings.METRICS:
            body, content_type = render()
            start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
            return [body]
        started = time.perf_counter()
        seen = []

        def recording_start_response(status, headers, exc_info=None):
            seen.append(status[:3])
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        chunks = self.app(environ, recording_start_response)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        name = endpoint(path)
        REQUESTS.labels(name, environ.get("REQUEST_METHOD", ""), seen[0] if seen else "500").inc()
        LATENCY.labels(name).observe(time.perf_counter() - started)
        return [body]


class DatabaseTimeMiddleware:
    """Times the SQL of requests that reach Django's views (cache hits run only the version read)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        spent = [0.0, 0]

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent[0] += time.perf_counter() - started
                spent[1] += 1

        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        if spent[1]:
            name = endpoint(request.path)
            DB_SECONDS.labels(name).inc(spent[0])
            DB_QUERIES.labels(name).inc(spent[1])
        return response
