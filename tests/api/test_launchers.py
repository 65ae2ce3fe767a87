"""GET /2.3.0/launchers/: modes, every filter of the official file with a 400 for bad values, every
search and ordering field, and the import round trip."""

import datetime as dt

import pytest

from hangar.catalog.models import Launcher, LauncherConfig, LauncherStatus
from hangar.catalog.signals import batched
from tests import factories
from tests.conformance import item_component, problems
from tests.http import get, ids
from tests.round_trip import round_trip

URL = "/2.3.0/launchers/"
UTC = dt.UTC
# id, serial, status, config, flight_proven, placeholder, landings ok, attempted, flights, first launch
LAUNCHERS = [
    (1, "B1048", 1, 11, True, False, 9, 10, 11, dt.datetime(2019, 3, 2, 7, 49, tzinfo=UTC)),
    (2, "B1062", 2, 11, True, False, 20, 21, 22, dt.datetime(2020, 11, 5, 23, 24, tzinfo=UTC)),
    (3, "Unknown F9", 1, 12, False, True, None, None, None, None),
    (4, "L-17", 3, 12, False, False, 0, 0, 1, dt.datetime(2021, 1, 1, tzinfo=UTC)),
]


@pytest.fixture
def launchers(db):
    with batched():
        spacex = factories.AgencyFactory(id=121, name="SpaceX", abbrev="SpX")
        rocket_lab = factories.AgencyFactory(id=147, name="Rocket Lab", abbrev="RL")
        LauncherConfig.objects.create(id=11, name="Falcon 9", manufacturer=spacex)
        LauncherConfig.objects.create(id=12, name="Electron", manufacturer=rocket_lab)
        for id_, name in ((1, "Active"), (2, "Retired"), (3, "Lost")):
            LauncherStatus.objects.create(id=id_, name=name)
        for id_, serial, status, config, proven, placeholder, ok, tried, flights, first in LAUNCHERS:
            Launcher.objects.create(
                id=id_, serial_number=serial, status_id=status, launcher_config_id=config,
                flight_proven=proven, is_placeholder=placeholder, successful_landings=ok,
                attempted_landings=tried, flights=flights, first_launch_date=first, last_launch_date=first,
                fastest_turnaround=dt.timedelta(days=27) if flights else None,
            )  # fmt: skip


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_every_mode_lists_and_details_its_component(client, launchers, mode):
    page = get(client, f"{URL}?mode={mode}")
    assert [r["id"] for r in page["results"]] == [1, 2, 3, 4]
    for row in page["results"]:
        assert problems(item_component("launchers", mode), row) == []
        assert get(client, f"{URL}{row['id']}/?mode={mode}") == row
    assert get(client, f"{URL}1/")["response_mode"] == "detailed"
    assert get(client, f"{URL}1/")["launcher_config"]["name"] == "Falcon 9"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("attempted_landings=10", [1]),
        ("attempted_landings__gt=10", [2]),
        ("attempted_landings__gte=10", [1, 2]),
        ("attempted_landings__lt=10", [4]),
        ("attempted_landings__lte=10", [1, 4]),
        ("flights=22", [2]),
        ("flights__gt=11", [2]),
        ("flights__gte=11", [1, 2]),
        ("flights__lt=11", [4]),
        ("flights__lte=11", [1, 4]),
        ("successful_landings=0", [4]),
        ("successful_landings__gt=9", [2]),
        ("successful_landings__gte=9", [1, 2]),
        ("successful_landings__lt=9", [4]),
        ("successful_landings__lte=9", [1, 4]),
        ("first_launch_date=2019-03-02T07:49:00Z", [1]),
        ("last_launch_date=2021-01-01T00:00:00Z", [4]),
        ("flight_proven=true", [1, 2]),
        ("flight_proven=0", [3, 4]),
        ("is_placeholder=True", [3]),
        ("id=2", [2]),
        ("id__contains=3", [3]),
        ("launcher_config__ids=12", [3, 4]),
        ("launcher_config__ids=11,12", [1, 2, 3, 4]),
        ("launcher_config__manufacturer__name=SpaceX", [1, 2]),
        ("launcher_config__manufacturer__name__contains=Lab", [3, 4]),
        ("serial_number=B1062", [2]),
        ("serial_number__contains=B10", [1, 2]),
        ("status=1", [1, 3]),
        ("search=b1048", [1]),
        ("search=retired", [2]),
        ("ordering=-flights", [3, 2, 1, 4]),  # nulls first when descending, last when ascending
        ("ordering=attempted_landings", [4, 1, 2, 3]),
        ("ordering=-successful_landings", [3, 2, 1, 4]),
        ("ordering=flight_proven", [3, 4, 1, 2]),
        ("ordering=-id", [4, 3, 2, 1]),
    ],
)
def test_filters_search_and_ordering(client, launchers, query, expected):
    assert ids(client, f"{URL}?{query}") == expected


@pytest.mark.parametrize(
    "param",
    ["flights", "attempted_landings__gt", "first_launch_date", "flight_proven", "id", "launcher_config__ids",
     "status", "mode"],
)  # fmt: skip
def test_bad_values_are_a_400_naming_the_parameter(client, launchers, param):
    assert list(get(client, f"{URL}?{param}=nope", status=400)) == [param]


def test_every_page_and_mode_round_trips_through_import(client, launchers, tmp_path, public_url):
    urls = [f"{URL}?mode={mode}&format=json" for mode in ("detailed", "normal", "list")]
    before, after = round_trip(client, urls, tmp_path)
    assert after == before
