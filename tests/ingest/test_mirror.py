"""``hangar mirror``: endpoints from the router, the budget, retries, and convergence against a second
Hangar on loopback behind a fault-injecting proxy (429 with Retry-After, 500s, stalls, cut connections,
truncated JSON)."""

import datetime as dt
import json
import random
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hangar.catalog import versioning
from hangar.catalog.models import Agency, Launch, Spacecraft, SpacecraftStatus, Update
from hangar.ingest import mirror
from hangar.ingest.endpoints import mirror_endpoints, select
from hangar.ingest.models import MirrorRequest, MirrorState
from hangar.ingest.remote import Budget, RemoteError, Source, Window
from hangar.ingest.resources import ENDPOINTS as IMPORTABLE
from tests.endpoints import ENDPOINTS
from tests.ingest import live
from tests.ingest.clock import freeze_stats_clock
from tests.server import free_port, get

CLOCK = dt.datetime.fromisoformat(live.GENERATED_AT)

# --- which endpoints, in which mode ---------------------------------------------------------------------


def test_every_list_route_is_mirrored_lookups_first_in_the_richest_mode():
    mirrored = [e.prefix for e in mirror_endpoints()]
    importable = {e.prefix for e in ENDPOINTS if e.lists} & set(IMPORTABLE)
    assert sorted(mirrored) == sorted(importable)
    # The launch windows are parts of /launches/; /updates/ is read too (programs. updates are nowhere else).
    assert {"launches/upcoming", "launches/previous"}.isdisjoint(mirrored)
    assert {"launches", "updates", "mission_patches"} <= set(mirrored)
    lookups = [e.lookup for e in mirror_endpoints()]
    assert lookups == sorted(lookups, reverse=True)  # lookups first: other objects name them
    modes = {e.prefix: e.mode for e in mirror_endpoints()}
    assert modes["spacecraft"] == "detailed" and modes["agencies"] == "detailed"
    assert modes["config/spacecraft_statuses"] is None


def test_endpoints_can_be_chosen_and_unknown_ones_are_named():
    assert [e.prefix for e in select(["spacecraft/", "agencies"])] == ["agencies", "spacecraft"]
    with pytest.raises(ValueError, match="unknown endpoint\\(s\\) rockets"):
        select(["rockets"])


# --- the budget -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "requests", "seconds"),
    [("15/hour", 15, 3600), ("300/day", 300, 86400), ("60/10minutes", 60, 600), ("5 / second", 5, 1)],
)
def test_budgets_parse(text, requests, seconds):
    assert Budget.parse(text) == Budget(requests, seconds)


@pytest.mark.parametrize("text", ["15", "fifteen/hour", "0/hour", "15/fortnight", ""])
def test_bad_budgets_are_refused_with_the_accepted_form(text):
    with pytest.raises(ValueError, match="REQUESTS/PERIOD"):
        Budget.parse(text)


class FakeClock:
    def __init__(self):
        self.now = CLOCK
        self.slept = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept += seconds
        self.now += dt.timedelta(seconds=seconds)


def test_the_window_is_never_exceeded_and_holds_across_runs(db):
    clock = FakeClock()
    budget = Budget(3, 60)
    sent = []
    for run in range(3):  # a new Window per run, as a restarted `hangar mirror` makes: the log is shared
        window = Window("http://src", budget, clock=clock, sleep=clock.sleep)
        for _ in range(3 if run < 2 else 4):
            window.take()
            sent.append(clock.now)
            clock.now += dt.timedelta(seconds=1)
    for i, at in enumerate(sent):
        in_window = [t for t in sent[: i + 1] if at - t < dt.timedelta(seconds=60)]
        assert len(in_window) <= 3
    assert clock.slept >= 3 * 57  # three waits for a window (and its margin) to open


def _stub(handler):
    return httpx.MockTransport(handler)


