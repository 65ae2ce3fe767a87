"""Filters over a many-to-many relation by the related objects' ids: ``agencies_ids=44,121``.

``fields.IdListFilter`` keeps the rows related to any of the ids, ``RelatedAllFilter`` those related to
every one of them (upstream's ``families__contains``). Both are subqueries on the relation, never a
join, so a row related to two of the ids appears once and counts stay exact; ``InSubqueryMixin`` does
the same for any other filter through such a relation (``manufacturer__name`` of a family).
"""

import django_filters
from django_filters.constants import EMPTY_VALUES

from hangar.api.filters.fields import CharInFilter, IdFilter, IdListFilter


class RelatedAllFilter(IdListFilter):
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


class RelatedCharInFilter(InSubqueryMixin, CharInFilter):
    """``a,b``: rows with a related object (``vid_urls__url``) having any of these exact strings."""
