"""Fast JSON for list and detail pages: DRF's exact bytes without DRF serializers on the hot path.

Building model instances and running nested ``ModelSerializer``s costs ~0.5 ms per object, and the ORM
compiling four wide join queries costs more than running them. The serializers still define the shape
(the browsable API, the OpenAPI schema and the tests read them); a ``RowRenderer`` reads that shape
once and then renders a page from one narrow ``values_list`` query:

- the resource's own fields are formatted from its columns exactly as the DRF field would format them;
- each nested object (image, status, configuration, …) is rendered the first time it is needed, by
  a nested ``RowRenderer`` or, for small shared tables, by its DRF serializer, and kept as a JSON
  fragment while the data version, origin and ``format`` stay the same; nested objects are shared by
  many rows, so a page mostly splices cached fragments, and a cold one costs one query per shape;
- orjson writes the page, with the one difference from DRF's ``json.dumps`` (U+2028/U+2029, which DRF
  escapes) applied afterwards. A test compares the bytes with DRF's for every query feature.

Register a renderer per (viewset, mode) with ``register``; any other pair, and any renderer but JSON
(the browsable API), takes DRF's ordinary path.
"""

import orjson
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import connections, router
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from hangar.api.listing import page_ids
from hangar.api.renderers import JSONRenderer, PreRendered, dumps
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField, format_duration
from hangar.catalog import versioning

# Fragments kept per renderer, origin and format in each worker; the store is emptied when the data
# version changes or it is full, so a worker's memory stays flat however many objects it renders
# (about 300 MiB per worker under random pages over a million spacecraft, page cache included).
MAX_FRAGMENTS = 20_000

_REGISTRY: dict[tuple[type, str], "RowRenderer"] = {}
_ALL: list["RowRenderer"] = []


def _date(value):
    return value.isoformat()


# How a DRF field formats a non-null model value; most specific first. Others call to_representation.
_FORMATTERS = (
    (DurationField, format_duration),
    (serializers.BooleanField, bool),
    (serializers.CharField, str),
    (serializers.IntegerField, int),
    (serializers.FloatField, float),
    (serializers.DateField, _date),
)


def _formatter(field):
    for field_class, formatter in _FORMATTERS:
        if isinstance(field, field_class) and not isinstance(field, serializers.DateTimeField):
            return formatter
    return field.to_representation


