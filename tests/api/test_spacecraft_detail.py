"""GET /2.3.0/spacecraft/{id}/."""

import pytest

from tests.openapi import errors


def test_detail_in_normal_mode_matches_the_list_entry(client, seed, public_url):
    listed = client.get("/2.3.0/spacecraft/?format=json&name=Dragon C110").json()["results"][0]
    detail = client.get("/2.3.0/spacecraft/219/?format=json&mode=normal").json()
    assert detail == listed
    assert errors("SpacecraftNormal", detail) == []


@pytest.mark.parametrize("path", ["/2.3.0/spacecraft/1/", "/2.3.0/spacecraft/99999999999999999999999/"])
def test_unknown_id_is_a_json_404(client, seed, path):
    response = client.get(path)
    assert response.status_code == 404
    assert list(response.json()) == ["detail"]


def test_bad_mode_on_detail_is_a_400(client, seed):
    response = client.get("/2.3.0/spacecraft/219/?mode=compact")
    assert response.status_code == 400
    assert list(response.json()) == ["mode"]
