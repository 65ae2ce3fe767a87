"""Every ``/config/`` lookup of ``api.views.config``: list and detail validate strictly, ordering by id and
name with the id tiebreaker, paging, 400s, 404s, upstream's help text, and the import round trip."""

import io
import json

import pytest
from django.core.management import call_command

from hangar.api.views.config import CONFIG_LOOKUPS
from hangar.catalog.models import CelestialBody, CelestialBodyType, Image, Location, TimelineEventType
from hangar.catalog.signals import batched
from tests.http import get
from tests.key_order import order_errors
from tests.openapi import errors
from tests.shared import shared_data

PATHS = sorted(CONFIG_LOOKUPS)
NAMES = [(1, "Active"), (2, "Retired"), (3, "Destroyed"), (4, "Active")]


def component(path):
    return CONFIG_LOOKUPS[path].__name__.removesuffix("Serializer")


def _extras(model, earth, site):
    """Whatever else a row of ``model`` needs to be stored and to validate against its component."""
    fields = {f.name for f in model._meta.get_fields()}
    extras = {}
    if "celestial_body" in fields:
        extras["celestial_body"] = earth
    if "location" in fields:
        extras["location"] = site
    for key in ("abbrev", "code", "alpha_2_code", "alpha_3_code"):
        if key in fields:
            extras[key] = "XX" if key == "alpha_2_code" else "XXX"
    return extras


def _lookups():
    """Four rows of every lookup, read by every test of the module (built once: ``shared_data``)."""
    with batched():
        _store_lookups()


def _store_lookups():
    CelestialBodyType.objects.bulk_create(CelestialBodyType(id=i, name=n) for i, n in NAMES)
    earth = CelestialBody.objects.create(id=1, name="Earth", type_id=1)
    site = Location.objects.create(id=1, name="Site", celestial_body=earth)
    for path in PATHS:
        if path == "celestial_body_types":
            continue
        model = CONFIG_LOOKUPS[path].Meta.model
        for id_, name in NAMES:
            model.objects.create(id=id_, name=name, **_extras(model, earth, site))
    # CelestialBodyNormal (in a landing location) requires an image.
    image = Image.objects.create(
        id=1, name="Earth", image_url="https://x/e.png", thumbnail_url="", license_id=1
    )
    CelestialBody.objects.filter(id=1).update(image=image)


lookups = shared_data(_lookups)


@pytest.mark.parametrize("path", PATHS)
def test_list_and_detail_validate_strictly(db, client, lookups, path):
    url = f"/2.3.0/config/{path}/"
    body = get(client, url)
    assert [r["id"] for r in body["results"]] == [1, 2, 3, 4]
    assert errors(f"Paginated{component(path)}List", body) == []
    assert order_errors(f"Paginated{component(path)}List", body) == []
    for item in body["results"]:
        assert get(client, f"{url}{item['id']}/") == item
        assert errors(component(path), item) == []


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 2, 3, 4]),
        ("ordering=-id", [4, 3, 2, 1]),
        ("ordering=name", [1, 4, 3, 2]),  # ties broken by id
        ("ordering=-name", [2, 3, 4, 1]),
        ("ordering=colour", [1, 2, 3, 4]),
        ("search=retired", [1, 2, 3, 4]),  # upstream names no search fields: ignored
        ("mode=detailed", [1, 2, 3, 4]),  # no modes here: ignored, as upstream does
        ("limit=2&offset=1", [2, 3]),
    ],
)
def test_ordering_and_paging(db, client, lookups, path, query, expected):
    assert [r["id"] for r in get(client, f"/2.3.0/config/{path}/?{query}")["results"]] == expected


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("query", "param"), [("limit=0", "limit"), ("offset=a", "offset"), ("x=%00", "x")])
def test_bad_values_are_a_400(db, client, lookups, path, query, param):
    assert list(get(client, f"/2.3.0/config/{path}/?{query}", status=400)) == [param]


@pytest.mark.parametrize("path", PATHS)
def test_unknown_id_is_a_404_and_writes_are_405(db, client, lookups, path):
    url = f"/2.3.0/config/{path}/"
    assert list(get(client, f"{url}9/", status=404)) == ["detail"]
    assert client.get(f"{url}99999999999999999999999/").status_code == 404
    assert client.post(url, {"name": "x"}, format="json").status_code == 405


@pytest.mark.parametrize("path", PATHS)
def test_a_page_and_an_object_round_trip_through_import(db, client, lookups, tmp_path, path):
    url = f"/2.3.0/config/{path}/?format=json"
    page = get(client, url)
    one = get(client, f"/2.3.0/config/{path}/3/?format=json")
    (tmp_path / "page.json").write_text(json.dumps(page))
    (tmp_path / "one.json").write_text(json.dumps({**one, "name": "Renamed"}))
    # Row 1 stays (what the fixture's body and image refer to is protected); it is re-imported unchanged.
    CONFIG_LOOKUPS[path].Meta.model.objects.exclude(id=1).delete()
    call_command("import", str(tmp_path / "page.json"), "--kind", f"config/{path}", stderr=io.StringIO())
    assert get(client, url) == page
    call_command("import", str(tmp_path / "one.json"), "--kind", f"config/{path}", stderr=io.StringIO())
    assert get(client, f"/2.3.0/config/{path}/3/?format=json")["name"] == "Renamed"


# Timeline event types have no name: ordered by id, abbrev or description; imported by abbrev.
TIMELINE = "/2.3.0/config/timeline_event_types/"


@pytest.fixture
def timeline_types(db):
    TimelineEventType.objects.bulk_create(
        TimelineEventType(id=i, abbrev=a, description=d)
        for i, a, d in [(1, "MECO", "Main engine cut-off"), (2, "Liftoff", ""), (3, "Fairing", "Jettison")]
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", [1, 2, 3]), ("ordering=abbrev", [3, 2, 1]), ("ordering=-description", [1, 3, 2])],
)
def test_timeline_event_types_list_orders_and_validate(client, timeline_types, query, expected):
    body = get(client, f"{TIMELINE}?{query}")
    assert [r["id"] for r in body["results"]] == expected
    assert errors("PaginatedTimelineEventTypeList", body) == []
    assert get(client, f"{TIMELINE}1/") == {"id": 1, "abbrev": "MECO", "description": "Main engine cut-off"}


def test_timeline_event_types_round_trip_through_import(client, timeline_types, tmp_path):
    page = get(client, f"{TIMELINE}?format=json")
    (tmp_path / "page.json").write_text(json.dumps(page))
    TimelineEventType.objects.all().delete()
    kind = ("--kind", "config/timeline_event_types")  # lookups carry no url to be recognised by
    call_command("import", str(tmp_path / "page.json"), *kind, stderr=io.StringIO())
    assert get(client, f"{TIMELINE}?format=json") == page
