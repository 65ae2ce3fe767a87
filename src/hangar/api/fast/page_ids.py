"""A list page's ids from SQL compiled once per query form: the fast path's answer to ORM compile costs.

On a cache miss the ORM spent longer building and compiling the page-ids query (filters, ordering,
slicing) than the database spent running it, and django-filter as long again building its form. A
*query form* is what decides the SQL text: the database, which filters are present (with a boolean's
value, since there are only two), the ordering terms. Each form is compiled once, through the same
FilterSet filters and ``OrderingFilter`` the DRF path uses, with recognisable stand-in values for the
ids and names; a request then only validates its values (``fast.filter_values``) and binds them.

Searches, a view whose base queryset has parameters of its own (a clock), and any filter this cannot
reproduce exactly take the ORM path (``None`` here).
"""

from django.db import connections, router
from django_filters.rest_framework import DjangoFilterBackend

from hangar import compat
from hangar.api.fast.filter_values import plain_filters, read_filters
from hangar.api.filters.backends import OrderingFilter, SearchFilter

_BACKENDS = (DjangoFilterBackend, SearchFilter, OrderingFilter)
# + position. Small enough for any integer column (the ORM compiles an out-of-range value as "no
# rows", without a parameter); a stand-in that collides with another parameter only loses the form.
_INT_STAND_IN = 31_400
_STR_STAND_IN = "\x1fhangar stand-in {}\x1f"
MAX_FORMS = 1_000  # ordering accepts any list of fields; a cap keeps a worker's memory flat

_FORMS: dict = {}


class CompiledForm:
    """The ids SQL and the count SQL of one query form, with where each bound value goes in their params."""

    def __init__(self, ids_sql, ids_params, ids_slots, count_sql, count_params, count_slots):
        self.ids_sql, self.ids_params, self.ids_slots = ids_sql, ids_params, ids_slots
        self.count_sql, self.count_params, self.count_slots = count_sql, count_params, count_slots


class PageIds:
    """A list's filtered, ordered primary keys as the pagination reads them: a count and a slice.

    ``cache.counts.cached_count`` keys the count on ``count_sql_with_params()``: the same SQL and parameters
    the ORM queryset would give, so both paths share the cached counts.
    """

    def __init__(self, view, alias: str, form: CompiledForm, values: list):
        self.view, self.alias, self.form, self.values = view, alias, form, values

    def _bind(self, params: tuple, slots: tuple, typed: bool = False) -> tuple:
        bound = list(params)
        for index, position, wrapper in slots:
            value = self.values[position]
            bound[index] = wrapper(value) if typed else value
        return tuple(bound)

    def count_sql_with_params(self) -> tuple[str, tuple]:
        # With the driver's parameter types (psycopg's Int4, …) as the ORM has them, so the count's
        # cache key is the ORM path's too. Only hashed: the count itself runs through the ORM.
        return self.form.count_sql, self._bind(self.form.count_params, self.form.count_slots, typed=True)

    def as_queryset(self):
        """The same ids as an ORM queryset: for what compiled SQL does not do (deep-page checkpoints)."""
        return self.view.filter_queryset(self.view.get_base_queryset()).values_list("pk", flat=True)

    def count(self) -> int:
        # Once per data version and filter set (cached): the ORM's own count, exact by construction.
        return self.as_queryset().count()

    def __getitem__(self, page: slice) -> list:
        db = connections[self.alias]
        limits = compat.limit_offset_sql(db, page.start, page.stop)
        with db.cursor() as cursor:
            cursor.execute(
                f"{self.form.ids_sql} {limits}", self._bind(self.form.ids_params, self.form.ids_slots)
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
    form = _FORMS.get(key)
    if form is None:
        if len(_FORMS) >= MAX_FORMS:
            _FORMS.clear()
        form = _FORMS[key] = _compile(view, request, alias, filterset_class, values)
    if form is False:
        return None
    return PageIds(view, alias, form, [value for value in values.values() if not isinstance(value, bool)])


def _compile(view, request, alias, filterset_class, values) -> CompiledForm | bool:
    """The form's SQL, compiled through the DRF path's own filters; False if it cannot be bound."""
    filters_ = {name: flt for name, _, flt in (plain_filters(filterset_class) if filterset_class else ())}
    queryset = view.get_base_queryset()
    if compat.unordered_sql(queryset)[1]:
        return False  # the base queryset binds values of its own (a clock): they would be compiled in
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
    compiler, ids_sql, ids_params = compat.compile_query(queryset.values_list("pk", flat=True), alias)
    if compat.column_converters(compiler):
        return False
    count_sql, count_params = compat.unordered_sql(queryset)  # as cached_count reads it
    ids_slots, count_slots = _slots(ids_params, stand_ins), _slots(count_params, stand_ins)
    if ids_slots is None or count_slots is None:
        return False
    return CompiledForm(ids_sql, tuple(ids_params), ids_slots, count_sql, tuple(count_params), count_slots)


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
