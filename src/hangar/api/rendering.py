"""Fast JSON for list and detail pages: DRF's exact bytes without DRF serializers on the hot path.

Building model instances and running nested ``ModelSerializer``s costs ~0.5 ms per object, and the ORM
compiling four wide join queries costs more than running them. The serializers still define the shape
(the browsable API, the OpenAPI schema and the tests read them); a ``RowRenderer`` reads that shape
once and then renders a page from one narrow ``values_list`` query:

- the resource's own fields are formatted from its columns exactly as the DRF field would format them;
- each nested object or list item (image, status, configuration, flight, …) is rendered the first
  time it is needed, by a nested ``RowRenderer`` or, for small shared tables, by its DRF serializer,
  and kept as a JSON fragment while the data version, origin and ``format`` stay the same; a page
  then mostly splices cached fragments, and a cold one costs one or two queries per shape, whatever
  its size (``api.shapes`` declares the shapes);
- orjson writes the page. The one difference from DRF's ``json.dumps``, U+2028/U+2029 (which DRF
  escapes), is dealt with where text enters the page: every string a row renderer formats and every
  fragment is escaped when it is made, so the page itself is never searched (a detailed page is
  1.5 MB, and searching it cost more than writing it). A test compares the bytes with DRF's for every
  query feature.

Register a renderer per (viewset, mode) with ``register``; any other pair, and any renderer but JSON
(the browsable API), takes DRF's ordinary path.
"""

import datetime as dt
import threading

import orjson
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import connections, router
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.settings import ISO_8601, api_settings

from hangar.api.listing import page_ids
from hangar.api.renderers import JSONRenderer, PreRendered, dumps, json_text
from hangar.api.serializers.fields import (
    ConstantField,
    DurationField,
    ResourceURLField,
    format_duration,
    format_microseconds,
)
from hangar.catalog import versioning

# Fragments kept per renderer, origin and format in each worker; the store is emptied when the data
# version changes or it is full (by count or by bytes of JSON), so a worker's memory stays flat
# however many objects it renders.
MAX_FRAGMENTS = 20_000
MAX_FRAGMENT_BYTES = 32 * 1024 * 1024

_REGISTRY: dict[tuple[type, str], "RowRenderer"] = {}
_ALL: list["RowRenderer"] = []


class _Store(dict):
    """One renderer's fragments for one origin and format: {(field, pk): fragment}, with their size."""

    __slots__ = ("nbytes",)

    def __init__(self):
        super().__init__()
        self.nbytes = 0

    def keep(self, key, body: bytes) -> None:
        # Copied to its own size first: orjson returns its growth buffer as the bytes object, at
        # least 4 KB and several times the JSON for larger documents (a 2.3 KB fragment held 32 KB).
        # Kept as they came, 100,000 fragments (140 MB of JSON) took 640 MB of a worker's memory.
        self[key] = orjson.Fragment(bytes(memoryview(body)))
        self.nbytes += len(body)


