"""What a response loads, derived from its serializer: the ``select_related`` and ``Prefetch`` of DRF's path.

A serializer is the one declaration of an upstream component: its keys, their order and formats, and
its nesting. Walking its fields gives everything DRF needs to render a page in a number of queries
that grows with neither the page nor the nested rows (NetBox's ``get_prefetches_for_serializer`` is
the model):

- a nested serializer over a foreign key is joined (``select_related``), and its own fields are walked
  under that path; a very wide subtree becomes a ``Prefetch`` of its own instead, so no query joins
  more than ``MAX_JOINS`` tables (SQLite refuses more than 64);
- a ``many=True`` serializer becomes a ``Prefetch`` whose queryset carries the child's own plan, in the
  child model's ``Meta.ordering`` unless ``LIST_ORDERS`` says otherwise;
- a nested serializer (not ``many``) over a reverse foreign key renders that relation's one row, or
  null: its source is ``<relation>.first`` (a landing's ``first_stages.first``), which DRF reads from
  the same ``Prefetch`` a list would have (``first()`` of a prefetched, ordered set runs no query);
- a plain field with a dotted source through foreign keys (``parent.name``) joins that chain.

The fast path (``api.fast``) walks the same serializers with the same ``LIST_ORDERS``. Plans are
memoised per serializer class; ``api.checks`` builds every view's plans at start-up, so a serializer
whose sources do not exist fails ``hangar check`` rather than a request.
"""

from dataclasses import dataclass
from functools import cache

from django.db.models import Prefetch
from rest_framework import serializers

# Genuine overrides of what the walk derives: {(serializer class name, field): order of the list's
# items}. Everything else is ordered by the child model's Meta.ordering. Each entry says why.
LIST_ORDERS: dict[tuple[str, str], tuple[str, ...]] = {
    # A spacecraft lists its flights in launch order, as upstream does (its flight ids are not).
    ("SpacecraftEndpointDetailedSerializer", "flights"): ("launch__net", "id"),
    # An astronaut's landings in the order they flew (spacecraft flight ids are not).
    ("AstronautEndpointDetailedSerializer", "landings"): ("launch__net", "id"),
}

# Joins one query may hold before a foreign key's subtree is fetched by a query of its own.
MAX_JOINS = 24


@dataclass(frozen=True)
class LoadingPlan:
    """The joins and prefetches that render one serializer's objects in a fixed number of queries."""

    joins: tuple[str, ...]
    prefetches: tuple[Prefetch, ...]

    def apply(self, queryset):
        return queryset.select_related(*self.joins).prefetch_related(*self.prefetches)


def list_order(serializer_class: type, field_name: str, child_model) -> tuple[str, ...]:
    """The order of a ``many`` field's items: its ``LIST_ORDERS`` entry, else the child's Meta.ordering."""
    for klass in serializer_class.__mro__:
        order = LIST_ORDERS.get((klass.__name__, field_name))
        if order is not None:
            return order
    return tuple(child_model._meta.ordering)


def nested_fields(serializer_class: type):
    """(name, field, child serializer class or None, many) for every field of ``serializer_class``."""
    for name, field in serializer_class().fields.items():
        if isinstance(field, serializers.ListSerializer):
            yield name, field, type(field.child), True
        elif isinstance(field, serializers.BaseSerializer):
            yield name, field, type(field), False
        else:
            yield name, field, None, False


# A nested serializer's source ending so renders one row of a reverse foreign key (or null).
FIRST = ".first"


def relation(model, field) -> object:
    """The model field a nested serializer field's (single-step) ``source`` names; for
    ``<reverse foreign key>.first``, that reverse relation (``is_first_of`` tells them apart)."""
    source = field.source
    where = f"{field.parent.__class__.__name__}.{field.field_name}"
    first = source.endswith(FIRST)
    if first:
        source = source.removesuffix(FIRST)
    if "." in source:
        raise ValueError(f"{where}: a nested source must be one step (or <reverse foreign key>.first)")
    target = model._meta.get_field(source)
    if first and not (target.one_to_many and not target.concrete):
        raise ValueError(f"{where}: {source}.first needs {source} to be a reverse foreign key")
    if not first and target.one_to_many and not isinstance(field, serializers.ListSerializer):
        raise ValueError(f"{where}: {source} is a reverse foreign key: many=True, or {source}.first")
    return target


def is_first_of(field) -> bool:
    """Whether a nested serializer field renders the one row of a reverse foreign key (or null)."""
    return field.source.endswith(FIRST)


@cache
def loading_plan(serializer_class: type) -> LoadingPlan:
    """The plan that renders ``serializer_class`` (a ``ModelSerializer``) from its model's queryset."""
    joins, prefetches = _walk(serializer_class, "")
    return LoadingPlan(tuple(dict.fromkeys(joins)), tuple(prefetches))


def _path(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


def _walk(serializer_class: type, prefix: str) -> tuple[list[str], list[Prefetch]]:
    model = serializer_class.Meta.model
    joins: list[str] = []
    prefetches: list[Prefetch] = []
    for name, field, child, many in nested_fields(serializer_class):
        if child is None:
            links = field.source.split(".")[:-1] if field.source != "*" else []
            for depth in range(1, len(links) + 1):
                joins.append(_path(prefix, "__".join(links[:depth])))
            continue
        target = relation(model, field)
        path = _path(prefix, target.name)
        if many or is_first_of(field):
            child_model = target.related_model
            order = list_order(serializer_class, name, child_model)
            queryset = loading_plan(child).apply(child_model._default_manager.all()).order_by(*order)
            prefetches.append(Prefetch(path, queryset=queryset))
            continue
        if not (target.many_to_one or target.one_to_one) or not target.concrete:
            raise ValueError(f"{serializer_class.__name__}.{name}: {target.name} is not a foreign key")
        child_joins, child_prefetches = _walk(child, path)
        if len(joins) + len(child_joins) + 1 > MAX_JOINS:
            queryset = loading_plan(child).apply(target.related_model._default_manager.all())
            prefetches.append(Prefetch(path, queryset=queryset))
            continue
        joins += [path, *child_joins]
        prefetches += child_prefetches
    return joins, prefetches
