"""The pages a person opens, in a real browser: headless Chromium (Debian's) over a real ``hangar serve``.

One server (the demo catalog on a throw-away SQLite file) and one browser for the module. Every page
fails its test on a console error, an uncaught exception, a failed or 4xx/5xx asset, or any request
to another host: Hangar's pages must work offline. Screenshots are taken of each page; with
``--update-screenshots`` they are written to ``docs/`` (the README shows ``docs/browsable-api.png``).
Skipped, with the reason, where Chromium or Playwright is missing.
"""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.server import free_port, get, hangar

CHROMIUM = os.environ.get("HANGAR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[2] / "docs"
# As this machine's Chromium must run: no sandbox as root, and no background traffic to Google.
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]  # fmt: skip
# Redoc always asks cdn.redoc.ly for its logo; the page's Content-Security-Policy refuses it (tested).
REFUSED_BY_POLICY = "https://cdn.redoc.ly/redoc/logo-mini.svg"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)
if not Path(CHROMIUM).exists():
    reason = f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set HANGAR_CHROMIUM)"
    if os.environ.get("CI"):  # .ci/run installs it: a CI run must not pass by skipping these
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("browser") / "hangar.sqlite3"
    port = free_port()
    process = hangar(
        "serve", "--port", str(port), "--workers", "1",
        database=database, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        get(f"{base}/2.3.0/", time.monotonic() + 90)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class Watched:
    """A page whose console errors, uncaught exceptions and bad or foreign requests are recorded."""

    def __init__(self, page, base: str):
        self.page, self.base, self.problems = page, base, []
        self.document_status = {}  # the status each navigated-to document answered with
        host = urlsplit(base).netloc
        page.route("**/*", lambda route: self._route(route, host))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _route(self, route, host):
        if urlsplit(route.request.url).netloc == host or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def _console(self, message):
        text = message.text
        document = any(status >= 400 for status in self.document_status.values())
        if message.type != "error":
            return
        if document and "Failed to load resource: the server responded with a status of 4" in text:
            return  # the error page's own status, asserted by its test
        if REFUSED_BY_POLICY in text and "Content Security Policy" in text:
            return
        self.problems.append(f"console: {text}")

    def _failed(self, request):
        if request.url == REFUSED_BY_POLICY:
            return
        self.problems.append(f"failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.request.resource_type == "document":
            self.document_status[response.url] = response.status
        elif response.status >= 400:
            self.problems.append(f"asset {response.status}: {response.url}")

    def open(self, path: str, status: int = 200):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response.status == status, f"{path}: {response.status}"
        return self.page

    def done(self, name: str, update: bool, tmp_path):
        self.page.wait_for_load_state("networkidle")
        target = (DOCS if update else tmp_path) / f"{name}.png"
        self.page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000, "a near-empty screenshot"
        assert self.problems == []


@pytest.fixture
def watched(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page(), server)
    context.close()


@pytest.fixture
def update(request):
    return request.config.getoption("--update-screenshots")


def test_list_page(watched, update, tmp_path):
    page = watched.open("/2.3.0/spacecraft/")
    assert page.title() == "Spacecraft List – Hangar"
    assert page.locator("h1").inner_text() == "Spacecraft List"
    assert '"count": 10' in page.locator(".response-info").inner_text()
    assert page.locator(".navbar-brand").get_attribute("href") == "/docs/"
    watched.done("browsable-api", update, tmp_path)


def test_detail_page(watched, update, tmp_path):
    page = watched.open("/2.3.0/spacecraft/188/")
    body = page.locator(".response-info").inner_text()
    assert '"name": "Soyuz 18"' in body and '"flights": [' in body  # detailed, the detail default
    watched.done("browsable-detail", update, tmp_path)


def test_filter_form_narrows_the_list(watched, update, tmp_path):
    page = watched.open("/2.3.0/spacecraft/")
    page.get_by_role("button", name="Filters").click()
    form = page.locator("#filtersModal form.form")
    form.wait_for(state="visible")
    form.locator("#id_in_space").fill("true")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()  # Bootstrap 3 leaves the modal aria-hidden
    assert "in_space=true" in page.url
    assert '"count": 1' in page.locator(".response-info").inner_text()
    watched.done("browsable-filtered", update, tmp_path)


def test_error_pages_say_what_is_wrong(watched, update, tmp_path):
    page = watched.open("/2.3.0/spacecraft/?in_space=maybe", status=400)
    text = page.locator(".response-info").inner_text()
    assert "HTTP 400 Bad Request" in text and "'maybe' is not a boolean" in text
    watched.done("browsable-error", update, tmp_path)
    page = watched.open("/2.3.0/spacecraft/999999/", status=404)
    assert "HTTP 404 Not Found" in page.locator(".response-info").inner_text()


def test_swagger_ui_runs_a_request(watched, update, tmp_path):
    page = watched.open("/2.3.0/swagger/")
    operation = page.locator("#operations-spacecraft-spacecraft_list")
    operation.wait_for()
    assert page.locator(".opblock").count() >= 10
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert "Soyuz 18" in operation.locator(".live-responses-table .microlight").first.inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    watched.done("swagger", update, tmp_path)


def test_redoc_renders_the_schema_offline(watched, update, tmp_path):
    page = watched.open("/2.3.0/redoc/")
    page.locator("h1", has_text="Launch Library 2 compatible API").wait_for()
    assert page.get_by_role("menuitem", name="spacecraft", exact=True).count() == 1
    watched.done("redoc", update, tmp_path)


def test_docs_landing_page_links_resolve(watched, update, tmp_path):
    page = watched.open("/docs/")
    links = page.locator("a").evaluate_all("links => links.map(a => a.href)")
    local = [link for link in links if link.startswith(watched.base)]
    assert len(local) > 10
    for link in local:
        assert page.request.get(link).status == 200, link
    watched.done("docs", update, tmp_path)
