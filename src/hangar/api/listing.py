"""A list page's ids from SQL compiled once per query shape: the fast path's answer to ORM compile costs.

On a cache miss the ORM spent longer building and compiling the page-ids query (filters, ordering,
slicing) than the database spent running it, and django-filter as long again building its form. A
*shape* is what decides the SQL text: the database, which filters are present (with a boolean's
value, since there are only two), the ordering terms. Each shape is compiled once, through the same
FilterSet filters and ``OrderingFilter`` the DRF path uses, with recognisable stand-in values for the
ids and names; a request then only validates its values (``filters.read_filters``) and binds them.

Searches, and any view or filter this cannot reproduce exactly, take the ORM path (``None`` here).
"""

from django.db import connections, router
from django_filters.rest_framework import DjangoFilterBackend

from hangar.api.filters import OrderingFilter, SearchFilter, plain_filters, read_filters

_BACKENDS = (DjangoFilterBackend, SearchFilter, OrderingFilter)
# + position. Small enough for any integer column (the ORM compiles an out-of-range value as "no
# rows", without a parameter); a stand-in that collides with another parameter only loses the shape.
_INT_STAND_IN = 31_400
_STR_STAND_IN = "\x1fhangar stand-in {}\x1f"
MAX_SHAPES = 1_000  # ordering accepts any list of fields; a cap keeps a worker's memory flat

_SHAPES: dict = {}


class CompiledShape:
    """The ids SQL and the count SQL of one shape, with where each bound value goes in their params."""

    def __init__(self, ids_sql, ids_params, ids_slots, count_sql, count_params, count_slots):
        self.ids_sql, self.ids_params, self.ids_slots = ids_sql, ids_params, ids_slots
        self.count_sql, self.count_params, self.count_slots = count_sql, count_params, count_slots


class PageIds:
    """A list's filtered, ordered primary keys as the pagination reads them: a count and a slice.

    ``cache.cached_count`` keys the count on ``count_sql_with_params()``: the same SQL and parameters
    the ORM queryset would give, so both paths share the cached counts.
    """

    def __init__(self, view, alias: str, shape: CompiledShape, values: list):
        self.view, self.alias, self.shape, self.values = view, alias, shape, values

    def _bind(self, params: tuple, slots: tuple, typed: bool = False) -> tuple:
        bound = list(params)
        for index, position, wrapper in slots:
            value = self.values[position]
            bound[index] = wrapper(value) if typed else value
        return tuple(bound)

    def count_sql_with_params(self) -> tuple[str, tuple]:
        # With the driver's parameter types (psycopg's Int4, …) as the ORM has them, so the count's
        # cache key is the ORM path's too. Only hashed: the count itself runs through the ORM.
        return self.shape.count_sql, self._bind(self.shape.count_params, self.shape.count_slots, typed=True)

    def as_queryset(self):
        """The same ids as an ORM queryset: for what compiled SQL does not do (deep-page checkpoints)."""
        return self.view.filter_queryset(self.view.queryset.all()).values_list("pk", flat=True)

    def count(self) -> int:
        # Once per data version and filter set (cached): the ORM's own count, exact by construction.
        return self.as_queryset().count()

    def __getitem__(self, page: slice) -> list:
        db = connections[self.alias]
        limits = db.ops.limit_offset_sql(page.start, page.stop)
        with db.cursor() as cursor:
            cursor.execute(
                f"{self.shape.ids_sql} {limits}", self._bind(self.shape.ids_params, self.shape.ids_slots)
            )
            return [row[0] for row in cursor.fetchall()]


def page_ids(view, request) -> PageIds | None:
    """The view's filtered, ordered ids for this request, or None when the ORM path must build them.

    Invalid filter values raise django-filter's ``ValidationError`` (a 400 with its messages).
    """
    if tuple(view.filter_backends) != _BACKENDS or SearchFilter().get_search_terms(request):
        return None
    filterset_class = DjangoFilterBackend().get_filterset_class(view, view.queryset)
    values = read_filters(filterset_class, request.query_params) if filterset_class else {}
    if values is None:
        return None
    ordering = OrderingFilter().get_ordering(request, view.queryset, view)
    model = view.queryset.model
    alias = router.db_for_read(model)
    key = (
        type(view),
        alias,
        tuple((name, value if isinstance(value, bool) else type(value)) for name, value in values.items()),
        tuple(ordering or ()),
    )
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= MAX_SHAPES:
            _SHAPES.clear()
        shape = _SHAPES[key] = _compile(view, request, alias, filterset_class, values)
    if shape is False:
        return None
    return PageIds(view, alias, shape, [value for value in values.values() if not isinstance(value, bool)])


def _compile(view, request, alias, filterset_class, values) -> CompiledShape | bool:
    """The shape's SQL, compiled through the DRF path's own filters; False if it cannot be bound."""
    filters_ = {name: flt for name, _, flt in plain_filters(filterset_class) or ()}
    queryset = view.queryset.all()
    stand_ins = []
    for name, value in values.items():
        if isinstance(value, bool):
            stand_in = value
        elif type(value) is int:
            stand_in = _INT_STAND_IN + len(stand_ins)
        elif type(value) is str:
            stand_in = _STR_STAND_IN.format(len(stand_ins))
        else:
            return False
        if not isinstance(value, bool):
            stand_ins.append(stand_in)
        queryset = filters_[name].filter(queryset, stand_in)
    queryset = OrderingFilter().filter_queryset(request, queryset, view)
    compiler = queryset.values_list("pk", flat=True).query.get_compiler(using=alias)
    ids_sql, ids_params = compiler.as_sql()
    if compiler.get_converters([column for column, _, _ in compiler.select]):
        return False
    count_sql, count_params = queryset.order_by().query.sql_with_params()  # as cached_count reads it
    ids_slots, count_slots = _slots(ids_params, stand_ins), _slots(count_params, stand_ins)
    if ids_slots is None or count_slots is None:
        return False
    return CompiledShape(ids_sql, tuple(ids_params), ids_slots, count_sql, tuple(count_params), count_slots)


def _slots(params, stand_ins: list) -> tuple | None:
    """(index in params, position in stand_ins, param type) per stand-in, each found exactly once.

    The ORM may wrap a value in the driver's type (psycopg's ``Int4``); requests bind plain values
    (a valid id beyond an int column then matches nothing, as in the ORM's compiled "no rows").
    """
    slots = []
    for position, stand_in in enumerate(stand_ins):
        kind = str if isinstance(stand_in, str) else int
        found = [
            i
            for i, p in enumerate(params)
            if isinstance(p, kind) and not isinstance(p, bool) and p == stand_in
        ]
        if len(found) != 1:
            return None
        slots.append((found[0], position, type(params[found[0]])))
    return tuple(slots)
