"""Every private library API ``hangar.compat`` wraps still behaves as Hangar relies on.

An upgrade of Django, DRF or django-filter that moves one of them fails here, by name, rather than
changing a response somewhere else.
"""

import pickle

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.forms.utils import ErrorDict, ErrorList
from rest_framework.exceptions import ValidationError

from hangar import compat
from hangar.api.serializers.agency import AgencyMiniSerializer
from hangar.catalog.models import Agency, AgencyType, Spacecraft


def test_compiling_a_query_gives_its_sql_params_and_converters(db):
    AgencyType.objects.create(id=1, name="Government")
    Agency.objects.create(id=7, name="Seven", type_id=1, featured=True)
    queryset = Agency.objects.filter(pk__in=[7]).values_list("pk", "featured", "name")
    compiler, sql, params = compat.compile_query(queryset, "default")
    assert "catalog_agency" in sql and list(params) == [7]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    converters = compat.column_converters(compiler)
    assert compat.convert_rows(compiler, rows, converters) == [(7, True, "Seven")]


def test_unordered_sql_and_ordering_terms(db):
    queryset = Spacecraft.objects.filter(name="Soyuz").order_by("-name")
    sql, params = compat.unordered_sql(queryset)
    assert "ORDER BY" not in sql and list(params) == ["Soyuz"]
    assert compat.ordering_terms(queryset) == ("-name",)
    assert compat.ordering_terms(Spacecraft.objects.all()) == ("id",)  # Meta.ordering
    assert compat.ordering_terms(queryset[:3]) == ()


def test_backend_helpers(db):
    assert "LIMIT" in compat.limit_offset_sql(connection, 10, 20).upper()
    assert compat.like_escaped(connection, "100%_x") != "100%_x"
    assert isinstance(compat.queries_logged(connection), bool)
    assert compat.m2m_columns(Agency._meta.get_field("country")) == ("agency", "country")


def test_a_built_serializer_takes_a_new_context(rf):
    serializer = AgencyMiniSerializer(context={})
    request = rf.get("/")
    compat.set_serializer_context(serializer, {"request": request})
    assert serializer.fields["url"].context["request"] is request


def test_django_filters_validation_error_keeps_the_messages():
    errors = ErrorDict({"in_space": ErrorList(["not a boolean"])})
    error = compat.filter_validation_error(errors)
    assert isinstance(error, ValidationError) and error.detail == {"in_space": ["not a boolean"]}


@pytest.mark.parametrize(
    ("etag", "etags", "passes"), [('"a"', ['"a"'], False), ('"a"', ['"b"'], True), ('"a"', ["*"], False)]
)
def test_if_none_match(etag, etags, passes):
    assert compat.if_none_match_passes(etag, etags) is passes


def test_if_modified_since():
    assert compat.if_modified_since_passes(100, 50) is True
    assert compat.if_modified_since_passes(100, 100) is False


def test_wsgi_path_and_query():
    environ = {"SCRIPT_NAME": "/base", "PATH_INFO": "/2.3.0/spacecraft/", "QUERY_STRING": "a=1"}
    assert compat.wsgi_path(environ) == "/base/2.3.0/spacecraft/"
    assert compat.wsgi_query_bytes(environ) == b"a=1"


def test_the_local_memory_store():
    cache = LocMemCache("compat-test", {})
    cache.set("first", 1)
    cache.set("second", 2)
    key = cache.make_and_validate_key("second")
    entries = compat.locmem_entries(cache)
    assert next(iter(entries)) == key and pickle.loads(entries[key]) == 2  # most recent first
    with compat.locmem_lock(cache):
        assert compat.locmem_evict_oldest(cache) == len(pickle.dumps(1, cache.pickle_protocol))
        compat.locmem_delete(cache, key)
    assert cache.get("first") is None and cache.get("second") is None
