"""How the fast path formats a column's value exactly as the DRF field that declares it would.

Each serializer field maps, once, to a function of the database value: most specific field class
first, ``to_representation`` for anything without a shortcut. Booleans and durations are formatted from
what the database returns (0/1 and microseconds on SQLite), skipping Django's per-value converters.
"""

import datetime as dt

from django.conf import settings
from rest_framework import serializers
from rest_framework.settings import ISO_8601, api_settings

from hangar.api.renderers import json_text
from hangar.api.serializers.fields import DurationField, format_duration, format_microseconds


def _date(value):
    return value.isoformat()


def duration(value):
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
    (DurationField, duration),
    (serializers.BooleanField, bool),
    (serializers.CharField, _text),
    (serializers.IntegerField, int),
    (serializers.FloatField, float),
)

# Formatters that read the database's own value (Django's converters are skipped for their columns).
RAW = (bool, duration)


def _safe_text(represent):
    def formatted(value):
        value = represent(value)
        return json_text(value) if isinstance(value, str) else value

    return formatted


def formatter(field):
    """The function that turns a non-null column value into what ``field`` would output."""
    for field_class, format_value in _FORMATTERS:
        if isinstance(field, field_class):
            return format_value
    if _is_utc_iso_datetime(field):
        return _utc_datetime
    if isinstance(field, serializers.DateField) and not isinstance(field, serializers.DateTimeField):
        return _date
    return _safe_text(field.to_representation)
