"""Every private or undocumented Django, DRF and django-filter API Hangar relies on, in one place.

The fast path compiles ORM queries once and runs them with its own parameters, the response cache
answers conditional requests outside Django's handler, and the local-memory cache is bounded in bytes:
each needs something the libraries do not promise to keep. Each use is a small function here, and
``tests/test_compat.py`` exercises every one of them against the installed versions, so an upgrade
that moves one fails loudly in one test instead of quietly changing a response.
"""

from django.core.handlers import wsgi as django_wsgi
from django.utils import cache as django_cache
from django_filters import utils as filter_utils

# --- the ORM's query compiler -------------------------------------------------------------------------


def compile_query(queryset, alias: str):
    """(compiler, sql, params) of ``queryset`` on database ``alias``, as the ORM would run it."""
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    return compiler, sql, params


def column_converters(compiler) -> dict:
    """{column index: converters} the ORM applies to the rows of ``compiler``'s query."""
    return compiler.get_converters([column for column, _, _ in compiler.select])


def convert_rows(compiler, rows, converters: dict) -> list[tuple]:
    """``rows`` as the ORM would hand them out, after the given ``column_converters``."""
    return [tuple(row) for row in compiler.apply_converters(rows, converters)]


def unordered_sql(queryset) -> tuple[str, tuple]:
    """The SQL and parameters of ``queryset`` without its ordering (what a count reads)."""
    return queryset.order_by().query.sql_with_params()


def ordering_terms(queryset) -> tuple:
    """The terms ``queryset`` orders by (its own, else its model's default); empty when sliced."""
    query = queryset.query
    if query.is_sliced:
        return ()
    return tuple(query.order_by or (query.get_meta().ordering if query.default_ordering else ()))


def limit_offset_sql(connection, start: int, stop: int) -> str:
    """The backend's ``LIMIT … OFFSET …`` clause for rows ``start`` to ``stop``."""
    return connection.ops.limit_offset_sql(start, stop)


def like_escaped(connection, text: str) -> str:
    """``text`` with the backend's LIKE wildcards escaped."""
    return connection.ops.prep_for_like_query(text)


def queries_logged(connection) -> bool:
    """Whether ``connection`` records its queries (``DEBUG``, or a test counting them)."""
    return connection.queries_logged


def m2m_columns(relation) -> tuple[str, str]:
    """(field to this side, field to the other side) of a many-to-many relation's through table."""
    return relation.m2m_field_name(), relation.m2m_reverse_field_name()


# --- DRF ----------------------------------------------------------------------------------------------


def set_serializer_context(serializer, context: dict) -> None:
    """Give an already built serializer (and every field below it) a new context.

    Fields read the context from their root at render time, so one serializer built per thread serves
    every request; building a nested serializer's fields deep-copies them, which is slow.
    """
    serializer._context = context


# --- django-filter ------------------------------------------------------------------------------------


def filter_validation_error(errors):
    """The ``ValidationError`` django-filter's backend raises for a form's ``errors``."""
    return filter_utils.translate_validation(errors)


# --- conditional requests (RFC 9110 13.2.2, as Django evaluates them) -----------------------------------


def if_none_match_passes(etag: str, etags: list[str]) -> bool:
    return django_cache._if_none_match_passes(etag, etags)


def if_modified_since_passes(last_modified: int, since: int) -> bool:
    return django_cache._if_modified_since_passes(last_modified, since)


# --- WSGI environ, read as Django's WSGIRequest reads it --------------------------------------------------


def wsgi_path(environ) -> str:
    """The request path (script name and path info) as ``WSGIRequest.path`` has it."""
    script_name = django_wsgi.get_script_name(environ)
    path_info = django_wsgi.get_path_info(environ) or "/"
    return f"{script_name.rstrip('/')}/{path_info.replace('/', '', 1)}"


def wsgi_query_bytes(environ) -> bytes:
    return django_wsgi.get_bytes_from_wsgi(environ, "QUERY_STRING", "")


# --- the local-memory cache's store ---------------------------------------------------------------------


def locmem_entries(cache) -> dict:
    """{key: pickled value} of a ``LocMemCache``, most recently used first."""
    return cache._cache


def locmem_lock(cache):
    return cache._lock


def locmem_evict_oldest(cache) -> int:
    """Drop the least recently used entry of a ``LocMemCache`` (caller holds its lock); its size."""
    key, pickled = cache._cache.popitem()
    del cache._expire_info[key]
    return len(pickled)


def locmem_delete(cache, key: str) -> None:
    """Delete an already made key (caller holds the lock)."""
    cache._delete(key)


# --- gunicorn's own error pages -------------------------------------------------------------------------


def gunicorn_json_errors(render) -> None:
    """Make gunicorn answer the requests it refuses itself (400, 414, 431, …) with ``render``'s body.

    gunicorn writes those as HTML through ``gunicorn.util.write_error(sock, status, reason, message)``,
    looked up on the module at each call; ``render(status, reason, message)`` returns the JSON bytes.
    """
    from gunicorn import util

    def write_error(sock, status_int, reason, mesg):
        payload = render(status_int, reason, mesg)
        head = (
            f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        )
        util.write_nonblock(sock, head.encode("latin1") + payload)

    util.write_error = write_error
