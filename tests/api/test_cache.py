"""The response cache, the data version and conditional GET (ETag, Last-Modified, 304)."""

import uuid

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hangar.api.cache.responses import KEY_PREFIX
from hangar.catalog import versioning
from hangar.catalog.models import Spacecraft
from hangar.ingest.importing import import_paths
from tests.conftest import SEED_FILE

URL = "/2.3.0/spacecraft/"


def fetch(client, url=URL, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured.captured_queries)


def test_a_repeated_page_is_served_from_the_cache_with_one_query(client, seed):
    first, first_queries = fetch(client, f"{URL}?limit=5&ordering=-time_docked")
    second, second_queries = fetch(client, f"{URL}?limit=5&ordering=-time_docked")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert first_queries > 1
    assert second_queries == 1  # the data version
    for header in ("Content-Type", "Vary", "Allow", "ETag", "Last-Modified", "X-Frame-Options"):
        assert second[header] == first[header]


def test_an_import_retires_cached_pages(client, seed, seed_page, tmp_path):
    before = client.get(f"{URL}?name=Soyuz 18").json()["results"][0]
    seed_page["results"][0]["name"] = "Soyuz 18 (renamed)"
    changed = tmp_path / "page.json"
    changed.write_text(__import__("json").dumps(seed_page))
    import_paths([str(changed)])
    assert client.get(f"{URL}?name=Soyuz 18").json()["results"] == []
    after = client.get(f"{URL}?name=Soyuz 18 (renamed)").json()["results"][0]
    assert after["id"] == before["id"]


def test_an_orm_save_like_the_admins_retires_cached_pages(client, seed):
    assert client.get(f"{URL}188/").json()["name"] == "Soyuz 18"
    spacecraft = Spacecraft.objects.get(pk=188)
    spacecraft.name = "Edited in the admin"
    spacecraft.save()
    assert client.get(f"{URL}188/").json()["name"] == "Edited in the admin"
    spacecraft.delete()
    assert client.get(f"{URL}188/").status_code == 404


def test_a_rolled_back_write_leaves_the_version_alone(db):
    before = versioning.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        versioning.bump()
        raise RuntimeError
    assert versioning.current() == before
    with transaction.atomic():
        versioning.bump()
    assert versioning.current()[0] == before[0] + 1


def test_the_key_covers_query_format_and_host(client, seed):
    plain = client.get(f"{URL}?limit=1").json()["results"][0]["url"]
    as_json = client.get(f"{URL}?limit=1&format=json").json()["results"][0]["url"]
    other_host = client.get(f"{URL}?limit=1", HTTP_HOST="other.example").json()["results"][0]["url"]
    assert plain == "http://testserver/2.3.0/spacecraft/131/"
    assert as_json == "http://testserver/2.3.0/spacecraft/131/?format=json"
    assert other_host == "http://other.example/2.3.0/spacecraft/131/"
    assert client.get(f"{URL}?limit=2").json()["count"] == 10
    assert len(client.get(f"{URL}?limit=2").json()["results"]) == 2


def test_the_browsable_page_is_never_served_from_the_json_cache(client, seed):
    json_body = client.get(URL).content
    html = client.get(URL, HTTP_ACCEPT="text/html")
    assert html["Content-Type"].startswith("text/html")
    assert html.content != json_body
    assert client.get(URL).content == json_body


def test_errors_are_not_cached(client, seed):
    _, first = fetch(client, f"{URL}?limit=abc")
    response, second = fetch(client, f"{URL}?limit=abc")
    assert response.status_code == 400
    assert second == first


