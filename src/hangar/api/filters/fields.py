"""Strictly parsed filter values: each bad value is a 400 that names the parameter and what it takes.

Upstream (and django-filter by default) silently ignores a malformed value and answers as if the
parameter were absent; these form fields and filters refuse it instead. An empty value counts as
absent, since the browsable API's filter form sends every field.
"""

import uuid

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from hangar.api.params import BOOLEAN_HELP, BOOLEAN_WORDS, MAX_INT


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


class HideRecentPreviousFilter(BooleanFilter):
    """Applied by the upcoming views themselves (it moves the window's start, ``api.views.windows``);
    validated here as a boolean, a no-op as a filter."""

    def filter(self, qs, value):
        return qs


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
class IdListFilter(django_filters.Filter):
    """Comma-separated ids of a related object (``agencies_ids=44,121``): any of them matches, each row
    once (a subquery on the relation, never a join that repeats rows)."""

    field_class = IdListField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=qs.model.objects.filter(**{f"{self.field_name}__in": value}).values("pk"))


class UUIDListField(forms.Field):
    """``uuid,uuid`` → ``[UUID, UUID]``; empty items are skipped, anything but a UUID is a 400."""

    default_error_messages = {"invalid": "%(value)r is not a UUID. Must be UUIDs separated by commas."}

    def to_python(self, value):
        if value in self.empty_values:
            return []
        items = [item.strip() for item in str(value).split(",")]
        try:
            return [uuid.UUID(item) for item in items if item]
        except ValueError:
            bad = next(item for item in items if item and not _is_uuid(item))
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": bad}
            ) from None


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "uuid"}})
class UUIDListFilter(IdListFilter):
    """Comma-separated UUIDs of a related object (``spacecraft_launch__ids``): any of them matches."""

    field_class = UUIDListField


class TextListField(forms.Field):
    """``B1060,B1062`` → ``["B1060", "B1062"]``: exact strings, empty items skipped."""

    def to_python(self, value):
        if value in self.empty_values:
            return []
        return [item.strip() for item in str(value).split(",") if item.strip()]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class TextListFilter(IdListFilter):
    """Comma-separated exact strings of a related object (``launcher_serial_numbers``): any matches."""

    field_class = TextListField


class StrictDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": "Must be a date, YYYY-MM-DD."}


@extend_schema_field(OpenApiTypes.DATE)
class DateFilter(django_filters.DateFilter):
    """A calendar date, ``YYYY-MM-DD``; anything else is a 400."""

    field_class = StrictDateField


class StrictDateTimeField(django_filters.fields.IsoDateTimeField):
    input_formats = [django_filters.fields.IsoDateTimeField.ISO_8601, "%Y-%m-%d"]
    default_error_messages = {"invalid": "Must be an ISO 8601 date-time (2024-01-31T12:00:00Z) or date."}


@extend_schema_field(OpenApiTypes.DATETIME)
class DateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time (a date alone is its midnight, UTC); anything else is a 400."""

    field_class = StrictDateTimeField


class _CSVMixin:
    """Comma-separated values (``1,2,3``) of the filter's own kind; one bad item is a 400 naming it.

    Unlike ``IdListFilter`` these are plain ``__in`` lookups on the model's own columns (or through
    foreign keys), which cannot repeat rows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "Multiple values may be separated by commas.")
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer"})
class IdInFilter(_CSVMixin, django_filters.BaseInFilter, IdFilter):
    """``1,2,3``: any of these ids."""


@extend_schema_field({"type": "number"})  # as upstream's file types year, month, day
class IntegerInFilter(_CSVMixin, django_filters.BaseInFilter, IntegerFilter):
    """``2024,2025``: any of these whole numbers (years, months, days)."""


@extend_schema_field({"type": "string"})
class CharInFilter(_CSVMixin, django_filters.BaseInFilter, django_filters.CharFilter):
    """``a,b``: any of these exact strings."""


@extend_schema_field({"type": "string", "format": "uuid"})
class UUIDInFilter(_CSVMixin, django_filters.BaseInFilter, django_filters.UUIDFilter):
    """``uuid,uuid``: any of these UUIDs; anything else is a 400."""
