"""A saved ``/dashboard/starship/`` object imports as its parts: road closures and notices (which no
other endpoint serves), the program's updates, launchers, spacecraft, launches and events."""

import datetime as dt
import json

import pytest

from hangar.catalog import stats
from hangar.catalog.models import STARSHIP_PROGRAM, Notice, RoadClosure, Update
from hangar.ingest.generate import generate
from hangar.ingest.importing import ImportFailed, import_paths
from tests.http import get

PATH = "/2.3.0/dashboard/starship/?format=json&limit=100"


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_a_saved_dashboard_puts_back_what_it_shows(db, client, tmp_path, mode):
    now = dt.datetime.now(dt.UTC)  # the dashboard's windows and open closures are the real clock's
    generate(40, seed=13, now=now)
    url = f"{PATH}&mode={mode}"
    before = get(client, url)
    assert before["road_closures"] and before["notices"] and before["updates"]
    (tmp_path / "dashboard.json").write_text(json.dumps(before))
    RoadClosure.objects.all().delete()
    Notice.objects.all().delete()
    Update.objects.filter(program=STARSHIP_PROGRAM).delete()
    assert get(client, url) != before

    import_paths([str(tmp_path / "dashboard.json")])
    stats.recompute(now=now)  # ongoing flights' values as generated, not as of the import's clock
    assert get(client, url) == before


def test_a_malformed_part_is_one_line_naming_it(db, tmp_path):
    body = {k: [] for k in ("updates", "live_streams", "road_closures", "notices", "vehicles", "orbiters")}
    body.update(upcoming={"launches": [], "events": []}, previous=[], response_mode="list")
    path = tmp_path / "dashboard.json"
    path.write_text(json.dumps(body))
    with pytest.raises(ImportFailed, match=r"\$\.previous: expected an object, got list"):
        import_paths([str(path)])
    body["previous"] = {"launches": [], "events": []}
    body["notices"] = [
        {"id": 1, "type": {"id": 1, "name": "Maritime Hazard Area"}, "url": "https://x.invalid/"}
    ]
    path.write_text(json.dumps(body))
    with pytest.raises(ImportFailed, match=r"\$\.notices\[0\]: missing required key 'date'"):
        import_paths([str(path)])
    assert not Notice.objects.exists()
