"""Filter backends and FilterSets: django-filter, DRF search and ordering, configured for LL2 semantics.

- Booleans accept ``true``/``false``/``1``/``0`` in any case; ids must be whole numbers. Anything else is
  a 400 naming the parameter (upstream silently ignores bad values).
- Search is DRF's ``SearchFilter`` (terms split on spaces and commas, every term must match) with a
  case-insensitive contains that folds Unicode identically on SQLite and PostgreSQL (``ifold``).
- Ordering is DRF's ``OrderingFilter`` (unknown fields ignored, as upstream) with NULLs placed as
  PostgreSQL places them on both databases and ``id`` always the final tiebreaker, so pages are stable.

The FilterSets stay the definition (the browsable API's form, the OpenAPI schema); ``read_filters``
validates their parameters on the fast path without building a Django form, through the same form
fields, so values, semantics and 400 messages are the same.
"""

import copy
from functools import cache

import django_filters
from django import forms
from django.db import connections
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.forms.utils import ErrorDict, ErrorList
from django_filters.constants import EMPTY_VALUES
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import filters

from hangar.api.params import BOOLEAN_HELP, BOOLEAN_WORDS, MAX_INT
from hangar.catalog.lookups import sqlite_lower
from hangar.catalog.models import Spacecraft, SpacecraftConfig, SpacecraftConfigFamily, SpacecraftFlight


class StrictBooleanField(forms.Field):
    default_error_messages = {"invalid": "%(value)r is not a boolean. " + BOOLEAN_HELP}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        result = BOOLEAN_WORDS.get(str(value).strip().lower())
        if result is None:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            )
        return result

    def validate(self, value):
        pass


@extend_schema_field(OpenApiTypes.BOOL)
class BooleanFilter(django_filters.Filter):
    """``true``/``false``/``1``/``0`` in any case; anything else is a 400 (django-filter would ignore it)."""

    field_class = StrictBooleanField


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """An integer id; a non-integer is a 400, an id that matches nothing gives an empty page."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_INT)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Must be a whole number (an id).",
                "min_value": f"Must be an id from 0 to {MAX_INT}.",
                "max_value": f"Must be an id from 0 to {MAX_INT}.",
            },
        )
        super().__init__(*args, **kwargs)


INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    """A whole number in an integer column's range (years, launch counts); anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        message = f"Must be a whole number from {INT32_MIN} to {INT32_MAX}."
        kwargs.setdefault("min_value", INT32_MIN)
        kwargs.setdefault("max_value", INT32_MAX)
        kwargs.setdefault("error_messages", {"invalid": message, "min_value": message, "max_value": message})
        super().__init__(*args, **kwargs)


class SpacecraftFilterSet(django_filters.FilterSet):
    in_space = BooleanFilter()
    is_placeholder = BooleanFilter()
    name = django_filters.CharFilter(lookup_expr="exact")
    spacecraft_config = IdFilter(field_name="spacecraft_config_id")
    status = IdFilter(field_name="status_id")

    class Meta:
        model = Spacecraft
        fields = ("in_space", "is_placeholder", "name", "spacecraft_config", "status")


class SpacecraftConfigFilterSet(django_filters.FilterSet):
    agency = IdFilter(field_name="agency_id")
    human_rated = BooleanFilter()
    in_use = BooleanFilter()
    name = django_filters.CharFilter(lookup_expr="exact")

    class Meta:
        model = SpacecraftConfig
        fields = ("agency", "human_rated", "in_use", "name")


class SpacecraftConfigFamilyFilterSet(django_filters.FilterSet):
    manufacturer = IdFilter(field_name="manufacturer_id")
    name = django_filters.CharFilter(lookup_expr="exact")

    class Meta:
        model = SpacecraftConfigFamily
        fields = ("manufacturer", "name")


class SearchFilter(filters.SearchFilter):
    """DRF's search (every term must match some field) with ``ifold`` matching.

    Related fields stay behind DRF's join. Matching them by id instead
    (``spacecraft_config_id IN (SELECT id … WHERE name …)``) makes a million-row count three times
    faster on SQLite, but the subquery is evaluated in full before a page can stop early: a page
    of 'soyuz' went from 5 ms to 150 ms, and counts are cached per data version while pages are not.
    """

    def construct_search(self, field_name, queryset=None):
        if field_name[:1] in self.lookup_prefixes:
            return super().construct_search(field_name, queryset)
        return f"{field_name}__ifold"

    def count_queryset(self, request, view, queryset):
        """What ``queryset`` counts, with long terms answered by SQLite's trigram indexes; or None.

        The view's queryset through every other filter backend, then each search term: one of three
        characters or more (folded as ``ifold`` folds it) as the rows whose searched field holds it
        as a phrase of trigrams in a trigram table (migration 0007), which is exactly a substring
        match of the folded text; a shorter term by the ``ifold`` lookups as in ``filter_queryset``.
        The same rows, found through the indexes instead of by testing every row of the table. None
        when that cannot be done: not SQLite, no term long enough, or a search field without a table.
        """
        if connections[queryset.db].vendor != "sqlite":
            return None
        terms = self.get_search_terms(request)
        fields = [str(field) for field in self.get_search_fields(view, request) or ()]
        sources = [_trigram_source(queryset.db, queryset.model, field) for field in fields]
        if not fields or None in sources or all(len(sqlite_lower(term)) < 3 for term in terms):
            return None
        if self.must_call_distinct(queryset, fields):
            return None
        counted = view.get_queryset()
        for backend in view.filter_backends:
            if not issubclass(backend, filters.SearchFilter):
                counted = backend().filter_queryset(request, counted, view)
        for term in terms:
            folded = sqlite_lower(term)
            either = Q()
            if len(folded) < 3:
                for field in fields:
                    either |= Q(**{self.construct_search(field, counted): term})
            else:
                phrase = '"' + folded.replace('"', '""') + '"'
                for match_on, table in sources:
                    rowids = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (phrase,))
                    either |= Q(**{f"{match_on}__in": rowids})
            counted = counted.filter(either)
        return counted


