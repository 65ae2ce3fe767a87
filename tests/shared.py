"""Data shared by every test of a module, and the database state such sharing must leave behind."""

import pytest
from django.db import connection, transaction

from hangar.catalog.models import DataVersion
from hangar.ingest.generate import clear_catalog


def shared_data(build, params=None):
    """A module-scoped fixture: ``build()`` once, committed, for every test of a module.

    With ``params``, ``build(param)`` once per param: pytest runs the module's tests param by param.

    Each test runs in a transaction of its own on top of it (it must ask for ``db`` too, which is what
    makes pytest-django create the test database), so nothing a test writes outlives it; the catalog is
    emptied when the module ends. Only for modules whose database tests all read the same data.
    """

    @pytest.fixture(scope="module", params=params)
    def fixture(request, django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            value = build(request.param) if params else build()
        yield value
        with django_db_blocker.unblock():
            with transaction.atomic():
                clear_catalog()
                DataVersion.objects.all().delete()
            forget_planner_statistics()  # generate's ANALYZE would steer later tests' query plans

    return fixture


def forget_planner_statistics() -> None:
    """SQLite plans without statistics again: ANALYZE's rows are deleted (rolled back with the test
    when inside one), and the planner forgets the ones it had loaded (which a rollback does not do)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")
        cursor.execute("ANALYZE sqlite_schema")


def keep_test_connection():
    """A generator for fixtures: Django's WSGI handler called directly closes the database connection
    after each request (``close_old_connections``: autocommit is off inside a test's transaction), which
    on PostgreSQL ends the test's transaction. The test client avoids that the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
