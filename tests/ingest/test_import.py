"""``hangar import``: upserts keyed on upstream ids, idempotent, atomic, precise errors."""

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hangar.catalog.models import Agency, Image, Spacecraft, SpacecraftConfig, SpacecraftConfigFamily
from tests.conftest import SEED_FILE


def run(*args, stdin=None, monkeypatch=None):
    err = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    call_command("import", *args, stderr=err)
    return err.getvalue()


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Spacecraft, SpacecraftConfig, SpacecraftConfigFamily, Agency, Image)
    }


def test_import_creates_every_nested_object(db):
    out = run(str(SEED_FILE))
    assert Spacecraft.objects.count() == 10
    assert sorted(SpacecraftConfig.objects.values_list("id", flat=True)) == [1, 3, 33, 35, 42]
    assert sorted(Agency.objects.values_list("id", flat=True)) == [63, 121, 1000]
    assert SpacecraftConfig.objects.get(id=42).family.get().manufacturer.abbrev == "OKB-1"
    assert "Spacecraft: 10 created, 0 updated, 0 unchanged" in out


def test_reimport_is_idempotent(db):
    run(str(SEED_FILE))
    before = snapshot()
    out = run(str(SEED_FILE))
    assert snapshot() == before
    assert "Spacecraft: 0 created, 0 updated, 10 unchanged" in out


def test_absent_fields_keep_their_stored_value(db, tmp_path):
    run(str(SEED_FILE))
    SpacecraftConfig.objects.filter(id=1).update(capability="Crew transport", human_rated=True)
    run(str(SEED_FILE))  # a normal-mode page carries no capability
    config = SpacecraftConfig.objects.get(id=1)
    assert (config.capability, config.human_rated) == ("Crew transport", True)


def test_changed_values_are_updated(db, tmp_path, seed_page):
    run(str(SEED_FILE))
    seed_page["results"][0]["name"] = "Soyuz 18 (renamed)"
    seed_page["results"][0]["time_docked"] = "P1DT2H"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(seed_page))
    out = run(str(path))
    craft = Spacecraft.objects.get(id=188)
    assert craft.name == "Soyuz 18 (renamed)"
    assert craft.time_docked.total_seconds() == 26 * 3600
    assert "Spacecraft: 0 created, 1 updated, 9 unchanged" in out


def test_single_object_directory_and_stdin(db, tmp_path, seed_page, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.json").write_text(json.dumps(seed_page["results"][0]))
    run(str(tmp_path))
    assert list(Spacecraft.objects.values_list("id", flat=True)) == [188]
    run("-", stdin=json.dumps(seed_page["results"][1]), monkeypatch=monkeypatch)
    assert sorted(Spacecraft.objects.values_list("id", flat=True)) == [135, 188]


def test_variants_and_families_are_replaced_by_the_list_given(db, tmp_path, seed_page):
    craft = seed_page["results"][0]
    variant = {"id": 7, "type": {"id": 1, "name": "Thumbnail"}, "image_url": "https://x/y.jpg"}
    # Image 1927 is both the spacecraft's and its configuration's; the later occurrence wins.
    craft["spacecraft_config"]["image"]["variants"] = [variant]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(craft))
    run(str(path))
    assert list(Image.objects.get(id=1927).variants.values_list("id", flat=True)) == [7]
    craft["spacecraft_config"]["image"]["variants"] = []
    craft["spacecraft_config"]["family"] = []
    path.write_text(json.dumps(craft))
    run(str(path))
    assert not Image.objects.get(id=1927).variants.exists()
    assert not SpacecraftConfig.objects.get(id=1).family.exists()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda p: p["results"][3]["status"].update(id="four"),
            "$.results[3].status.id: expected an integer",
        ),
        (lambda p: p["results"][0].pop("name"), "$.results[0]: missing required key 'name'"),
        (
            lambda p: p["results"][2]["spacecraft_config"]["agency"].pop("id"),
            "$.results[2].spacecraft_config.agency",
        ),
        (
            lambda p: p["results"][1].update(time_docked="61 days"),
            "$.results[1].time_docked: expected an ISO 8601",
        ),
        (
            lambda p: p["results"][1].update(is_placeholder="false"),
            "$.results[1].is_placeholder: expected true",
        ),
        (lambda p: p["results"][5].update(status=None), "$.results[5].status: may not be null"),
        (lambda p: p.update(results={}), "$.results: expected a list"),
    ],
)
def test_bad_input_names_file_and_path_and_changes_nothing(db, tmp_path, seed_page, mutate, message):
    good = tmp_path / "a_good.json"
    good.write_text(json.dumps({"results": seed_page["results"][:2], "next": seed_page["next"]}))
    mutate(seed_page)
    bad = tmp_path / "b_bad.json"
    bad.write_text(json.dumps(seed_page))
    with pytest.raises(CommandError) as excinfo:
        run(str(tmp_path))
    assert str(excinfo.value).startswith(f"{bad}: ")
    assert message in str(excinfo.value)
    assert "\n" not in str(excinfo.value)
    assert snapshot() == {name: [] for name in snapshot()}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a list page or an object"),
        ('{"id": 3, "name": "x"}', "cannot tell what this object is"),
    ],
)
def test_unreadable_input(db, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))