def test_the_budget_is_read_from_api_throttle_and_what_is_used_counts(db):
    sample = {
        "your_request_limit": 15,
        "limit_frequency_secs": 3600,
        "current_use": 4,
        "next_use_secs": 0,
        "ident": "[ipv4 or api key identifier]",
    }  # upstream's answer (an object, where the official file says an array)
    source = Source("https://ll.example", transport=_stub(lambda request: httpx.Response(200, json=sample)))
    assert source.discover_budget(Budget(1, 1)) == (Budget(15, 3600), "/api-throttle/")
    assert MirrorRequest.objects.filter(source="https://ll.example").count() == 4
    listed = Source("https://b.example", transport=_stub(lambda request: httpx.Response(200, json=[sample])))
    assert listed.discover_budget(Budget(1, 1))[0] == Budget(15, 3600)  # the official file's array
    unlimited = {**sample, "your_request_limit": 0, "limit_frequency_secs": 0, "current_use": 0}
    hangar = Source("https://d.example", transport=_stub(lambda request: httpx.Response(200, json=unlimited)))
    budget, how = hangar.discover_budget(Budget(1, 1))
    assert budget.unlimited and str(budget) == "unlimited" and how == "/api-throttle/"
    assert hangar.window.wait() == 0.0
    missing = Source("https://c.example", transport=_stub(lambda request: httpx.Response(404, json={})))
    assert missing.discover_budget(Budget(7, 60)) == (Budget(7, 60), "given")


def test_the_api_key_is_sent_as_a_token(db):
    seen = []

    def answer(request):
        seen.append(request.headers.get("Authorization"))
        return httpx.Response(200, json={"count": 0, "next": None, "previous": None, "results": []})

    Source("https://ll.example", api_key="abc123", transport=_stub(answer)).get("/2.3.0/agencies/", {})
    assert seen == ["Token abc123"]


def test_429_waits_what_retry_after_says_then_retries(db):
    answers = [httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(200, json={"ok": 1})]
    source = Source("https://ll.example", transport=_stub(lambda request: answers.pop(0)), wait_jitter=0)
    started = time.monotonic()
    assert source.get("/2.3.0/agencies/", {}) == {"ok": 1}
    assert time.monotonic() - started >= 1.0
    assert source.sent == 2


def test_failures_are_retried_then_reported_in_one_line(db):
    calls = []

    def answer(request):
        calls.append(1)
        return httpx.Response(500, text="boom") if len(calls) % 2 else httpx.Response(200, text='{"cou')

    source = Source(
        "https://ll.example", transport=_stub(answer), attempts=4, wait_initial=0.01, wait_jitter=0
    )
    with pytest.raises(RemoteError, match="agencies/: the body is not complete JSON \\(after 4 attempts\\)"):
        source.get("/2.3.0/agencies/", {})
    assert len(calls) == 4


def test_a_client_error_is_not_retried(db):
    calls = []

    def answer(request):
        calls.append(1)
        return httpx.Response(404, json={"detail": "Not found."})

    with pytest.raises(RemoteError, match="HTTP 404"):
        Source("https://ll.example", transport=_stub(answer)).get("/2.3.0/nothing/", {})
    assert len(calls) == 1


def test_the_incremental_cursor_skips_what_it_read_at_the_same_instant():
    page = [{"last_updated": "2025-01-01T00:00:00Z"}, {"last_updated": "2025-01-02T00:00:00Z"}] + [
        {"last_updated": "2025-01-03T00:00:00Z"}
    ] * 2
    assert mirror.next_cursor("", 0, page) == ("2025-01-03T00:00:00Z", 2)
    same = [{"last_updated": "2025-01-03T00:00:00Z"}] * 3
    assert mirror.next_cursor("2025-01-03T00:00:00Z", 2, same) == ("2025-01-03T00:00:00Z", 5)


def test_the_command_refuses_bad_arguments_in_one_line(db):
    with pytest.raises(CommandError, match="--budget: 'many' is not a budget"):
        call_command("mirror", "http://x", "--budget", "many")
    with pytest.raises(CommandError, match="is not a base URL"):
        call_command("mirror", "ll.thespacedevs.com")
    with pytest.raises(CommandError, match="--endpoints: unknown endpoint"):
        call_command("mirror", "http://x", "--endpoints", "nope")


# --- against a second Hangar, through faults ------------------------------------------------------------


