"""The README stays true: every ``curl "$H/…"`` example answers with data on the demo catalog (as a curl
with the default ``Accept: */*`` would), and its endpoint table is the one ``tools/endpoint_table.py``
writes from the router."""

import re
from pathlib import Path

import pytest

from hangar.ingest.importing import import_demo
from tests.shared import shared_data
from tools import endpoint_table

README = Path(__file__).resolve().parent.parent / "README.md"
# `$H` is http://127.0.0.1:8000/2.3.0 in the README. An example whose comment says "→ 400" shows an
# error on purpose: it must answer exactly that, with a body naming what is wrong.
EXAMPLE = re.compile(r'curl (?:-\S+ )*"\$H(/[^"]*)"([^\n]*)')
EXPECTED = re.compile(r"→ (\d{3})")


def examples() -> list[tuple[str, int]]:
    found = []
    for path, comment in EXAMPLE.findall(README.read_text()):
        expected = EXPECTED.search(comment)
        found.append(("/2.3.0" + path, int(expected.group(1)) if expected else 200))
    assert len(found) > 30, "the README's examples were not found: has their form changed?"
    return found


demo = shared_data(lambda: import_demo())


def _has_data(body) -> bool:
    if isinstance(body, dict) and "results" in body:
        return bool(body["results"])
    return bool(body)


@pytest.mark.parametrize(("url", "status"), examples())
def test_every_example_answers_with_data_on_the_demo_catalog(db, client, demo, url, status):
    response = client.get(url, HTTP_ACCEPT="*/*")  # what curl sends
    assert response.status_code == status, f"{url}: {response.status_code}"
    if status != 200:
        assert response.json(), f"{url}: an error without a message"
    elif response["Content-Type"].startswith("application/json"):
        assert _has_data(response.json()), f"{url} answers with no data on the demo catalog"
    else:
        assert response.content.strip()


def test_no_two_demo_agencies_share_a_name(db, client, demo):
    names = [a["name"] for a in client.get("/2.3.0/agencies/?mode=list&limit=100").json()["results"]]
    assert len(names) == len(set(names)), sorted(names)


def test_the_endpoint_table_is_the_generated_one():
    text = README.read_text()
    assert endpoint_table.current(text) == endpoint_table.table(), (
        "README.md's endpoint table is out of date: run .venv/bin/python tools/endpoint_table.py --write"
    )
