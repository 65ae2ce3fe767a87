"""Filters over a many-to-many relation by the related objects' ids: ``agencies_ids=44,121``.

``RelatedAnyFilter`` keeps the rows related to any of the ids, ``RelatedAllFilter`` those related to
every one of them (upstream's ``families__contains``). Both are subqueries on the relation, never a
join, so a row related to two of the ids appears once and counts stay exact; ``InSubqueryMixin`` does
the same for any other filter through such a relation (``manufacturer__name`` of a family).
"""

import django_filters
from django import forms
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.utils import extend_schema_field

from hangar.api.filters.fields import IdFilter
from hangar.api.params import MAX_INT


class IdListField(forms.Field):
    """``1,5,7`` → ``[1, 5, 7]``; empty items are skipped, anything but an id is a 400."""

    default_error_messages = {"invalid": "%(value)r is not an id. Must be whole numbers separated by commas."}

    def to_python(self, value):
        if value in self.empty_values:
            return []
        ids = []
        for item in str(value).split(","):
            item = item.strip()
            if not item:
                continue
            if not item.isascii() or not item.isdigit() or int(item) > MAX_INT:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": item}
                )
            ids.append(int(item))
        return ids


@extend_schema_field({"type": "array", "items": {"type": "integer"}})
class RelatedAnyFilter(django_filters.Filter):
    """Rows related (through ``field_name``) to any of the comma-separated ids."""

    field_class = IdListField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "Multiple values may be separated by commas.")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=qs.model.objects.filter(**{f"{self.field_name}__in": value}).values("pk"))


class RelatedAllFilter(RelatedAnyFilter):
    """Rows related (through ``field_name``) to every one of the comma-separated ids."""

    def filter(self, qs, value):
        for related_id in dict.fromkeys(value or ()):
            qs = qs.filter(pk__in=qs.model.objects.filter(**{self.field_name: related_id}).values("pk"))
        return qs


class InSubqueryMixin:
    """A filter whose condition is tested in a subquery of the model (``pk IN (…)``): a row matched
    through a many-to-many relation (a family's manufacturers) appears once."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(pk__in=super().filter(qs.model.objects.all(), value).values("pk"))


class RelatedCharFilter(InSubqueryMixin, django_filters.CharFilter):
    pass


class RelatedIdFilter(InSubqueryMixin, IdFilter):
    pass