@pytest.fixture(scope="module")
def source_server(tmp_path_factory):
    server = live.SourceServer(tmp_path_factory.mktemp("source") / "source.sqlite3")
    server.generate(250, seed=11)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def same_clock(monkeypatch, settings):
    """Derived values of flights still in space count up to a clock: the source's catalog was computed
    at CLOCK, so the mirror recomputes at it too. Absolute URLs as the source writes them."""
    freeze_stats_clock(CLOCK, monkeypatch.setattr)
    settings.PUBLIC_URL = live.PUBLIC_URL


def _converge(base: str, refresh=None, endpoints=None) -> tuple[Source, mirror.RunSummary]:
    source = Source(base, timeout=4, attempts=10, wait_initial=0.01, wait_max=0.2, wait_jitter=0)
    source.use_budget(Budget(10000, 60))
    try:
        return source, mirror.run(source, endpoints or mirror_endpoints(), refresh=refresh)
    finally:
        source.close()


# Detail pages read per endpoint x mode once a full comparison has shown a mirror equal to its source:
# every list page in every mode still compares every object; the detail views of the first few follow
# (the source's changes rename the first spacecraft and agency).
AFTER_CHANGES = 5


def _assert_same(base: str, details: int = 25):
    differing = live.differences(base, details)
    if differing:
        url = differing[0]
        mine, theirs = live.local_pages([url])[url], live.remote_pages(base, [url])[url]
        detail = live.first_difference(mine, theirs)
        raise AssertionError(f"{len(differing)} pages differ, e.g. {differing[:3]}; {url}:\n{detail}")


def test_a_mirror_through_faults_equals_its_source_and_follows_its_changes(db, source_server, same_clock):
    faults = live.Faults(every=2, stall_seconds=6)
    proxy = live.Proxy(source_server.url, faults)
    try:
        _, summary = _converge(proxy.url)
        assert {kind for kind, _ in faults.log} >= {"429", "500", "stall", "cut", "truncated"}
        assert sorted(summary.completed) == sorted(e.prefix for e in mirror_endpoints())
        _assert_same(source_server.url)

        # Before the refresh intervals only the incremental reads are due: one page each, changing nothing.
        faults.every = 0  # count requests that succeed
        incremental = [e.prefix for e in mirror_endpoints() if e.incremental]
        assert "launches" in incremental
        version, before = versioning.current(), proxy.requests()
        _converge(proxy.url)
        assert proxy.requests() - before == len(incremental)
        assert versioning.current() == version

        # A launch changed at the source since is picked up by the last_updated__gte cursor alone.
        touched = source_server.touch_launch()
        before = proxy.requests()
        _converge(proxy.url)
        assert proxy.requests() - before == len(incremental)
        assert Launch.objects.get(id=touched).name.endswith(" (changed)")
        assert Update.objects.get(launch_id=touched, comment="Changed at the source.")
        _assert_same(source_server.url, AFTER_CHANGES)

        source_server.change()
        announced = mirror.plan(proxy.url, mirror_endpoints(), Budget(10000, 60), "given", dt.timedelta(0))
        faults.every = 0  # the plan counts requests that succeed
        before = proxy.requests()
        _, summary = _converge(proxy.url, refresh=dt.timedelta(0))
        assert proxy.requests() - before <= announced.requests
        assert summary.removed.get("spacecraft") == 1
        assert Agency.objects.order_by("id").first().name.endswith("(renamed)")
        _assert_same(source_server.url, AFTER_CHANGES)
    finally:
        proxy.close()


def test_a_run_stopped_part_way_continues_with_a_page_of_overlap(db, source_server, same_clock):
    source = Source(source_server.url, wait_initial=0.01)
    source.use_budget(Budget(10000, 60))
    mirror.run(source, select(["spacecraft"]), max_requests=2)  # stopped after two pages
    state = MirrorState.objects.get(source=source_server.url, endpoint="spacecraft")
    assert state.phase == "full" and state.offset == 200
    plan = mirror.plan(source_server.url, select(["spacecraft"]), Budget(15, 3600), "given")
    assert plan.endpoints[0].resume_offset == 100
    assert "continuing at offset 100" in plan.lines()[1]
    mirror.run(source, mirror_endpoints())
    source.close()
    assert not MirrorState.objects.exclude(phase="").exists()
    assert Spacecraft.objects.count() == live.count(source_server.url, "spacecraft")
    _assert_same(source_server.url, AFTER_CHANGES)


