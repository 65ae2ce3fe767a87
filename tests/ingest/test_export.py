"""``hangar export``: pages, manifest, NDJSON and ``.tar.gz``; export -> import into an empty catalog
answers every endpoint x mode byte for byte as before."""

import json
import tarfile

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from hangar.api.fast.fragments import forget_fragments
from hangar.catalog.models import Agency, Spacecraft, SpacecraftStatus
from hangar.ingest.endpoints import mirror_endpoints
from hangar.ingest.export import ExportFailed, export
from hangar.ingest.generate import clear_catalog
from hangar.ingest.importing import ImportFailed, import_paths
from tests.conftest import GENERATED_AT
from tests.ingest import live
from tests.ingest.clock import freeze_stats_clock


@pytest.fixture
def catalog(db, generated_catalog, monkeypatch, settings):
    """The module's generated catalog (each test's changes are rolled back); imports recompute derived
    values at the clock it was generated at."""
    settings.PUBLIC_URL = live.PUBLIC_URL
    freeze_stats_clock(GENERATED_AT, monkeypatch.setattr)


@pytest.fixture(scope="module")
def pages_before(generated_catalog, django_db_blocker):
    """Every page of every endpoint x mode of the generated catalog, read once for every layout."""
    with django_db_blocker.unblock(), override_settings(PUBLIC_URL=live.PUBLIC_URL):
        urls = live.every_page(live.local_ids)
        cache.clear()
        forget_fragments()
        return urls, live.local_pages(urls)


def _start_over():
    clear_catalog()
    cache.clear()
    forget_fragments()


@pytest.mark.parametrize("layout", ["directory", "tar.gz", "ndjson"])
def test_export_then_import_into_an_empty_catalog_answers_byte_identical_pages(
    catalog, pages_before, tmp_path, layout
):
    urls, before = pages_before
    target = tmp_path / ("snapshot.tar.gz" if layout.endswith("tar.gz") else "export")
    export(str(target), "ndjson" if layout.startswith("ndjson") else "json")
    _start_over()
    assert not Spacecraft.objects.exists()
    import_paths([str(target)])
    after = live.local_pages(urls)
    differing = [url for url in urls if after[url] != before[url]]
    assert not differing, live.first_difference(after[differing[0]], before[differing[0]])


def test_the_manifest_counts_every_endpoint_and_names_its_files(catalog, tmp_path):
    manifest = export(str(tmp_path / "out"), public_url="https://ll.example.org")
    assert manifest["format"] == "hangar-export" and manifest["api"] == "2.3.0"
    assert manifest["public_url"] == "https://ll.example.org"
    assert [e["endpoint"] for e in manifest["endpoints"]] == [e.prefix for e in mirror_endpoints()]
    by_endpoint = {e["endpoint"]: e for e in manifest["endpoints"]}
    assert by_endpoint["spacecraft"]["count"] == Spacecraft.objects.count() == 120
    assert by_endpoint["spacecraft"]["mode"] == "detailed"
    assert len(by_endpoint["spacecraft"]["files"]) == 2  # 120 objects, 100 a page
    page = json.loads((tmp_path / "out" / by_endpoint["spacecraft"]["files"][1]).read_text())
    assert page["previous"].startswith("https://ll.example.org/2.3.0/spacecraft/")
    assert len(page["results"]) == 20
    assert by_endpoint["agencies"]["count"] == Agency.objects.count()
    written = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert written == manifest


def test_ndjson_holds_one_object_a_line(catalog, tmp_path):
    manifest = export(str(tmp_path / "out"), "ndjson")
    entry = next(e for e in manifest["endpoints"] if e["endpoint"] == "spacecraft")
    # Split on newlines only: str.splitlines() would also split inside strings holding U+2028 and kin.
    lines = (tmp_path / "out" / entry["files"][0]).read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines[:-1]) == 120
    assert json.loads(lines[0])["response_mode"] == "detailed"


def test_a_snapshot_is_one_tar_gz_with_the_manifest(catalog, tmp_path):
    export(str(tmp_path / "s.tar.gz"))
    with tarfile.open(tmp_path / "s.tar.gz") as tar:
        names = tar.getnames()
    assert names[-1] == "manifest.json"
    assert any(n.startswith("pages/") and n.endswith("/000000100.json") for n in names)


def test_a_broken_snapshot_changes_nothing_and_names_the_file(catalog, tmp_path):
    manifest = export(str(tmp_path / "out"))
    entry = next(e for e in manifest["endpoints"] if e["endpoint"] == "spacecraft")
    broken = tmp_path / "out" / entry["files"][-1]
    broken.write_text(broken.read_text()[:-200])
    _start_over()
    SpacecraftStatus.objects.create(id=1, name="Kept")
    with pytest.raises(ImportFailed, match=r"out:pages/\d\d-spacecraft/000000100.json: not valid JSON"):
        import_paths([str(tmp_path / "out")])
    assert list(SpacecraftStatus.objects.values_list("name", flat=True)) == ["Kept"]
    assert not Agency.objects.exists()


def test_an_export_is_imported_on_its_own(catalog, tmp_path):
    export(str(tmp_path / "out"))
    with pytest.raises(ImportFailed, match="an export is imported on its own"):
        import_paths([str(tmp_path / "out"), str(tmp_path / "out")])
    (tmp_path / "not.tar.gz").write_bytes(b"not gzip")
    with pytest.raises(ImportFailed, match=r"not a readable \.tar\.gz"):
        import_paths([str(tmp_path / "not.tar.gz")])


def test_export_refuses_a_directory_that_holds_something(db, tmp_path):
    (tmp_path / "x.txt").write_text("mine")
    with pytest.raises(ExportFailed, match="not empty"):
        export(str(tmp_path))
    with pytest.raises(CommandError, match="not empty"):
        call_command("export", str(tmp_path), "-v0")
