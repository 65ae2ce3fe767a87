"""``signals.batched``: many single-object writes, one statistics refresh and one version bump."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.catalog import versioning
from hangar.catalog.models import Spacecraft
from hangar.catalog.signals import batched
from tests import factories


def test_writes_in_a_block_bump_once_and_refresh_once(db):
    before = versioning.current()[0]
    with batched():
        craft = factories.SpacecraftFactory(id=1)
        for year in (2000, 2001):
            factories.SpacecraftFlightFactory(
                spacecraft=craft,
                launch__net=dt.datetime(year, 1, 1, tzinfo=dt.UTC),
                mission_end=dt.datetime(year, 2, 1, tzinfo=dt.UTC),
            )
        assert versioning.current()[0] == before  # nothing bumped yet
        assert Spacecraft.objects.get(id=1).flights_count == 0  # nor derived
    assert versioning.current()[0] == before + 1
    assert Spacecraft.objects.get(id=1).flights_count == 2


def test_without_a_block_every_write_bumps(db):
    before = versioning.current()[0]
    factories.SpacecraftStatusFactory(id=9)
    factories.SpacecraftConfigTypeFactory(id=9)
    assert versioning.current()[0] == before + 2


def test_a_nested_block_leaves_it_to_the_outer_one(db):
    before = versioning.current()[0]
    with batched():
        with batched():
            factories.SpacecraftStatusFactory(id=9)
        assert versioning.current()[0] == before
    assert versioning.current()[0] == before + 1


def test_a_block_that_fails_writes_nothing(db):
    before = versioning.current()[0]
    try:
        with batched():
            factories.SpacecraftStatusFactory(id=9)
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert versioning.current()[0] == before
    with CaptureQueriesContext(connection):
        assert not Spacecraft.objects.exists()
    from hangar.catalog.models import SpacecraftStatus

    assert not SpacecraftStatus.objects.filter(id=9).exists()