class RowRenderer:
    """Renders a ``ModelSerializer``'s shape from flat rows of its model's columns.

    ``nested`` says how each nested-serializer field is rendered, the first time an object is needed
    (afterwards its fragment is reused): either a callable giving the queryset the DRF serializer
    reads (fine for small shared tables: statuses, types, licences), or a ``RowRenderer`` for that
    serializer (for objects too many to render through DRF at a million rows: images, configurations).
    A ``many=True`` field (a reverse foreign key or a many-to-many) needs a ``RowRenderer``; its items
    come from one query per page, in the related model's default ordering, as DRF's prefetch has them.
    """

    def __init__(self, serializer_class, nested: dict | None = None):
        self.serializer_class = serializer_class
        self.nested = nested or {}
        _ALL.append(self)
        self._plan = None
        self._columns: list[str] = []
        self._fragments: dict = {}
        self._fragments_version = None
        self._fetch_sql: dict = {}
        self._builder = None

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
                if not isinstance(self.nested.get(name), RowRenderer):
                    raise ImproperlyConfigured(
                        f"{self.serializer_class.__name__}.{name}: needs a RowRenderer"
                    )
                relation = model._meta.get_field(field.source)
                # The lookup from the related model back to this one: image for Image.variants,
                # configs for SpacecraftConfig.family.
                back = relation.field.name if relation.one_to_many else relation.related_query_name()
                plan.append((name, "many", 0, back))
            elif isinstance(field, serializers.BaseSerializer):
                if name not in self.nested:
                    raise ImproperlyConfigured(f"{self.serializer_class.__name__}.{name}: not in nested")
                columns.append(model._meta.get_field(field.source).attname)
                plan.append((name, "nested", len(columns) - 1, None))
            else:
                columns.append(model._meta.get_field(field.source).attname)
                plan.append((name, "value", len(columns) - 1, _formatter(field)))
        return plan, columns

    def fetch(self, ids: list) -> dict:
        """The rows of ``ids``, by primary key, through SQL compiled once per database and page size.

        Compiling ``pk__in=[…100 ids…]`` costs more than running it; only the parameters change.
        """
        model = self.serializer_class.Meta.model
        alias = router.db_for_read(model)
        prepared = self._fetch_sql.get((alias, len(ids)))
        if prepared is None:
            queryset = model._default_manager.using(alias).filter(pk__in=range(len(ids))).order_by()
            compiler = queryset.values_list(*self.columns).query.get_compiler(using=alias)
            sql, _ = compiler.as_sql()
            converters = compiler.get_converters([column for column, _, _ in compiler.select])
            prepared = self._fetch_sql[(alias, len(ids))] = (sql, compiler, converters)
        sql, compiler, converters = prepared
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, list(ids))
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return {row[0]: tuple(row) for row in rows}

    def _store(self, request) -> dict:
        version = getattr(request, "hangar_data_version", None) or versioning.current()
        if version != self._fragments_version:
            self._fragments = {}
            self._fragments_version = version
        origin = request.build_absolute_uri("/")  # absolute URLs inside fragments depend on these
        fmt = request.GET.get("format")
        store = self._fragments.setdefault((origin, fmt), {})
        if len(store) > MAX_FRAGMENTS:
            store.clear()
        return store

    def _children(self, rows: list[tuple], request) -> dict:
        """The items of every ``many`` field for ``rows``: {(key, parent pk): [item, …]}."""
        children = {}
        parents = [row[0] for row in rows]
        for name, kind, _, back in self.plan:
            if kind != "many" or not parents:
                continue
            child = self.nested[name]
            model = child.serializer_class.Meta.model
            pairs = list(
                model._default_manager.filter(**{f"{back}__in": parents}).values_list(back, *child.columns)
            )
            items = child.render([pair[1:] for pair in pairs], request)
            for pair, item in zip(pairs, items, strict=True):
                children.setdefault((name, pair[0]), []).append(item)
        return children

    def _nested_fragments(self, rows: list[tuple], request) -> dict:
        store = self._store(request)
        serializer = None
        for name, kind, index, _ in self.plan:
            if kind != "nested":
                continue
            wanted = {row[index] for row in rows if row[index] is not None}
            missing = [pk for pk in wanted if (name, pk) not in store]
            if not missing:
                continue
            how = self.nested[name]
            if isinstance(how, RowRenderer):
                rows_by_id = how.fetch(missing)
                found = [rows_by_id[pk] for pk in missing if pk in rows_by_id]
                for row, item in zip(found, how.render(found, request), strict=True):
                    store[(name, row[0])] = orjson.Fragment(orjson.dumps(item))
                continue
            if serializer is None:
                serializer = self.serializer_class(context={"request": request})
            field = serializer.fields[name]
            for obj in how().filter(pk__in=missing):
                store[(name, obj.pk)] = orjson.Fragment(orjson.dumps(field.to_representation(obj)))
        return store

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
        fragments = self._nested_fragments(rows, request)
        children = self._children(rows, request)
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
            return Response(
                PreRendered(dumps(renderer.render(list(self.get_rows_queryset(renderer)), request)))
            )
        by_id = renderer.fetch(ids) if ids else {}
        page = [by_id[pk] for pk in ids]
        envelope = self.get_paginated_response(renderer.render(page, request)).data
        return Response(PreRendered(dumps(envelope)))

    def retrieve(self, request, *args, **kwargs):
        renderer = self.get_fast_renderer()
        if renderer is None:
            return super().retrieve(request, *args, **kwargs)
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        row = get_object_or_404(self.get_rows_queryset(renderer), **lookup)  # DRF's 404, word for word
        return Response(PreRendered(dumps(renderer.render([row], request)[0])))