def _padded_size(count: int) -> int:
    """The next power of two up to 1,024, then the next multiple of 1,024 (under SQLite's 32,766
    parameters for any page the API serves)."""
    if count <= 1024:
        return 1 << (count - 1).bit_length()
    return -(-count // 1024) * 1024


def _date(value):
    return value.isoformat()


def _duration(value):
    # A timedelta, or on SQLite the stored microseconds when the fetch skipped Django's converter.
    return format_microseconds(value) if type(value) is int else format_duration(value)


def _text(value):
    return json_text(str(value))


def _utc_datetime(value):
    # DRF's DateTimeField with ISO 8601 output in UTC: enforce_timezone, isoformat, "+00:00" -> "Z".
    text = value.astimezone(dt.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _is_utc_iso_datetime(field) -> bool:
    return (
        isinstance(field, serializers.DateTimeField)
        and getattr(field, "format", api_settings.DATETIME_FORMAT) == api_settings.DATETIME_FORMAT
        and str(api_settings.DATETIME_FORMAT).lower() == ISO_8601
        and not hasattr(field, "timezone")
        and settings.USE_TZ
        and settings.TIME_ZONE == "UTC"
    )


# How a DRF field formats a non-null model value; most specific first. Others call to_representation.
_FORMATTERS = (
    (DurationField, _duration),
    (serializers.BooleanField, bool),
    (serializers.CharField, _text),
    (serializers.IntegerField, int),
    (serializers.FloatField, float),
)


def _safe_text(represent):
    def formatted(value):
        value = represent(value)
        return json_text(value) if isinstance(value, str) else value

    return formatted


def _formatter(field):
    for field_class, formatter in _FORMATTERS:
        if isinstance(field, field_class):
            return formatter
    if _is_utc_iso_datetime(field):
        return _utc_datetime
    if isinstance(field, serializers.DateField) and not isinstance(field, serializers.DateTimeField):
        return _date
    return _safe_text(field.to_representation)


def _column(model, field) -> str:
    """The ``values_list`` name of a plain field's source: its column, or for a dotted source through
    foreign keys (``parent.name``) the lookup that joins it (``parent__name``), null when a link is."""
    *links, last = field.source.split(".")
    where = f"{field.parent.__class__.__name__}.{field.field_name}"
    if links and field.default is not None:  # DRF would fail on a missing link rather than give null
        raise ImproperlyConfigured(f"{where}: a dotted source needs default=None")
    for link in links:
        relation = model._meta.get_field(link)
        if not relation.many_to_one:
            raise ImproperlyConfigured(f"{where}: {link} is not a foreign key")
        model = relation.related_model
    attname = model._meta.get_field(last).attname
    return "__".join([*links, attname]) if links else attname


class RowRenderer:
    """Renders a ``ModelSerializer``'s shape from flat rows of its model's columns.

    ``nested`` says how each nested-serializer field is rendered, the first time an object is needed
    (afterwards its fragment is reused): either a callable giving the queryset the DRF serializer
    reads (fine for small shared tables: statuses, types, licences), or a ``RowRenderer`` for that
    serializer (for objects too many to render through DRF at a million rows: images, configurations).
    A ``many=True`` field (a reverse foreign key or a many-to-many) takes the same two. One query per
    page gets its (parent, item) pairs in the order DRF's prefetch reads them: the callable's queryset
    order, or the ``RowRenderer``'s ``order_by`` (by default the related model's ``Meta.ordering``);
    each item is then a fragment like a nested object. A plain field may have a dotted ``source``
    through foreign keys (``parent.name``, with ``default=None``): its column is joined.
    """

    def __init__(self, serializer_class, nested: dict | None = None, order_by: tuple[str, ...] = ()):
        self.serializer_class = serializer_class
        self.nested = nested or {}
        self.order_by = order_by
        _ALL.append(self)
        self._plan = None
        self._columns: list[str] = []
        self._fragments: dict = {}
        self._fragments_version = None
        self._sql: dict = {}
        self._serializers = threading.local()
        self._builder = None
        self._raw_columns: frozenset = frozenset()

    @property
    def plan(self) -> list[tuple[str, str, int, object]]:
        """(key, kind, column index, formatter or constant) per output key, in the serializer's order."""
        if self._plan is None:  # built on first use: serializer fields need the app registry
            self._plan, self._columns = self._build_plan()
        return self._plan

    @property
    def columns(self) -> list[str]:
        """The model columns a row holds, primary key first."""
        return self._columns if self._plan is not None else self._build_plan()[1]

    def _build_plan(self):
        model = self.serializer_class.Meta.model
        columns = ["pk"]
        plan = []
        for name, field in self.serializer_class().fields.items():
            if isinstance(field, ConstantField):
                plan.append((name, "constant", -1, field.value))
            elif isinstance(field, ResourceURLField):
                plan.append((name, "url", 0, field.view_name))
            elif isinstance(field, serializers.ListSerializer):
                if name not in self.nested:
                    raise ImproperlyConfigured(f"{self.serializer_class.__name__}.{name}: not in nested")
                relation = model._meta.get_field(field.source)
                # The lookup from the related model back to this one: image for Image.variants,
                # configs for SpacecraftConfig.family, family for SpacecraftConfigFamily.configs; a
                # many-to-many with no reverse name (a flight's crews) is read through its table.
                if not relation.concrete:
                    back = relation.field.name
                elif relation.remote_field.hidden:
                    back = relation
                else:
                    back = relation.related_query_name()
                plan.append((name, "many", 0, back))
            elif isinstance(field, serializers.BaseSerializer):
                if name not in self.nested:
                    raise ImproperlyConfigured(f"{self.serializer_class.__name__}.{name}: not in nested")
                columns.append(model._meta.get_field(field.source).attname)
                plan.append((name, "nested", len(columns) - 1, None))
            else:
                columns.append(_column(model, field))
                plan.append((name, "value", len(columns) - 1, _formatter(field)))
        # Booleans (0/1 on SQLite) and durations (microseconds on SQLite) are formatted straight from
        # what the database returns; Django's per-value converters were a tenth of a page's time.
        self._raw_columns = frozenset(
            index
            for (_, kind, index, formatter) in plan
            if kind == "value" and formatter in (bool, _duration)
        )
        return plan, columns

    def _rows(
        self, name: str, model, build, ids: list, id_field, raw: frozenset = frozenset()
    ) -> list[tuple]:
        """The rows of ``build(manager, ids)``, a ``values_list`` queryset whose only parameters are
        ``ids`` (values of ``id_field``), through SQL compiled once per query, database and size.

        Compiling ``pk__in=[…100 ids…]`` costs more than running it; only the parameters change.
        The ids are padded (repeating the last one, which ``IN`` ignores) to a size from a short list,
        so a worker keeps a few compiled queries per field rather than one per number of ids: keyed on
        the exact number, random pages grew a worker by hundreds of MB of compiled queries.
        Columns in ``raw`` skip Django's converters: their formatters read the database's own value.
        """
        if not ids:
            return []
        size = _padded_size(len(ids))
        ids = [*ids, *[ids[-1]] * (size - len(ids))]
        alias = router.db_for_read(model)
        key = (name, alias, size)
        prepared = self._sql.get(key)
        connection = connections[alias]
        if prepared is None:
            placeholders = list(range(size))
            queryset = build(model._default_manager.using(alias), placeholders)
            compiler = queryset.query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            # Ids that the database stores differently (UUIDs as text on SQLite) are prepared per call.
            as_stored = [id_field.get_db_prep_value(p, connection, prepared=False) for p in placeholders]
            if list(params) != as_stored:
                raise ImproperlyConfigured(f"{self.serializer_class.__name__}.{name}: parameters besides ids")
            converters = compiler.get_converters([column for column, _, _ in compiler.select])
            converters = {i: c for i, c in converters.items() if i not in raw}
            prep = None if as_stored == placeholders else id_field
            prepared = self._sql[key] = (sql, compiler, converters, prep)
        sql, compiler, converters, prep = prepared
        params = list(ids) if prep is None else [prep.get_db_prep_value(i, connection, False) for i in ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = [tuple(row) for row in compiler.apply_converters(rows, converters)]
        return rows

    def fetch(self, ids: list) -> dict:
        """The rows of ``ids``, by primary key."""
        model = self.serializer_class.Meta.model
        columns = self.columns  # builds the plan, and with it the raw columns, on first use
        rows = self._rows(
            "",
            model,
            lambda manager, ids: manager.filter(pk__in=ids).order_by().values_list(*columns),
            ids,
            model._meta.pk,
            self._raw_columns,
        )
        return {row[0]: row for row in rows}

    def _store(self, request) -> _Store:
        version = getattr(request, "hangar_data_version", None) or versioning.current()
        if version != self._fragments_version:
            self._fragments = {}
            self._fragments_version = version
        origin = request.build_absolute_uri("/")  # absolute URLs inside fragments depend on these
        fmt = request.GET.get("format")
        store = self._fragments.get((origin, fmt))
        if store is None or len(store) > MAX_FRAGMENTS or store.nbytes > MAX_FRAGMENT_BYTES:
            store = self._fragments[(origin, fmt)] = _Store()
        return store

    def _children(self, rows: list[tuple], request, store: _Store) -> dict:
        """The items of every ``many`` field for ``rows``: {(key, parent pk): [item fragment, …]}.

        One query per field gets the (parent, item) pairs in the order DRF's prefetch has them; items
        are fragments like nested objects, so a page whose items were seen before renders none.
        """
        children = {}
        parents = [row[0] for row in rows]
        parent_pk = self.serializer_class.Meta.model._meta.pk
        for name, kind, _, back in self.plan:
            if kind != "many" or not parents:
                continue
            how = self.nested[name]
            if isinstance(how, RowRenderer):
                queryset = how.serializer_class.Meta.model._default_manager.all()
                queryset = queryset.order_by(*how.order_by) if how.order_by else queryset
            else:
                queryset = how()

            if isinstance(back, str):

                def pairs_query(manager, ids, back=back, queryset=queryset):
                    return queryset.using(manager.db).filter(**{f"{back}__in": ids}).values_list(back, "pk")

            else:
                source, target = back.m2m_field_name(), back.m2m_reverse_field_name()
                order = queryset.query.order_by or queryset.model._meta.ordering
                order = [f"-{target}__{o[1:]}" if o.startswith("-") else f"{target}__{o}" for o in order]

                def pairs_query(manager, ids, through=back.remote_field.through, s=source, t=target, o=order):
                    rows = through._default_manager.using(manager.db).filter(**{f"{s}__in": ids})
                    return rows.order_by(*o).values_list(s, t)

            pairs = self._rows(name, queryset.model, pairs_query, parents, parent_pk)
            self._render_missing(name, {pk for _, pk in pairs}, request, store)
            for parent, pk in pairs:
                children.setdefault((name, parent), []).append(store[(name, pk)])
        return children

    def _nested_fragments(self, rows: list[tuple], request, store: _Store) -> None:
        for name, kind, index, _ in self.plan:
            if kind == "nested":
                wanted = {row[index] for row in rows if row[index] is not None}
                self._render_missing(name, wanted, request, store)

    def _render_missing(self, name: str, wanted: set, request, store: _Store) -> None:
        """Render into ``store`` the objects of field ``name`` among ``wanted`` (pks) that it lacks."""
        missing = [pk for pk in wanted if (name, pk) not in store]
        if not missing:
            return
        how = self.nested[name]
        if isinstance(how, RowRenderer):
            rows_by_id = how.fetch(missing)
            found = [rows_by_id[pk] for pk in missing if pk in rows_by_id]
            for row, item in zip(found, how.render(found, request), strict=True):
                store.keep((name, row[0]), orjson.dumps(item))  # already escaped
            return
        field = self._drf_field(name, request)
        for obj in how().filter(pk__in=missing):
            store.keep((name, obj.pk), dumps(field.to_representation(obj)))

    def _drf_field(self, name: str, request):
        """The DRF field that renders ``name`` (a list's child), bound to ``request``.

        Building a serializer's fields deep-copies every nested serializer, which cost a quarter of a
        cold detailed page when done per call; one serializer per renderer and thread is built once and
        given each request as its context (fields read the context from their root at render time).
        """
        serializers_ = self._serializers.__dict__
        serializer = serializers_.get("root")
        if serializer is None:
            serializer = serializers_["root"] = self.serializer_class(context={})
        serializer._context = {"request": request}
        field = serializer.fields[name]
        return field.child if isinstance(field, serializers.ListSerializer) else field

    def _row_builder(self):
        """A function (row, fragments, url templates, children) -> dict, generated from the plan.

        One dict display per row instead of a loop over fields with a branch each: the loop was most
        of the render time. The generated source only indexes the row and calls the formatters the
        plan chose; keys are emitted with repr(), in the serializer's order.
        """
        if self._builder is None:
            names, entries = {}, []
            for position, (key, kind, index, extra) in enumerate(self.plan):
                ref = f"x{position}"
                names[ref] = extra
                if kind == "value":
                    value = f"(None if (v := row[{index}]) is None else {ref}(v))"
                elif kind == "nested":
                    value = f"(None if (v := row[{index}]) is None else fragments[({key!r}, v)])"
                elif kind == "url":
                    value = f"urls[{ref}].format(row[0])"
                elif kind == "many":
                    value = f"children.get(({key!r}, row[0]), [])"
                else:
                    value = ref
                entries.append(f"{key!r}: {value}")
            source = "def build(row, fragments, urls, children):\n    return {" + ", ".join(entries) + "}\n"
            exec(compile(source, f"<row builder for {self.serializer_class.__name__}>", "exec"), names)
            self._builder = names["build"]
        return self._builder

    def render(self, rows: list[tuple], request) -> list[dict]:
        """One dict per row, in the serializer's key order; nested objects are orjson fragments."""
        build = self._row_builder()
        fragments = self._store(request)
        self._nested_fragments(rows, request, fragments)
        children = self._children(rows, request, fragments)
        views = [extra for _, kind, _, extra in self.plan if kind == "url"]
        urls = {view: ResourceURLField(view).template(request) for view in views}
        return [build(row, fragments, urls, children) for row in rows]


def forget_fragments() -> None:
    """Drop every cached fragment (tests: each test's database reuses version numbers)."""
    for renderer in _ALL:
        renderer._fragments = {}
        renderer._fragments_version = None


def register(viewset: type, mode: str, renderer: RowRenderer) -> None:
    """Serve ``viewset``'s JSON in ``mode`` with ``renderer`` (exactly this class, not subclasses).

    The renderer's plan is built here, so a shape it cannot render (a dotted ``source``, a
    ``SerializerMethodField`` over a column it does not know) fails at start-up, not on a request.
    """
    pending = [renderer]
    while pending:
        current = pending.pop()
        try:
            current.plan  # noqa: B018  (builds and validates the plan)
        except FieldDoesNotExist as exc:
            raise ImproperlyConfigured(f"{current.serializer_class.__name__}: {exc}") from None
        pending += [how for how in current.nested.values() if isinstance(how, RowRenderer)]
    _REGISTRY[(viewset, mode)] = renderer


def renderer_for(viewset: type, mode: str) -> RowRenderer | None:
    return _REGISTRY.get((viewset, mode))


class FastRenderMixin:
    """List and retrieve through the registered ``RowRenderer`` when JSON is asked for."""

    def get_fast_renderer(self) -> RowRenderer | None:
        if not isinstance(getattr(self.request, "accepted_renderer", None), JSONRenderer):
            return None
        return renderer_for(type(self), self.get_mode())

    def get_rows_queryset(self, renderer: RowRenderer):
        """The filtered, ordered queryset, as flat rows: no joins beyond what filters need."""
        return self.filter_queryset(self.queryset.all()).values_list(*renderer.columns)

    def get_page_ids(self, request):
        """The filtered, ordered primary keys, as the pagination slices them (``api.listing``)."""
        ids = page_ids(self, request)
        if ids is None:  # searches, and shapes api.listing cannot bind
            ids = self.filter_queryset(self.queryset.all()).values_list("pk", flat=True)
        return ids

    def list(self, request, *args, **kwargs):
        renderer = self.get_fast_renderer()
        if renderer is None:
            return super().list(request, *args, **kwargs)
        # The page's ids first, then its rows: a deep OFFSET then steps over narrow index entries
        # instead of whole rows (descriptions and all). Their SQL is compiled once per query shape.
        ids = self.paginate_queryset(self.get_page_ids(request))
        if ids is None:
            rows = list(self.get_rows_queryset(renderer))
            return Response(PreRendered(orjson.dumps(renderer.render(rows, request))))
        by_id = renderer.fetch(ids) if ids else {}
        page = [by_id[pk] for pk in ids]
        envelope = self.get_paginated_response(renderer.render(page, request)).data
        for key, value in envelope.items():  # the previous and next links
            if isinstance(value, str):
                envelope[key] = json_text(value)
        return Response(PreRendered(orjson.dumps(envelope)))

    def retrieve(self, request, *args, **kwargs):
        renderer = self.get_fast_renderer()
        if renderer is None:
            return super().retrieve(request, *args, **kwargs)
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        row = get_object_or_404(self.get_rows_queryset(renderer), **lookup)  # DRF's 404, word for word
        return Response(PreRendered(orjson.dumps(renderer.render([row], request)[0])))
