"""Serializer fields whose output must match upstream's formatting exactly."""

import datetime as dt
import random

import isodate
import pytest

from hangar.api.serializers.fields import format_duration


@pytest.mark.parametrize(
    "value",
    [
        dt.timedelta(0),
        dt.timedelta(days=61, hours=13, minutes=26),
        dt.timedelta(days=62, hours=23, minutes=20, seconds=8),
        dt.timedelta(seconds=1),
        dt.timedelta(microseconds=1),
        dt.timedelta(seconds=5, microseconds=250000),
        dt.timedelta(days=-1),
        dt.timedelta(seconds=-90),
        dt.timedelta(days=3000, microseconds=999999),
    ],
)
def test_durations_are_formatted_like_isodate(value):
    assert format_duration(value) == isodate.duration_isoformat(value)


def test_durations_agree_with_isodate_on_random_values():
    rng = random.Random(5)
    for _ in range(20000):
        value = dt.timedelta(
            days=rng.choice((0, rng.randint(-400, 4000))),
            seconds=rng.choice((0, rng.randint(0, 86399))),
            microseconds=rng.choice((0, 0, rng.randint(0, 999999))),
        )
        assert format_duration(value) == isodate.duration_isoformat(value), value


def test_null_duration_is_null():
    assert format_duration(None) is None