def test_missing_path(db):
    with pytest.raises(CommandError, match="no such file or directory"):
        run("/nonexistent/file.json")


def test_kind_names_objects_without_url(db, tmp_path):
    path = tmp_path / "statuses.json"
    path.write_text(
        json.dumps({"count": 1, "next": None, "previous": None, "results": [{"id": 9, "name": "Lost"}]})
    )
    run(str(path), "--kind", "config/spacecraft_statuses")
    from hangar.catalog.models import SpacecraftStatus

    assert SpacecraftStatus.objects.get(id=9).name == "Lost"


def test_cli_error_is_one_line_and_nonzero(tmp_path):
    import os
    import subprocess

    path = tmp_path / "x.json"
    path.write_text("{broken")
    # The CLI runs against a database of its own (empty: the file fails before anything is written).
    env = {**os.environ, "HANGAR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "hangar.cli", "import", str(path)], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "not valid JSON" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda f: f["launch"].update(id="not-a-uuid"), "$.launch.id: expected a UUID"),
        (
            lambda f: f["launch"]["mission"].update(info_urls={}),
            "$.launch.mission.info_urls: expected a list",
        ),
        (lambda f: f["launch"]["mission"].update(info_urls=[{"priority": 1}]), "missing required key 'url'"),
        (lambda f: f.update(landing=None), "$.landing: may not be null"),
        (
            lambda f: f["docking_events"].append({"id": 5}),
            "$.docking_events[0]: missing required key 'docking'",
        ),
    ],
)
def test_bad_flight_input_names_the_path(db, tmp_path, mutate, message):
    from hangar.ingest.importing import ImportFailed, import_paths
    from hangar.ingest.parse import parse_document

    flight = {
        "id": 1,
        "url": "https://ll.thespacedevs.com/2.3.0/spacecraft_flights/1/",
        "spacecraft": json.loads(SEED_FILE.read_text())["results"][0],
        "launch": {
            "id": "00000000-0000-0000-0000-000000000001",
            "slug": "x",
            **dict.fromkeys(("net", "last_updated", "window_start", "window_end"), "2020-01-01T00:00:00Z"),
            "mission": {
                "id": 1,
                "name": "M",
                "orbit": {
                    "id": 1,
                    "name": "LEO",
                    "abbrev": "LEO",
                    "celestial_body": {"id": 1, "name": "Earth"},
                },
            },
        },
        "landing": {
            "id": 1,
            "landing_location": {
                "id": 1,
                "location": {"id": 1},
                "celestial_body": {"id": 1, "name": "Earth"},
            },
            "type": {"id": 1},
        },
        "docking_events": [],
    }
    parse_document(json.loads(json.dumps(flight)))  # the unmutated object parses
    mutate(flight)
    path = tmp_path / "flight.json"
    path.write_text(json.dumps(flight))
    with pytest.raises(ImportFailed) as failure:
        import_paths([str(path)])
    assert message in str(failure.value)
    assert Spacecraft.objects.count() == 0


def test_a_known_program_may_arrive_without_its_type_but_a_new_one_may_not(db, tmp_path):
    from hangar.catalog.models import Program, ProgramType

    mini = {
        "response_mode": "list",
        "id": 25,
        "url": "https://x/2.3.0/programs/25/",
        "name": "CCP",
        "image": None,
    }
    path = tmp_path / "program.json"
    path.write_text(json.dumps(mini))
    with pytest.raises(
        CommandError, match=r"program\.json: \$: Program 25 is not stored yet and has no 'type'"
    ):
        run(str(path))
    assert not Program.objects.exists()
    Program.objects.create(
        id=25, name="Old name", type=ProgramType.objects.create(id=1, name="Human Exploration")
    )
    run(str(path))
    assert Program.objects.get(id=25).name == "CCP"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics")
def test_an_import_gives_sqlite_statistics_for_the_spacecraft_table(db):
    call_command("import", SEED_FILE, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        assert [row[0] for row in cursor.fetchall()] == [Spacecraft._meta.db_table]