_TRIGRAM_TABLES: dict = {}


def _trigram_source(alias: str, model, field_path: str) -> tuple[str, str] | None:
    """(what to match against the trigram table's rowids, the table) for one search field, or None.

    A field of the model itself matches on ``pk``; a field one foreign key away on that key. The
    tables are named by migration 0007's convention and looked up once per database file.
    """
    parts = field_path.split("__")
    if len(parts) == 1:
        target, column, match_on = model, parts[0], "pk"
    elif len(parts) == 2:
        relation = model._meta.get_field(parts[0])
        if not (relation.many_to_one and relation.concrete):
            return None
        target, column, match_on = relation.related_model, parts[1], relation.name
    else:
        return None
    table = f"hangar_trgm_{target._meta.model_name}_{column}"
    key = (connections[alias].settings_dict["NAME"], table)
    if key not in _TRIGRAM_TABLES:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
            _TRIGRAM_TABLES[key] = cursor.fetchone() is not None
    return (match_on, table) if _TRIGRAM_TABLES[key] else None


class OrderingFilter(filters.OrderingFilter):
    """Orders by the requested fields, then by ``id`` in the direction of the last field.

    NULLs come last ascending and first descending (PostgreSQL's default, made explicit so SQLite agrees);
    following the last field's direction lets one (field, id) index serve both directions.
    """

    def filter_queryset(self, request, queryset, view):
        terms = self.get_ordering(request, queryset, view) or ["id"]
        expressions = []
        for term in terms:
            name = term.lstrip("-")
            if term.startswith("-"):
                expressions.append(F(name).desc(nulls_first=True))
            else:
                expressions.append(F(name).asc(nulls_last=True))
        if "id" not in {t.lstrip("-") for t in terms}:
            expressions.append(F("id").desc() if terms[-1].startswith("-") else F("id").asc())
        return queryset.order_by(*expressions)


class SpacecraftFlightFilterSet(django_filters.FilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id")

    class Meta:
        model = SpacecraftFlight
        fields = ("spacecraft",)


@cache
def plain_filters(filterset_class) -> tuple | None:
    """(name, form field, filter) for each of a FilterSet's filters, or None if one is not plain.

    Plain: a field whose widget reads ``data.get(name)`` and a filter that is one lookup with the
    cleaned value (no ``method``, ``exclude`` or ``distinct``), which is all ``read_filters`` and the
    fast path's compiled queries reproduce. Copies, so the FilterSet's own filters stay untouched.
    """
    found = []
    for name, declared in filterset_class.base_filters.items():
        flt = copy.deepcopy(declared)
        field = flt.field
        widget_reads = type(field.widget).value_from_datadict is forms.Widget.value_from_datadict
        if flt.method is not None or flt.exclude or flt.distinct or field.disabled or not widget_reads:
            return None
        if type(flt).filter is not django_filters.Filter.filter:
            return None
        found.append((name, field, flt))
    return tuple(found)


def read_filters(filterset_class, query_params) -> dict | None:
    """The non-empty cleaned filter values, in declaration order; None when the set is not plain.

    What ``DjangoFilterBackend`` would validate, without the form: each field's own ``clean`` on
    ``query_params.get(name)`` (the last value, as the form's widgets read it). Invalid values raise
    the ``ValidationError`` django-filter raises, with the same messages in the same order.
    """
    filters_ = plain_filters(filterset_class)
    if filters_ is None:
        return None
    values, errors = {}, None
    for name, field, _ in filters_:
        raw = query_params.get(name)
        if raw is None and not field.required:
            continue  # clean(None) is the field's empty value, which filters nothing
        try:
            value = field.clean(raw)
        except forms.ValidationError as exc:
            errors = errors if errors is not None else ErrorDict()
            errors.setdefault(name, ErrorList()).extend(exc.error_list)
            continue
        if value not in EMPTY_VALUES:
            values[name] = value
    if errors:
        raise translate_validation(errors)
    return values
