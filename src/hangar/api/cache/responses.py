"""Whole-response cache and conditional GET for the API, keyed on the catalog's data version.

A JSON page is a pure function of (data version, scheme and host, path, query string, negotiated
renderer), so it is cached whole under that key and served without touching a view, a serializer or
the ORM: one primary-key read of the data version is all a hit costs. Writes bump the version in their
own transaction (``catalog.versioning``), which retires every older entry at the moment the new data
becomes visible; stale entries are never read again and expire by themselves.

Every 200 answer to GET or HEAD carries a strong ``ETag`` (a hash of the exact bytes) and a
``Last-Modified`` (when the data version last changed), and ``If-None-Match``/``If-Modified-Since`` get
a 304. The cache is whatever ``CACHES["default"]`` is: local memory per worker by default, Redis shared
by all workers when ``HANGAR_CACHE_URL`` is set.
"""

import hashlib
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.exceptions import NotAcceptable
from rest_framework.settings import api_settings

from hangar.api import metrics
from hangar.api.cache.keys import cached_origin, canonical_query
from hangar.api.negotiation import choice
from hangar.catalog import versioning

KEY_PREFIX = "hangar:response"
LOOKUP_ENVIRON = "hangar.lookup"  # (version, changed_at, key): set by cache.front on requests it passes on
# Entries of retired versions are never read again; this bounds their life (HANGAR_CACHE_TTL).
TIMEOUT = getattr(settings, "CACHE_TTL", 3600)
# Headers that belong to one exchange rather than to the representation.
_NOT_REPLAYED = {"content-length", "set-cookie", "etag", "last-modified"}


def mark_data_response(response, timeout: int | None = None) -> None:
    """Called by views whose output depends on nothing but the request and the catalog's data.

    Only those get ``Last-Modified`` (the admin's pages also change with sessions and messages) and
    only those are stored. ``timeout`` bounds how long the entry lives, in seconds, for a view whose
    answer also depends on the clock (upcoming launches move to previous with time alone).
    """
    response.hangar_data_response = True
    response.hangar_cache_timeout = timeout


@lru_cache(maxsize=512)
def _negotiated_format(format_param: str | None, accept: str) -> str | None:
    """The format of the renderer DRF will pick for this request, or None when it would refuse it."""
    classes = tuple(api_settings.DEFAULT_RENDERER_CLASSES)
    try:
        position, _ = choice(classes, format_param, accept)
    except (Http404, NotAcceptable):
        return None
    return classes[position].format


def cache_key(request, version: int, changed_at) -> str | None:
    """The key of the JSON representation this request asks for, or None when it asks for another."""
    try:
        origin = f"{request.scheme}://{request.get_host()}"  # absolute URLs in the body depend on it
    except DisallowedHost:
        return None
    return response_key(
        origin,
        request.path,
        request.META.get("QUERY_STRING", ""),
        request.GET.get(api_settings.URL_FORMAT_OVERRIDE),
        request.META.get("HTTP_ACCEPT", "*/*"),
        version,
        changed_at,
    )


def response_key(origin, path, query, format_param, accept, version, changed_at) -> str | None:
    """``cache_key`` from its parts; ``cache.front`` builds the same key from the WSGI environ.

    None when the page is not to be cached: another renderer than JSON, a parameter the endpoint does
    not document, an origin beyond those cached (``cache.keys``).
    """
    if _negotiated_format(format_param, accept) != "json":
        return None
    query = canonical_query(path, query)
    if query is None or not cached_origin(origin):
        return None
    digest = hashlib.blake2b(f"{origin}\n{path}\n{query}".encode(), digest_size=20).hexdigest()
    # changed_at too, so a database restored to an older version number cannot hit newer entries.
    return f"{KEY_PREFIX}:{version}.{changed_at.timestamp()}:json:{digest}"


def _cache_control(timeout: int) -> str:
    """Clients and shared caches may keep a page ``HANGAR_CACHE_MAX_AGE`` seconds, then revalidate (ETag)."""
    max_age = min(settings.CACHE_MAX_AGE, timeout)
    return f"public, max-age={max_age}" if max_age > 0 else "no-cache"


def strong_etag(body: bytes) -> str:
    # SHA-1 runs in hardware on current CPUs; an ETag needs no collision resistance against attackers.
    return f'"{hashlib.sha1(body, usedforsecurity=False).hexdigest()}"'


def _conditional(request, response, etag: str, changed_at):
    response["ETag"] = etag
    if changed_at is None:
        return get_conditional_response(request, etag=etag, response=response)
    response["Last-Modified"] = http_date(changed_at.timestamp())
    return get_conditional_response(
        request, etag=etag, last_modified=int(changed_at.timestamp()), response=response
    )


def _strip_body_for_head(request, response):
    if request.method == "HEAD" and not response.streaming:
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response


class ResponseCacheMiddleware:
    """Serves cached JSON pages before the rest of the stack runs; stores fresh ones on the way out.

    Placed right after ``PublicURLMiddleware`` (whose host rewrite the key depends on), so a hit skips
    every other middleware; the headers they added are stored with the entry and replayed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        # Looked up once per request: by cache.front when it passed the request on, or here.
        looked_up = request.META.get(LOOKUP_ENVIRON)
        if looked_up is not None:
            version, changed_at, key = looked_up
        else:
            version, changed_at = versioning.current()
            key = cache_key(request, version, changed_at)
        request.hangar_data_version = (version, changed_at)  # views reuse it rather than read again
        entry = cache.get(key) if key else None
        if key:
            metrics.CACHE.labels("miss" if entry is None else "hit").inc()
        if entry is not None:
            etag, headers, body = entry
            response = HttpResponse(body)
            for name, value in headers:
                response[name] = value
            response["Content-Length"] = str(len(body))
            response = _conditional(request, response, etag, changed_at)
            return _strip_body_for_head(request, response)

        response = self.get_response(request)
        if response.status_code != 200 or response.streaming:
            return response
        etag = response.get("ETag") or strong_etag(response.content)
        if not getattr(response, "hangar_data_response", False):
            return _strip_body_for_head(request, _conditional(request, response, etag, None))
        timeout = min(getattr(response, "hangar_cache_timeout", None) or TIMEOUT, TIMEOUT)
        response["Cache-Control"] = _cache_control(timeout)
        # Stored with the entry: the answer to a browser (with CORS headers) is not the same.
        patch_vary_headers(response, ("origin",))
        if key and not response.cookies:
            headers = [(n, v) for n, v in response.items() if n.lower() not in _NOT_REPLAYED]
            cache.set(key, (etag, headers, response.content), timeout)
        response = _conditional(request, response, etag, changed_at)
        return _strip_body_for_head(request, response)
