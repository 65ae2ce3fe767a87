"""The search and ordering backends: DRF's, configured for LL2 semantics.

- Search is DRF's ``SearchFilter`` (terms split on spaces and commas, every term must match) with a
  case-insensitive contains that folds Unicode identically on SQLite and PostgreSQL (``ifold``).
- Ordering is DRF's ``OrderingFilter`` (unknown fields ignored, as upstream) with NULLs placed as
  PostgreSQL places them on both databases and ``id`` always the final tiebreaker, so pages are stable.
- Both read fields by upstream's names; a view whose relations Hangar names otherwise maps them to its
  own in ``upstream_paths`` (a payload's ``payloadflight__rocket__launch__net`` is its
  ``flights__launch__net``), the one place that translation is written.
- An ordering through a to-many relation orders by the smallest related value (a payload by its
  first flight's launch NET), in both directions: each row appears once.
"""

from django.db import connections
from django.db.models import CharField, F, Min, OuterRef, Q, Subquery, TextField
from django.db.models.expressions import RawSQL
from rest_framework import filters

from hangar.catalog import search_index
from hangar.catalog.lookups import sqlite_lower


def hangar_path(view, field_path: str) -> str:
    """Hangar's ORM path for a field upstream names ``field_path`` on this view (``upstream_paths``)."""
    return getattr(view, "upstream_paths", {}).get(field_path, field_path)


class SearchFilter(filters.SearchFilter):
    """DRF's search (every term must match some field) with ``ifold`` matching.

    Related fields stay behind DRF's join. Matching them by id instead
    (``spacecraft_config_id IN (SELECT id … WHERE name …)``) makes a million-row count three times
    faster on SQLite, but the subquery is evaluated in full before a page can stop early: a page
    of 'soyuz' went from 5 ms to 150 ms, and counts are cached per data version while pages are not.
    """

    def get_search_fields(self, view, request):
        fields = super().get_search_fields(view, request)
        return None if fields is None else [hangar_path(view, str(field)) for field in fields]

    def construct_search(self, field_name, queryset=None):
        if field_name[:1] in self.lookup_prefixes:
            return super().construct_search(field_name, queryset)
        if queryset is not None and not _is_text(queryset.model, field_name):
            # Upstream searches some numbers (a pad's launch counts): the database matches their decimal
            # text, as DRF's icontains does; digits have no case to fold.
            return f"{field_name}__icontains"
        return f"{field_name}__ifold"

    def count_queryset(self, request, view, queryset):
        """What ``queryset`` counts, with long terms answered by SQLite's trigram indexes; or None.

        The view's queryset through every other filter backend, then each search term: one of three
        characters or more (folded as ``ifold`` folds it) as the rows whose searched field holds it
        as a phrase of trigrams in its trigram table (``catalog.search_index``), which is exactly a substring
        match of the folded text; a shorter term by the ``ifold`` lookups as in ``filter_queryset``.
        The same rows, found through the indexes instead of by testing every row of the table. None
        when that cannot be done: not SQLite, no term long enough, or a search field without a table.
        """
        if connections[queryset.db].vendor != "sqlite":
            return None
        terms = self.get_search_terms(request)
        fields = [str(field) for field in self.get_search_fields(view, request) or ()]
        if not fields or all(len(sqlite_lower(term)) < 3 for term in terms):
            return None
        sources = [_trigram_source(queryset.db, queryset.model, field) for field in fields]
        if None in sources:
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


def _is_text(model, field_path: str) -> bool:
    """Whether the field a search path ends at holds text (``ifold`` applies) rather than a number."""
    *relations, name = field_path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return isinstance(model._meta.get_field(name), CharField | TextField)


_TRIGRAM_TABLES: dict = {}


def _trigram_source(alias: str, model, field_path: str) -> tuple[str, str] | None:
    """(what to match against the trigram table's rowids, the table) for one search field, or None.

    A field of the model itself matches on ``pk``; a field one foreign key away on that key. The
    tables are named by ``catalog.search_index`` and looked up once per database file.
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
    table = search_index.trigram_table(target._meta.model_name, column)
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
            value = _ordering_value(queryset.model, hangar_path(view, term.lstrip("-")))
            if term.startswith("-"):
                expressions.append(value.desc(nulls_first=True))
            else:
                expressions.append(value.asc(nulls_last=True))
        if "id" not in {t.lstrip("-") for t in terms}:
            expressions.append(F("id").desc() if terms[-1].startswith("-") else F("id").asc())
        return queryset.order_by(*expressions)


def _ordering_value(model, field_path: str):
    """What a row sorts by: the field, or through a to-many relation the smallest related value (one
    per row, so ordering never repeats a row; none related is NULL)."""
    for relation in field_path.split("__")[:-1]:
        field = model._meta.get_field(relation)
        if field.one_to_many or field.many_to_many:
            first = (
                model._default_manager.filter(pk=OuterRef("pk"))
                .order_by()
                .values("pk")
                .annotate(first=Min(field_path))
                .values("first")
            )
            return Subquery(first)
        model = field.related_model
    return F(field_path)
