"""The response cache's hits, answered in front of Django: the WSGI layer ``hangar.wsgi`` serves.

Through Django a hit still pays for the handler, the request object, signals, the middleware chain and
a response object: about two thirds of it. This layer answers a hit from the WSGI environ alone: it
builds the key ``cache.responses`` stores under (same function, same parts), reads the data version, gets
the entry and returns the stored bytes and headers, with the 304 Django would give for
``If-None-Match``/``If-Modified-Since``. The answer is the one ``ResponseCacheMiddleware`` gives for
the same request, header for header (tested).

Whatever it is not sure of goes to Django untouched: misses, methods other than GET and HEAD, other
renderers (the browsable API), ``If-Match``/``If-Unmodified-Since``, proxy-header settings, a host
Django would refuse, a database error. On a miss it hands Django the data version it read and the key,
so a miss still reads the version once and stores under the key this layer looks up.
"""

import datetime as dt
from functools import lru_cache
from http import HTTPStatus
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import DatabaseError, connection
from django.http import HttpRequest, QueryDict
from django.utils.cache import parse_etags
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.settings import api_settings

from hangar import compat
from hangar.api import metrics, throttling
from hangar.api.cache.responses import LOOKUP_ENVIRON, response_key
from hangar.catalog import versioning

# The headers Django's 304 keeps from the 200 it replaces (django.utils.cache._not_modified).
_KEPT_ON_304 = ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Last-Modified", "Vary")


class CachedResponses:
    """WSGI middleware: serves response-cache hits itself and passes every other request to ``app``."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        answer = self.hit(environ)
        if answer is None:
            return self.app(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    def hit(self, environ) -> tuple[str, list, bytes] | None:
        """(status, headers, body) of the cached answer to this request, or None to ask Django."""
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD"):
            return None
        if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:  # 412s: Django's job
            return None
        if "HTTP_ORIGIN" in environ:  # CORS headers (and a 429's) are django-cors-headers' to write
            return None
        refused = throttling.refusal(environ)
        if refused is not None:
            status, headers, body = refused
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *headers]
            return f"{status} {HTTPStatus(status).phrase}", headers, body
        origin = _origin(environ)
        if origin is None:
            return None
        query = environ.get("QUERY_STRING", "")
        format_param = None
        # Only a query that names the parameter (or could, percent-encoded) needs parsing.
        if api_settings.URL_FORMAT_OVERRIDE in query or "%" in query:
            format_param = QueryDict(compat.wsgi_query_bytes(environ)).get(api_settings.URL_FORMAT_OVERRIDE)
        path = compat.wsgi_path(environ)
        try:
            version, changed_at = versioning.current()
        except (connection.Database.Error, DatabaseError):  # the driver's, or Django's when connecting
            connection.close()  # Django reconnects and reports (a 503), if it must, on the request passed on
            return None
        key = response_key(
            origin, path, query, format_param, environ.get("HTTP_ACCEPT", "*/*"), version, changed_at
        )
        environ[LOOKUP_ENVIRON] = (version, changed_at, key)
        entry = caches["default"].get(key) if key else None
        if entry is None:
            return None
        etag, stored, body = entry
        metrics.CACHE.labels("hit").inc()
        last_modified = _http_date(changed_at)
        if _not_modified(environ, etag, changed_at):
            headers = [(name, value) for name, value in _kept_on_304(stored, etag, last_modified)]
            if method == "HEAD":
                headers.append(("Content-Length", "0"))
            return "304 Not Modified", headers, b""
        headers = [*stored, ("Content-Length", str(len(body))), ("ETag", etag)]
        headers.append(("Last-Modified", last_modified))
        return "200 OK", headers, b"" if method == "HEAD" else body


def _origin(environ) -> str | None:
    """``scheme://host`` as Django sees it after ``PublicURLMiddleware``; None when unsure or refused."""
    if settings.SECURE_PROXY_SSL_HEADER:  # it would decide the scheme even over PUBLIC_URL's
        return None
    if settings.PUBLIC_URL:
        parts = urlsplit(settings.PUBLIC_URL)
        return _checked_origin(parts.scheme, parts.netloc)
    if settings.USE_X_FORWARDED_HOST:
        return None
    scheme = environ.get("wsgi.url_scheme")
    host = environ.get("HTTP_HOST")
    if host is None:  # an HTTP/1.0 client: the server's name, as HttpRequest._get_raw_host has it
        host, port = environ["SERVER_NAME"], str(environ["SERVER_PORT"])
        if port != ("443" if scheme == "https" else "80"):
            host = f"{host}:{port}"
    return _checked_origin(scheme, host)


@lru_cache(maxsize=64)
def _checked_origin(scheme: str, host: str) -> str | None:
    """The origin, if Django's own host validation (``ALLOWED_HOSTS``) accepts the host."""
    request = HttpRequest()
    request.META = {"HTTP_HOST": host}
    try:
        return f"{scheme}://{request.get_host()}"
    except DisallowedHost:
        return None


def _forget_hosts(*, setting, **kwargs) -> None:
    if setting in ("ALLOWED_HOSTS", "DEBUG", "PUBLIC_URL"):
        _checked_origin.cache_clear()


setting_changed.connect(_forget_hosts)


@lru_cache(maxsize=16)
def _http_date(changed_at: dt.datetime) -> str:
    return http_date(changed_at.timestamp())


def _not_modified(environ, etag: str, changed_at: dt.datetime) -> bool:
    """Steps 3 and 4 of ``django.utils.cache.get_conditional_response`` (RFC 9110 13.2.2) for GET/HEAD."""
    header = environ.get("HTTP_IF_NONE_MATCH")
    etags = parse_etags(header) if header else []
    if etags:
        return not compat.if_none_match_passes(etag, etags)
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    since = since and parse_http_date_safe(since)
    return bool(since) and not compat.if_modified_since_passes(int(changed_at.timestamp()), since)


def _kept_on_304(stored: list, etag: str, last_modified: str):
    present = {name.lower(): value for name, value in stored}
    present["etag"], present["last-modified"] = etag, last_modified
    for name in _KEPT_ON_304:
        if name.lower() in present:
            yield name, present[name.lower()]