@pytest.mark.parametrize("cached", [False, True])
def test_etag_and_last_modified_give_304(client, seed, cached):
    if cached:
        client.get(URL)
    response = client.get(URL)
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(URL, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_write_changes_the_etag_and_ends_the_304s(client, seed):
    etag = client.get(f"{URL}188/")["ETag"]
    Spacecraft.objects.filter(pk=188).update(name="Renamed")  # a bulk write: bumps by hand
    versioning.bump()
    response = client.get(f"{URL}188/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag and response.json()["name"] == "Renamed"


@pytest.mark.parametrize("cached", [False, True])
def test_head_has_the_get_headers_and_no_body(client, seed, cached):
    get = client.get(URL)
    if not cached:
        cache.clear()
    head = client.head(URL)
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Length"] == str(len(get.content))
    assert head["ETag"] == get["ETag"] and head["Content-Type"] == get["Content-Type"]


def test_the_cache_works_on_redis(client, seed, redis_cache):
    server, prefix = redis_cache
    first, _ = fetch(client, f"{URL}?limit=3")
    stored = list(server.scan_iter(f"{prefix}:*{KEY_PREFIX}:*"))
    assert len(stored) == 1
    second, queries = fetch(client, f"{URL}?limit=3")
    assert second.content == first.content and queries == 1
    versioning.bump()
    third, queries = fetch(client, f"{URL}?limit=3")
    assert third.content == first.content and queries > 1
    assert len(list(server.scan_iter(f"{prefix}:*{KEY_PREFIX}:*"))) == 2


def test_the_seed_import_bumps_once_per_file(db):
    before = versioning.current()[0]
    import_paths([str(SEED_FILE)])
    assert versioning.current()[0] == before + 1


def test_counts_are_cached_per_filter_set_and_stay_exact(client, seed):
    assert client.get(f"{URL}?status=4&limit=1").json()["count"] == 9
    with CaptureQueriesContext(connection) as captured:
        body = client.get(f"{URL}?status=4&limit=2&offset=1&ordering=-id").json()
    assert body["count"] == 9
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    Spacecraft.objects.filter(pk=188).update(status_id=2)
    versioning.bump()
    assert client.get(f"{URL}?status=4&limit=1").json()["count"] == 8


def bounded_cache(max_bytes):
    from hangar.api.cache.locmem import LocMemCache

    return LocMemCache(f"test-{uuid.uuid4().hex}", {"OPTIONS": {"MAX_BYTES": max_bytes}})


def test_the_local_memory_cache_evicts_the_least_recently_used_past_its_byte_budget():
    store = bounded_cache(10_000)
    for name in "abc":
        store.set(name, b"x" * 2_000)
    assert store.get("a") is not None  # read: now the most recently used
    store.set("d", b"x" * 2_400)  # 4 pickled values of ~2 KB fit …
    assert all(store.has_key(name) for name in "abcd")  # has_key leaves the order alone
    store.set("e", b"x" * 2_400)  # … a fifth does not: "b" is the least recently used
    assert not store.has_key("b")
    assert all(store.has_key(name) for name in "acde")
    assert sum(map(len, store._cache.values())) <= 10_000


def test_the_local_memory_cache_skips_a_value_larger_than_a_quarter_of_its_budget():
    store = bounded_cache(10_000)
    store.set("small", b"x" * 100)
    store.set("page", b"old")
    store.set("page", b"x" * 2_600)  # over 2,500 bytes pickled: not stored, and the old value goes
    assert store.get("page") is None
    assert store.get("small") == b"x" * 100


def test_the_default_cache_is_bounded_by_hangar_cache_mb(monkeypatch):
    import importlib

    import hangar.settings

    monkeypatch.setenv("HANGAR_CACHE_MB", "12")
    monkeypatch.delenv("HANGAR_CACHE_URL", raising=False)
    try:
        fresh = importlib.reload(hangar.settings)
        assert fresh.CACHES["default"]["BACKEND"] == "hangar.api.cache.locmem.LocMemCache"
        assert fresh.CACHES["default"]["OPTIONS"]["MAX_BYTES"] == 12 * 1024 * 1024
        for bad in ("0", "-3", "lots", "1.5"):
            monkeypatch.setenv("HANGAR_CACHE_MB", bad)
            with pytest.raises(ImproperlyConfigured, match="HANGAR_CACHE_MB must be a whole number"):
                importlib.reload(hangar.settings)
    finally:
        monkeypatch.undo()
        importlib.reload(hangar.settings)
