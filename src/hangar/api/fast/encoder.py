"""Row encoders: a serializer's exact JSON, written from flat rows of its model's columns.

Building model instances and running nested ``ModelSerializer``s costs ~0.5 ms per object, and the ORM
compiling wide join queries costs more than running them. A ``RowEncoder`` reads its serializer's
fields once (``encoder_for``, memoised per serializer class) and then writes a page from one narrow
``values_list`` query:

- the object's own fields are formatted from its columns exactly as the DRF field would format them
  (``api.fast.formats``);
- each nested object or list item is a JSON *fragment* (``api.fast.fragments``), written the first
  time it is needed by the nested serializer's own encoder and kept in that encoder's store: an image
  nested in a spacecraft and in an agency is written once. A cold page costs one query per nested
  serializer (and one per list field), whatever its size and whatever depth they appear at;
- a nested serializer the encoder cannot read (a field it has no column for) is written by DRF, with
  the loading plan ``api.loading`` derives for it, and kept as a fragment the same way;
- a ``many`` field's items come from one query per page that finds the (parent, item) pairs in the
  order DRF's prefetch has them (``api.loading.list_order``); a reverse foreign key rendered as one
  object (``<relation>.first``) is the first item of that same list, or null.

orjson writes the page. The one difference from DRF's ``json.dumps``, U+2028/U+2029 (which DRF
escapes), is dealt with where text enters the page: every string an encoder formats and every
fragment is escaped when it is made, so the page itself is never searched.
"""

from functools import cache

import orjson
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, router
from rest_framework import serializers

from hangar import compat
from hangar.api.fast import formats
from hangar.api.fast.fragments import SOURCES, DRFFragments, FragmentSource, Store, forget_fragments
from hangar.api.loading import is_first_of, list_order, nested_fields
from hangar.api.loading import relation as nested_relation
from hangar.api.serializers.fields import ConstantField, ResourceURLField

__all__ = ["RowEncoder", "encoder_for", "forget_fragments", "source_for", "why_not_encodable"]


# Layout kinds whose items are found from their parents' ids: a list, and a reverse foreign key's first row.
LISTED = ("many", "first")


class NotEncodable(ValueError):
    """A serializer field a row encoder has no column for; its serializer is written by DRF."""