def test_a_complete_pass_removes_what_the_source_no_longer_has(db, source_server, same_clock):
    statuses = select(["config/spacecraft_statuses"])  # removal is per endpoint, after its complete pass
    _converge(source_server.url, endpoints=statuses)
    SpacecraftStatus.objects.create(id=999, name="Only here")  # as if removed at the source since
    _, summary = _converge(source_server.url, refresh=dt.timedelta(0), endpoints=statuses)
    assert not SpacecraftStatus.objects.filter(id=999).exists()
    assert summary.removed == {"config/spacecraft_statuses": 1}
    assert SpacecraftStatus.objects.count() == live.count(source_server.url, "config/spacecraft_statuses")


def test_a_mirror_process_killed_at_random_points_converges(tmp_path, source_server):
    database = tmp_path / "mirror.sqlite3"
    assert live.hangar_process(database, "migrate", "-v0").wait(timeout=120) == 0
    args = ("mirror", source_server.url, "--budget", "10000/minute", "-v0")
    rng = random.Random(3)
    for _ in range(3):
        run = live.hangar_process(database, *args, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(1.0, 4.0))
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=30)
    final = live.hangar_process(database, *args, stderr=subprocess.PIPE)
    assert final.wait(timeout=300) == 0, final.stderr.read()
    # Ongoing flights count up to the clock: the source's catalog was computed at GENERATED_AT.
    clock = live.hangar_process(database, "recompute", "--now", live.GENERATED_AT, "-v0")
    assert clock.wait(timeout=120) == 0
    mirrored = live.SourceServer(database).start()
    try:
        urls = []
        for endpoint in ENDPOINTS:
            if endpoint.lists:
                n = live.count(source_server.url, endpoint.prefix)
                for mode in endpoint.modes:
                    urls += [
                        endpoint.url(mode=mode, fmt="json", limit=100, offset=o)
                        for o in range(0, n or 1, 100)
                    ]
        theirs = live.remote_pages(source_server.url, urls)
        mine = live.remote_pages(mirrored.url, urls)
        assert [u for u in urls if mine[u] != theirs[u]] == []
        assert json.loads(mine[urls[0]])["count"] > 0
    finally:
        mirrored.stop()


def test_the_budget_a_throttled_hangar_states_is_never_exceeded(db, tmp_path, same_clock):
    """Against Hangar's own throttle (HANGAR_THROTTLE_ANON): the budget read from its /api-throttle/
    spaces the requests so that none is refused with a 429 (each would have been retried, and counted)."""
    server = live.SourceServer(tmp_path / "throttled.sqlite3", env={"HANGAR_THROTTLE_ANON": "3/second"})
    server.generate(20, seed=2)
    server.start()
    try:
        source = Source(server.url, wait_initial=0.01, wait_jitter=0)
        budget, how = source.discover_budget(Budget(10000, 1))
        assert (budget, how) == (Budget(3, 1), "/api-throttle/")
        summary = mirror.run(source, mirror_endpoints())
        source.close()
    finally:
        server.stop()
    assert summary.pages > 3  # the window had to wait at least once
    assert source.sent == summary.pages  # no request was refused and retried
    assert sorted(summary.completed) == sorted(e.prefix for e in mirror_endpoints())


def _mirror_children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"mirror" in argv and str(parent).encode() in argv:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the mirror's process in /proc")
def test_serve_with_a_mirror_fills_the_catalog_while_serving_and_stops_with_it(tmp_path, source_server):
    database = tmp_path / "served.sqlite3"
    port = free_port()
    server = live.hangar_process(
        database, "serve", "--port", str(port), "--workers", "1", "--no-demo",
        "--mirror", source_server.url, "--mirror-budget", "10000/minute",
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wanted = live.count(source_server.url, "spacecraft")
        deadline = time.monotonic() + 240
        while True:
            page = json.loads(get(f"http://127.0.0.1:{port}/2.3.0/spacecraft/?limit=1", deadline))
            if page["count"] == wanted:
                break
            assert time.monotonic() < deadline, f"{page['count']} of {wanted} spacecraft mirrored"
            time.sleep(1)
        assert _mirror_children(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    deadline = time.monotonic() + 30
    while _mirror_children(server.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _mirror_children(server.pid)
