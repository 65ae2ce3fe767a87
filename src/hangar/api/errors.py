"""Every error answer is JSON in one format, ``{"detail": "..."}``, whichever layer gives it.

DRF's views already answer so (400s name the parameter instead, as upstream's do). This module gives the
same shape to what Django answers outside them (``handler400``/``403``/``404``/``500`` in
``hangar.urls``), to what escapes Django altogether (``ErrorGuard``, the outermost WSGI layer), and to
gunicorn's own 400/414/431 (``hangar.gunicorn_hooks``).

The database being unreachable, failing or too slow is not a bug: it is a **503** with ``Retry-After``,
from every layer, and the worker recovers by itself (Django reconnects; ``CONN_HEALTH_CHECKS`` drops a
connection that died while idle). A request still running after ``HANGAR_REQUEST_TIMEOUT`` seconds (a
database hung mid-query: TCP keeps the socket open, so no driver timeout fires) is interrupted the same
way, before gunicorn would kill the worker; its database connections are closed.
"""

import logging
import signal
import threading
from http import HTTPStatus

import orjson
from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpResponse

logger = logging.getLogger("hangar.errors")

RETRY_AFTER = 5  # seconds a client is asked to wait after a 503


class RequestTimeout(Exception):
    """Raised in a request that ran past ``HANGAR_REQUEST_TIMEOUT`` (from a SIGALRM handler)."""


def body(detail: str) -> bytes:
    return orjson.dumps({"detail": detail})


def json_error(status: int, detail: str | None = None, **headers) -> HttpResponse:
    response = HttpResponse(
        body(detail or HTTPStatus(status).phrase + "."), status=status, content_type="application/json"
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether ``exc`` means the database cannot answer now (rather than a bug)."""
    if isinstance(exc, RequestTimeout):
        return True
    if isinstance(exc, DatabaseError):  # Django's wrapped errors: OperationalError, InterfaceError, …
        from django.db import InterfaceError, OperationalError

        return isinstance(exc, OperationalError | InterfaceError)
    for alias in connections:  # the driver's own, raised outside Django's wrapper (versioning.current)
        database = connections[alias].Database
        if isinstance(exc, database.OperationalError | database.InterfaceError):
            return True
    return False


def unavailable_response() -> HttpResponse:
    return json_error(503, "The database is unavailable. Try again shortly.", Retry_After=str(RETRY_AFTER))


# --- Django's error handlers (hangar.urls) ------------------------------------------------------------


def bad_request(request, exception=None):
    return json_error(400, "Bad request.")


def permission_denied(request, exception=None):
    return json_error(403, "You do not have permission to perform this action.")


def not_found(request, exception=None):
    return json_error(404, "Not found.")


def server_error(request):
    import sys

    exc = sys.exc_info()[1]  # Django calls the handler inside its ``except``
    if database_unavailable(exc):
        if isinstance(exc, RequestTimeout):
            connections.close_all()  # interrupted mid-query: the connections' state is unknown
        return unavailable_response()
    return json_error(500, "Internal server error.")


class OneLineFilter(logging.Filter):
    """Logs a refused ``Host`` or an unavailable database as one line, without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None and record.name == "django.security.DisallowedHost":
            return True
        from django.core.exceptions import DisallowedHost

        if isinstance(exc, DisallowedHost) or database_unavailable(exc):
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {str(exc).strip().splitlines()[0]})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


# --- the outermost WSGI layer ------------------------------------------------------------------------


def _start_json(start_response, status: int, detail: str, extra=()) -> list[bytes]:
    payload = body(detail)
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(payload))), *extra]
    start_response(f"{status} {HTTPStatus(status).phrase}", headers, None)
    return [payload]


class ErrorGuard:
    """WSGI middleware around everything: nothing escapes as gunicorn's HTML 500, and slow requests end.

    Whatever the application raises is answered as JSON: a 503 with ``Retry-After`` when the database
    is unavailable, else a 500 (logged with its traceback). With ``timeout`` (seconds; gunicorn's sync
    workers run requests on the main thread) a SIGALRM interrupts a request that runs longer.
    """

    def __init__(self, app, timeout: float | None = None):
        self.app = app
        self.timeout = timeout

    def __call__(self, environ, start_response):
        armed = self._arm()
        try:
            return self.app(environ, start_response)
        except Exception as exc:
            if database_unavailable(exc):
                if isinstance(exc, RequestTimeout):
                    connections.close_all()
                logger.warning(
                    "503 %s %s: database unavailable (%s: %s)",
                    environ.get("REQUEST_METHOD"),
                    environ.get("PATH_INFO"),
                    type(exc).__name__,
                    str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                )
                return _start_json(
                    start_response,
                    503,
                    "The database is unavailable. Try again shortly.",
                    [("Retry-After", str(RETRY_AFTER))],
                )
            logger.exception("500 %s %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"))
            return _start_json(start_response, 500, "Internal server error.")
        finally:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)

    def _arm(self) -> bool:
        if not self.timeout or threading.current_thread() is not threading.main_thread():
            return False
        signal.signal(signal.SIGALRM, _interrupt)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        return True


def _interrupt(signum, frame):
    raise RequestTimeout(f"the request ran longer than {settings.REQUEST_TIMEOUT} s")