def padded_size(count: int) -> int:
    """The next power of two up to 1,024, then the next multiple of 1,024 (under SQLite's 32,766
    parameters for any page the API serves)."""
    if count <= 1024:
        return 1 << (count - 1).bit_length()
    return -(-count // 1024) * 1024


class RowEncoder(FragmentSource):
    """Writes a ``ModelSerializer``'s shape from flat rows of its model's columns."""

    def __init__(self, serializer_class):
        super().__init__(serializer_class)
        self.layout, self.columns, self._raw_columns = self._read_fields()
        nested = [extra[0] if kind in LISTED else extra for _, kind, _, extra in self.layout]
        nested = [
            n
            for n, (_, kind, _, _) in zip(nested, self.layout, strict=True)
            if kind == "nested" or kind in LISTED
        ]
        self.height = 1 + max((source.height for source in nested), default=-1)
        self._sql: dict = {}
        self._builder = None

    def _read_fields(self):
        """(layout, columns, raw column indexes): per output key, in the serializer's order,
        (key, kind, column index, extra), and the model columns a row holds, primary key first."""
        model = self.model
        columns = ["pk"]
        layout = []
        for name, field, child, many in nested_fields(self.serializer_class):
            if isinstance(field, ConstantField):
                layout.append((name, "constant", -1, field.value))
            elif isinstance(field, ResourceURLField):
                layout.append((name, "url", 0, field.view_name))
            elif child is not None:
                relation = _relation(model, field)
                source = source_for(child)
                if many or is_first_of(field):
                    order = list_order(self.serializer_class, name, relation.related_model)
                    kind = "many" if many else "first"
                    layout.append((name, kind, 0, (source, _back(relation), order)))
                else:
                    if not (relation.many_to_one or relation.one_to_one) or not relation.concrete:
                        raise NotEncodable(f"{self._where(name)}: {relation.name} is not a foreign key")
                    columns.append(relation.attname)
                    layout.append((name, "nested", len(columns) - 1, source))
            elif field.source == "*" or isinstance(field, serializers.SerializerMethodField):
                raise NotEncodable(f"{self._where(name)}: no column to read")
            else:
                columns.append(self._column(name, field))
                layout.append((name, "value", len(columns) - 1, formats.formatter(field)))
        raw = frozenset(i for (_, kind, i, extra) in layout if kind == "value" and extra in formats.RAW)
        return layout, columns, raw

    def _where(self, name: str) -> str:
        return f"{self.serializer_class.__name__}.{name}"

    def _column(self, name, field) -> str:
        """The ``values_list`` name of a plain field's source: its column, or for a dotted source through
        foreign keys (``parent.name``) the lookup that joins it (null when a link is)."""
        *links, last = field.source.split(".")
        if links and field.default is not None:  # DRF would fail on a missing link rather than give null
            raise NotEncodable(f"{self._where(name)}: a dotted source needs default=None")
        model = self.model
        try:
            for link in links:
                relation = model._meta.get_field(link)
                if not relation.many_to_one:
                    raise NotEncodable(f"{self._where(name)}: {link} is not a foreign key")
                model = relation.related_model
            attname = model._meta.get_field(last).attname
        except FieldDoesNotExist as exc:
            raise NotEncodable(f"{self._where(name)}: {exc}") from None
        return "__".join([*links, attname]) if links else attname

    # --- reading rows -------------------------------------------------------------------------------

    def _rows(self, name: str, model, build, ids: list, id_field, raw: frozenset = frozenset()) -> list:
        """The rows of ``build(manager, ids)``, a ``values_list`` queryset whose only parameters are
        ``ids`` (values of ``id_field``), through SQL compiled once per query, database and size.

        Compiling ``pk__in=[…100 ids…]`` costs more than running it; only the parameters change.
        The ids are padded (repeating the last one, which ``IN`` ignores) to a size from a short list,
        so a worker keeps a few compiled queries per field rather than one per number of ids.
        Columns in ``raw`` skip Django's converters: their formatters read the database's own value.
        """
        if not ids:
            return []
        size = padded_size(len(ids))
        ids = [*ids, *[ids[-1]] * (size - len(ids))]
        alias = router.db_for_read(model)
        key = (name, alias, size)
        prepared = self._sql.get(key)
        connection = connections[alias]
        if prepared is None:
            placeholders = list(range(size))
            queryset = build(model._default_manager.using(alias), placeholders)
            compiler, sql, params = compat.compile_query(queryset, alias)
            # Ids that the database stores differently (UUIDs as text on SQLite) are prepared per call.
            as_stored = [id_field.get_db_prep_value(p, connection, prepared=False) for p in placeholders]
            if list(params) != as_stored:
                raise NotEncodable(f"{self._where(name)}: parameters besides ids")
            converters = compat.column_converters(compiler)
            converters = {i: c for i, c in converters.items() if i not in raw}
            prep = None if as_stored == placeholders else id_field
            prepared = self._sql[key] = (sql, compiler, converters, prep)
        sql, compiler, converters, prep = prepared
        params = list(ids) if prep is None else [prep.get_db_prep_value(i, connection, False) for i in ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = compat.convert_rows(compiler, rows, converters)
        return rows

    def fetch(self, ids: list) -> dict:
        """The rows of ``ids``, by primary key."""
        columns = self.columns
        rows = self._rows(
            "",
            self.model,
            lambda manager, ids: manager.filter(pk__in=ids).order_by().values_list(*columns),
            ids,
            self.model._meta.pk,
            self._raw_columns,
        )
        return {row[0]: row for row in rows}

    def pairs(self, name: str, back, source, order, parents: list) -> list[tuple]:
        """(parent pk, item pk) of a ``many`` field for ``parents``, in the order DRF's prefetch has them."""
        if isinstance(back, str):

            def pairs_query(manager, ids, back=back, model=source.model, order=order):
                items = model._default_manager.using(manager.db).filter(**{f"{back}__in": ids})
                return items.order_by(*order).values_list(back, "pk")

        else:
            through, near, far = back
            by = [f"-{far}__{o[1:]}" if o.startswith("-") else f"{far}__{o}" for o in order]

            def pairs_query(manager, ids, through=through, near=near, far=far, by=by):
                rows = through._default_manager.using(manager.db).filter(**{f"{near}__in": ids})
                return rows.order_by(*by).values_list(near, far)

        return self._rows(name, source.model, pairs_query, parents, self.model._meta.pk)

    # --- writing ------------------------------------------------------------------------------------

    def _row_builder(self):
        """A function (row, stores, url templates, children) -> dict, generated from the layout.

        One dict display per row instead of a loop over fields with a branch each: the loop was most
        of the render time. The generated source only indexes the row and calls the formatters the
        layout chose; keys are emitted with repr(), in the serializer's order.
        """
        if self._builder is None:
            names, entries = {}, []
            for position, (key, kind, index, extra) in enumerate(self.layout):
                ref = f"x{position}"
                names[ref] = extra
                if kind == "value":
                    value = f"(None if (v := row[{index}]) is None else {ref}(v))"
                elif kind == "nested":
                    value = f"(None if (v := row[{index}]) is None else stores[{position}][v])"
                elif kind == "url":
                    value = f"urls[{ref}].format(row[0])"
                elif kind == "many":
                    value = f"children.get(({key!r}, row[0]), [])"
                elif kind == "first":
                    value = f"children.get(({key!r}, row[0]))"
                else:
                    value = ref
                entries.append(f"{key!r}: {value}")
            source = "def build(row, stores, urls, children):\n    return {" + ", ".join(entries) + "}\n"
            exec(compile(source, f"<row builder for {self.serializer_class.__name__}>", "exec"), names)
            self._builder = names["build"]
        return self._builder

    def build(self, rows, page: "_Page") -> list[dict]:
        """One dict per row, from fragments ``page`` has made; nested objects are orjson fragments."""
        build = self._row_builder()
        stores = [page.store(extra) if kind == "nested" else None for _, kind, _, extra in self.layout]
        children = {}
        for name, kind, _, extra in self.layout:
            if kind == "many":
                store = page.store(extra[0])
                for parent, pk in page.pairs.get((self, name), ()):
                    if pk in store:
                        children.setdefault((name, parent), []).append(store[pk])
            elif kind == "first":
                store = page.store(extra[0])
                for parent, pk in page.pairs.get((self, name), ()):
                    if pk in store:
                        children.setdefault((name, parent), store[pk])
        request = page.request
        urls = {
            view: ResourceURLField(view).template(request)
            for _, kind, _, view in self.layout
            if kind == "url"
        }
        return [build(row, stores, urls, children) for row in rows]

    def render(self, rows: list, request) -> list[dict]:
        """One dict per row, in the serializer's key order; every nested object is made first."""
        page = _Page(request)
        page.need(self, rows)
        page.make()
        return self.build(rows, page)


class _Page:
    """The fragments one page needs, made with one row query per nested serializer, at any depth.

    Top-down, each serializer's rows are fetched once all serializers that nest it have been (in
    order of ``height``: a serializer nests only lower ones), so an image that a spacecraft, its
    configuration and their agencies all show is one query for the page. Bottom-up, fragments are
    then written leaves first, so every fragment a row needs exists when it is written.
    """

    def __init__(self, request):
        self.request = request
        self.stores: dict = {}
        self.wanted: dict = {}
        self.rows: dict = {}
        self.pairs: dict = {}

    def store(self, source) -> Store:
        store = self.stores.get(source)
        if store is None:
            store = self.stores[source] = source.store(self.request)
        return store

    def _want(self, source, pks) -> None:
        store = self.store(source)
        missing = {pk for pk in pks if pk is not None and pk not in store}
        if missing:
            self.wanted.setdefault(source, set()).update(missing)

    def need(self, encoder: "RowEncoder", rows) -> None:
        """Note what ``encoder``'s ``rows`` nest: their nested objects and their lists' items."""
        rows = list(rows)
        parents = None
        for name, kind, index, extra in encoder.layout:
            if kind == "nested":
                self._want(extra, {row[index] for row in rows})
            elif kind in LISTED and rows:
                source, back, order = extra
                parents = parents if parents is not None else [row[0] for row in rows]
                found = encoder.pairs(name, back, source, order, parents)
                if kind == "first":  # only each parent's first item is written
                    first: dict = {}
                    for parent, pk in found:
                        first.setdefault(parent, pk)
                    found = list(first.items())
                self.pairs.setdefault((encoder, name), []).extend(found)
                self._want(source, {pk for _, pk in found})

    def make(self) -> None:
        while self.wanted:
            source = max(self.wanted, key=lambda s: s.height)
            pks = list(self.wanted.pop(source))
            if isinstance(source, RowEncoder):
                rows = source.fetch(pks)
                self.rows.setdefault(source, {}).update(rows)
                self.need(source, rows.values())
            else:
                source.write(pks, self.request, self.store(source))
        for source in sorted(self.rows, key=lambda s: s.height):
            rows = list(self.rows[source].values())
            store = self.store(source)
            for row, item in zip(rows, source.build(rows, self), strict=True):
                store.keep(row[0], orjson.dumps(item))  # already escaped


def _relation(model, field):
    try:
        return nested_relation(model, field)
    except (FieldDoesNotExist, ValueError) as exc:
        raise NotEncodable(f"{field.parent.__class__.__name__}.{field.field_name}: {exc}") from None


def _back(relation):
    """How a ``many`` field's items are found from their parents' ids: the lookup from the item model
    back to the parent (``image`` for Image.variants, ``configs`` for SpacecraftConfig.family,
    ``family`` for SpacecraftConfigFamily.configs), or for a many-to-many with no reverse name (a
    flight's crews) its (through model, field to the parent, field to the item)."""
    if not relation.concrete:
        return relation.field.name
    if relation.remote_field.hidden:
        return (relation.remote_field.through, *compat.m2m_columns(relation))
    return relation.related_query_name()


_NOT_ENCODABLE: dict[type, str] = {}


@cache
def encoder_for(serializer_class) -> RowEncoder | None:
    """The row encoder of ``serializer_class``, or None when some field has no column to read."""
    try:
        encoder = RowEncoder(serializer_class)
    except NotEncodable as exc:
        _NOT_ENCODABLE[serializer_class] = str(exc)
        return None
    SOURCES.append(encoder)
    return encoder


def why_not_encodable(serializer_class) -> str | None:
    """What keeps ``serializer_class`` from a row encoder, or None when it has one."""
    encoder_for(serializer_class)
    return _NOT_ENCODABLE.get(serializer_class)


@cache
def source_for(serializer_class) -> FragmentSource:
    """Where the fragments of a nested serializer come from: its row encoder, else DRF."""
    source = encoder_for(serializer_class)
    if source is None:
        source = DRFFragments(serializer_class)
        SOURCES.append(source)
    return source
