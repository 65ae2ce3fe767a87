"""Deep offsets from checkpoints (``api.pagination``): every page is the page a plain OFFSET gives."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from hangar.api import pagination
from hangar.catalog.models import Spacecraft
from hangar.catalog.signals import batched
from tests import factories
from tests.shared import shared_data

URL = "/2.3.0/spacecraft/"
STEP = 5


def _build():
    with batched():
        active, retired = factories.SpacecraftStatusFactory(id=1), factories.SpacecraftStatusFactory(id=2)
        # Ids with gaps and out of insertion order, so positions and ids differ.
        for n, pk in enumerate([*range(90, 3, -3), *range(200, 260, 7)]):
            factories.SpacecraftFactory(
                id=pk,
                name=f"Craft {pk}" if n % 2 else f"Dragon {pk}",
                status=active if n % 3 else retired,
                in_space=n % 5 == 0,
                time_in_space=None,
            )


_catalog = shared_data(_build)


@pytest.fixture
def catalog(db, _catalog, monkeypatch):
    monkeypatch.setattr(pagination, "CHECKPOINT_EVERY", STEP)


FILTERS = {
    "": Q(),
    "status=2": Q(status_id=2),
    "in_space=false&status=1": Q(in_space=False, status_id=1),
    "search=dragon": Q(name__ifold="dragon") | Q(spacecraft_config__name__ifold="dragon"),
}


@pytest.mark.parametrize("query", list(FILTERS))
@pytest.mark.parametrize("ordering", ["", "id", "-id"])
@pytest.mark.parametrize("limit", [1, 4])
def test_every_page_is_the_plain_offset_page(client, catalog, query, ordering, limit):
    expected_all = Spacecraft.objects.filter(FILTERS[query]).order_by(ordering or "id")
    expected_all = list(expected_all.values_list("id", flat=True))
    assert len(expected_all) > 2 * STEP
    for offset in range(len(expected_all) + 2):
        params = f"{query}&ordering={ordering}&limit={limit}&offset={offset}"
        body = client.get(f"{URL}?{params}").json()
        assert body["count"] == len(expected_all)
        assert [r["id"] for r in body["results"]] == expected_all[offset : offset + limit], params


def test_a_deep_offset_seeks_from_a_checkpoint(client, catalog):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{URL}?offset=12&limit=2").status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    assert any("OFFSET 4" in s for s in sql)  # finding the checkpoints, once per data version
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{URL}?offset=13&limit=2&ordering=-id").status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    assert not any("OFFSET 4" in s for s in sql)  # cached, and shared by both directions
    assert any('"id" <=' in s for s in sql)


def test_checkpoints_are_every_nth_id(catalog):
    ids = list(Spacecraft.objects.order_by("id").values_list("id", flat=True))
    assert pagination.checkpoints(Spacecraft.objects.filter(status_id__in=[1, 2])) == ids[::STEP]


def test_a_write_retires_the_checkpoints(client, catalog):
    first = client.get(f"{URL}?offset=11&limit=3").json()["results"]
    Spacecraft.objects.filter(pk__lt=30).delete()  # bumps the data version
    ids = list(Spacecraft.objects.order_by("id").values_list("id", flat=True))
    assert [r["id"] for r in client.get(f"{URL}?offset=11&limit=3").json()["results"]] == ids[11:14]
    assert [r["id"] for r in first] != ids[11:14]
