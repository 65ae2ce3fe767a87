"""``/2.3.0/dashboard/starship/``: one object in each mode, conforming to the official component (the file
declares an array: an erratum, as ``/api-throttle/``'s), holding what the catalog says of program 1, at a
query count that grows with nothing."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from hangar.catalog.models import Event, Launch, Notice, RoadClosure, Update
from hangar.catalog.signals import batched
from hangar.ingest.generate import generate
from tests.conformance import object_component, problems
from tests.http import get
from tests.openapi import ONE_OBJECT_ERRATA
from tests.queries import cold_queries
from tests.shared import shared_data

catalog = shared_data(lambda: generate(150, seed=13))

PATH = "/2.3.0/dashboard/starship/"
MODES = ("list", "normal", "detailed")
# Cold queries per mode, in either format (both take DRF's path): one per list (two per window's) and one
# per nested list or lookup of its items' shapes; a detailed launch's plan is most of the detailed count.
PINNED = {
    ("list", "json"): 22,
    ("normal", "json"): 46,
    ("detailed", "json"): 256,
    ("list", "api"): 22,
    ("normal", "api"): 46,
    ("detailed", "api"): 256,
}


def test_the_file_declares_an_array_where_upstream_answers_one_object():
    assert PATH in ONE_OBJECT_ERRATA
    assert object_component(PATH) == "PolymorphicStarshipDashboardEndpoint"


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_is_one_object_of_the_official_component(db, client, catalog, mode):
    body = get(client, f"{PATH}?format=json&mode={mode}")
    assert isinstance(body, dict) and body["response_mode"] == mode
    assert problems(object_component(PATH), body) == []
    for key in ("updates", "live_streams", "road_closures", "notices", "vehicles", "orbiters"):
        assert body[key], f"{key} is empty on a generated catalog: nothing is checked"
    for window in ("upcoming", "previous"):
        assert body[window]["launches"] and body[window]["events"], window


def test_the_default_mode_is_normal(db, client, catalog):
    assert get(client, f"{PATH}?format=json")["response_mode"] == "normal"


def _ids(rows) -> list:
    return [row["id"] for row in rows]


def test_what_each_part_holds(db, client, catalog):
    now = timezone.now()
    body = get(client, f"{PATH}?format=json&mode=list&limit=100")
    updates = Update.objects.filter(program=1).order_by("-created_on", "-id")
    assert _ids(body["updates"]) == list(updates.values_list("id", flat=True)[:100])
    open_closures = RoadClosure.objects.filter(window_end__gte=now).order_by("window_start", "id")
    assert _ids(body["road_closures"]) == list(open_closures.values_list("id", flat=True))
    assert RoadClosure.objects.filter(window_end__lt=now).exists(), "a closure that is over is left out"
    assert _ids(body["notices"]) == list(Notice.objects.values_list("id", flat=True))
    upcoming = Launch.objects.filter(program=1, net__gte=now - dt.timedelta(hours=24)).order_by("net", "id")
    assert _ids(body["upcoming"]["launches"]) == [str(pk) for pk in upcoming.values_list("id", flat=True)]
    previous = Event.objects.filter(program=1, date__lt=now).order_by("-date", "-id")
    assert _ids(body["previous"]["events"]) == list(previous.values_list("id", flat=True))
    assert all(v["launcher_config"] for v in body["vehicles"])
    assert any(stream["image"] for stream in body["live_streams"])


@pytest.mark.parametrize(("limit", "most"), [("1", 1), ("3", 3), ("500", 100)])
def test_limit_caps_every_list(db, client, catalog, limit, most):
    body = get(client, f"{PATH}?format=json&limit={limit}")
    lists = [v for v in body.values() if isinstance(v, list)]
    lists += [v for window in ("upcoming", "previous") for v in body[window].values()]
    assert max(len(v) for v in lists) == min(most, max(len(v) for v in lists))
    assert all(len(v) <= most for v in lists)
    if most < 10:
        assert any(len(v) == most for v in lists)


@pytest.mark.parametrize(("name", "value"), [("mode", "full"), ("limit", "0"), ("limit", "ten")])
def test_a_bad_value_is_a_400_naming_the_parameter(db, client, catalog, name, value):
    response = client.get(f"{PATH}?format=json&{name}={value}")
    assert response.status_code == 400 and name in response.json()


@pytest.mark.parametrize("mode", MODES)
def test_the_browsable_api_costs_the_queries_json_does(db, client, catalog, mode):
    """The browsable page renders the same data as JSON does: at a size that holds every optional part,
    any query it added (per object or not) would show as a count above the JSON one, which the test
    below pins and shows to grow with nothing. Its HTML of a hundred detailed launches is not read."""
    assert PINNED[(mode, "api")] == PINNED[(mode, "json")]
    assert cold_queries(client, f"{PATH}?format=api&mode={mode}&limit=40") == PINNED[(mode, "api")]


@pytest.mark.parametrize("mode", MODES)
def test_the_query_count_is_pinned_and_grows_with_nothing(db, client, catalog, mode):
    url = f"{PATH}?format=json&mode={mode}"
    # Forty of each list hold every optional part (the previous launches' reused stages come after ten).
    small = cold_queries(client, f"{url}&limit=40")
    large = cold_queries(client, f"{url}&limit=100")
    assert small == large == PINNED[(mode, "json")], (small, large)
    with batched():  # more of everything the dashboard lists: still the same count
        for update in Update.objects.filter(program=1)[:3]:
            update.pk += 10_000
            update.save(force_insert=True)
    assert cold_queries(client, f"{url}&limit=100") == PINNED[(mode, "json")]


def test_the_help_text_is_the_official_description():
    from django.urls import resolve

    from tests.api.test_help_text import _paragraphs
    from tests.openapi import OPENAPI_FILE

    official = json.loads(OPENAPI_FILE.read_text())["paths"][PATH]["get"]["description"]
    view = resolve(PATH).func.cls()
    assert _paragraphs(view.get_view_description()) == _paragraphs(official)
