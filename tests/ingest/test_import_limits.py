"""Import validation against what the columns hold (ingest.limits), the same on SQLite and PostgreSQL:
lengths, integer ranges, nesting depth, duplicate ids; and a no-op import leaves the data version alone."""

import copy
import json

import pytest

from hangar.catalog import versioning
from hangar.catalog.models import Spacecraft
from hangar.ingest.importing import ImportFailed, import_paths


def write(tmp_path, data, name="page.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def failure(paths) -> str:
    with pytest.raises(ImportFailed) as raised:
        import_paths(paths)
    message = str(raised.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("existing", [False, True], ids=["create", "update"])
def test_a_string_longer_than_its_column_is_refused_on_create_and_update(db, seed_page, tmp_path, existing):
    if existing:
        import_paths([write(tmp_path, seed_page, "first.json")])
    before = list(Spacecraft.objects.order_by("id").values_list("id", "name"))
    page = copy.deepcopy(seed_page)
    page["results"][2]["name"] = "x" * 300
    path = write(tmp_path, page)
    assert failure([path]) == f"{path}: $.results[2].name: longer than 255 characters (300)"
    assert list(Spacecraft.objects.order_by("id").values_list("id", "name")) == before


def test_a_megabyte_name_is_refused(db, seed_page, tmp_path):
    seed_page["results"][0]["spacecraft_config"]["name"] = "n" * 1_000_000
    message = failure([write(tmp_path, seed_page)])
    assert message.endswith("$.results[0].spacecraft_config.name: longer than 200 characters (1000000)")
    assert not Spacecraft.objects.exists()


@pytest.mark.parametrize("bad_id", [2**31, -1], ids=["2^31", "negative"])
def test_ids_outside_their_column_are_refused(db, seed_page, tmp_path, bad_id):
    seed_page["results"][0]["status"]["id"] = bad_id
    message = failure([write(tmp_path, seed_page)])
    assert "$.results[0].status.id: integer out of range: must be from 0 to 2147483647" in message
    assert not Spacecraft.objects.exists()


def test_a_statistic_outside_its_column_is_refused(db, seed_page, tmp_path):
    agency = seed_page["results"][0]["spacecraft_config"]["agency"]
    agency["total_launch_count"] = 2**40
    if "total_launch_count" not in json.dumps(seed_page):
        pytest.skip("the seed page's agencies carry no statistics")
    assert "integer out of range" in failure([write(tmp_path, seed_page)])


def test_json_nested_thousands_deep_is_one_line(db, tmp_path):
    path = write(tmp_path, '{"results": ' + "[" * 3000 + "]" * 3000 + "}")
    message = failure([path])
    assert message.startswith(f"{path}: ") and "nested" in message


def test_json_nested_deeper_than_the_bound_is_refused_with_its_path(db, seed_page, tmp_path):
    deep = {}
    for _ in range(100):
        deep = {"x": deep}
    seed_page["results"][0]["extra"] = deep
    message = failure([write(tmp_path, seed_page)])
    assert "$.results[0].extra" in message and "nested deeper than 64 levels" in message


def test_duplicate_ids_in_one_page_are_reported(db, seed_page, tmp_path):
    seed_page["results"].append(copy.deepcopy(seed_page["results"][1]))
    seed_page["results"][-1]["name"] = "the same id, other data"
    message = failure([write(tmp_path, seed_page)])
    first = seed_page["results"][1]["id"]
    assert f"$.results[10]: duplicate id {first} (also at $.results[1])" in message
    assert not Spacecraft.objects.exists()


def test_a_no_op_import_leaves_the_data_version_alone(db, seed_page, tmp_path):
    path = write(tmp_path, seed_page)
    import_paths([path])
    before = versioning.current()
    summary = import_paths([path])
    assert versioning.current() == before
    assert all(c["created"] == c["updated"] == 0 for c in summary.counts.values())
    seed_page["results"][0]["name"] = "Changed"
    import_paths([write(tmp_path, seed_page, "changed.json")])
    assert versioning.current()[0] == before[0] + 1


def test_a_no_op_import_of_flights_leaves_the_data_version_alone(db, tmp_path):
    from hangar.ingest.importing import import_demo

    import_demo()
    before = versioning.current()
    import_demo()
    assert versioning.current() == before
