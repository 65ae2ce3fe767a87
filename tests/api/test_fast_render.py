"""The fast render path answers with exactly DRF's bytes for every query feature, on a generated catalog."""

import pytest
from django.core.cache import cache

from hangar.api import rendering
from hangar.catalog.models import Spacecraft
from hangar.ingest.generate import generate

URL = "/2.3.0/spacecraft/"

LIST_QUERIES = [
    "",
    "limit=100",
    "limit=7&offset=13",
    "offset=290",
    "offset=100000",
    "in_space=true&limit=100",
    "in_space=false&is_placeholder=false&limit=50",
    "is_placeholder=true",
    "status=4&limit=100",
    "spacecraft_config=3",
    "status=2&spacecraft_config=3",
    "search=soyuz&limit=100",
    "search=прогресс",
    "search=神舟 1",
    "search=dragon,2",
    "search=nothing-matches-this",
    *(f"ordering={o}&limit=30" for o in ("id", "-id", "flights_count", "-flights_count")),
    *(f"ordering={o}&limit=30" for o in ("mission_ends_count", "-mission_ends_count", "time_docked")),
    *(f"ordering={o}&limit=30" for o in ("-time_docked", "time_in_space", "-time_in_space")),
    "ordering=flights_count,-time_docked&limit=100&offset=40",
    "ordering=-time_in_space&in_space=false&search=o&limit=30&offset=10",
    "mode=normal&limit=3",
    "unknown=parameter",
    "limit=abc",
    "mode=detailed",
]


@pytest.fixture
def catalog(db):
    generate(300, seed=11)
    # Every spacecraft's name, so exact-name and detail queries cover the awkward ones too.
    special = Spacecraft.objects.filter(description__contains="\u2028").values_list("id", "name")[0]
    return special


def compare(client, url):
    """GET ``url`` through the fast path and through DRF's; return both responses."""
    cache.clear()
    fast = client.get(url)
    registry = dict(rendering._REGISTRY)
    rendering._REGISTRY.clear()
    try:
        cache.clear()
        slow = client.get(url)
    finally:
        rendering._REGISTRY.update(registry)
    assert fast.status_code == slow.status_code, url
    assert fast.content == slow.content, url
    for header in ("Content-Type", "Allow", "Vary", "ETag"):
        assert fast.get(header) == slow.get(header), (url, header)
    if slow.status_code == 200:
        assert not isinstance(slow.data, rendering.PreRendered)
    return fast, slow


def fast_path_expected(query: str, default_mode: str) -> bool:
    """Whether a renderer is registered for the mode this query asks for (others take DRF's path)."""
    from urllib.parse import parse_qs

    from hangar.api.views.spacecraft import SpacecraftViewSet

    mode = (parse_qs(query.split("?")[-1]).get("mode") or [default_mode])[0]
    return rendering.renderer_for(SpacecraftViewSet, mode) is not None


@pytest.fixture(params=[False, True], ids=["request-host", "public-url"])
def origin(request, settings):
    if request.param:
        settings.PUBLIC_URL = "https://ll.example.org"


@pytest.mark.parametrize("fmt", ["", "format=json&"])
def test_list_pages_are_byte_identical(client, catalog, origin, fmt):
    _, special_name = catalog
    for query in [*LIST_QUERIES, f"name={special_name}"]:
        fast, _ = compare(client, f"{URL}?{fmt}{query}")
        if fast.status_code == 200 and fast_path_expected(query, "normal"):
            assert isinstance(fast.data, rendering.PreRendered), query
    assert b"\\u2028" in compare(client, f"{URL}?{fmt}limit=100&ordering=id&offset=0")[0].content


@pytest.mark.parametrize("fmt", ["", "format=json&"])
def test_detail_is_byte_identical(client, catalog, origin, fmt):
    special_id, _ = catalog
    for query in (f"{special_id}/?{fmt}", f"1/?{fmt}mode=normal", f"2/?{fmt}in_space=true", f"99999/?{fmt}"):
        fast, _ = compare(client, f"{URL}{query}")
        if fast.status_code == 200 and fast_path_expected(query, "detailed"):
            assert isinstance(fast.data, rendering.PreRendered), query


def test_the_browsable_api_keeps_the_drf_path(client, catalog):
    response = client.get(f"{URL}?format=api")
    assert response.status_code == 200
    assert not isinstance(response.data, rendering.PreRendered)


def test_fragments_follow_the_data(client, catalog):
    config = Spacecraft.objects.get(pk=1).spacecraft_config
    before = client.get(f"{URL}1/").json()["spacecraft_config"]["name"]
    config.name = "[SYNTHETIC] Renamed configuration"
    config.save()
    after = client.get(f"{URL}1/").json()["spacecraft_config"]["name"]
    assert (before, after) != (after, after) and after == "[SYNTHETIC] Renamed configuration"


def test_a_shape_the_renderer_cannot_read_fails_at_registration(db):
    from django.core.exceptions import ImproperlyConfigured

    from hangar.api.serializers.agency import AgencyNormalSerializer
    from hangar.api.views.agency import AgencyViewSet

    # Nothing nested is declared, and AgencyNormal reads parent.name through a dotted source.
    with pytest.raises(ImproperlyConfigured, match="AgencyNormalSerializer"):
        rendering.register(AgencyViewSet, "normal", rendering.RowRenderer(AgencyNormalSerializer))
    assert rendering.renderer_for(AgencyViewSet, "normal") is None


@pytest.mark.parametrize(
    "value",
    [
        "x\u2028y\u2029z",
        "\u2028",
        "\u2029\u2029",
        "en – em — ellipsis …",  # E2 80 93, E2 80 94, E2 80 A6: near misses
        "\u2028\u2030\u20a8",
        "\xe2\x80\xa8 as Latin-1 text",
        {"nested": ["\u2029", "é", "神舟"]},
    ],
)
def test_dumps_escapes_line_separators_as_drf_does(value):
    from rest_framework.renderers import JSONRenderer as DRFJSONRenderer

    from hangar.api.renderers import dumps

    assert dumps(value) == DRFJSONRenderer().render(value)


# Filter values as clients send them, good and bad: the fast path validates them without
# django-filter's form (api.filters.read_filters) and binds them into SQL compiled once per shape
# (api.listing), so each must give DRF's answer, 400 messages included.
FILTER_QUERIES = [
    "in_space=TRUE&limit=100",
    "in_space=1&is_placeholder=0&limit=100",
    "in_space=%20false%20&limit=100",
    "in_space=maybe",
    "in_space=",
    "status=4&status=2&limit=100",
    "status=%204%20&limit=100",
    "status=4.0&limit=100",
    "status=%2B4&limit=100",
    "status=%D9%A4&limit=100",
    "status=1_0",
    "status=-1",
    "status=99999999999999999999",
    "status=3000000000",  # a valid id beyond PostgreSQL's integer columns
    "spacecraft_config=9223372036854775807&in_space=true",
    "status=abc&in_space=maybe&spacecraft_config=x",
    "status=&name=&spacecraft_config=&limit=5",
    "spacecraft_config=3&status=2&in_space=true&is_placeholder=false&limit=100",
    "spacecraft_config=3&ordering=-time_in_space&limit=100",
    "status=2&ordering=unknown,-flights_count&offset=3",
    "ordering=time_docked,-time_docked,id&limit=100&offset=50",
    "ordering=-id&limit=100&offset=250",
    "status=4&offset=1000",
    "status=2&limit=1&offset=0",
    "limit=0",
    "offset=-1",
    "status=4&search=o&ordering=-flights_count&limit=100",
]


def test_filters_and_orderings_give_drfs_answers(client, catalog):
    from hangar.api import listing

    _, special_name = catalog
    queries = [*FILTER_QUERIES, f"name={special_name}", "name=%20" + special_name.replace(" ", "%20")]
    for query in queries:
        fast, _ = compare(client, f"{URL}?{query}")
        if fast.status_code == 200:
            assert isinstance(fast.data, rendering.PreRendered), query
    assert listing._SHAPES and [key for key, shape in listing._SHAPES.items() if shape is False] == []


@pytest.mark.parametrize("name", ["in_space", "is_placeholder", "name", "spacecraft_config", "status"])
@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        "true",
        "False",
        "1",
        "0",
        "yes",
        "4",
        " 4 ",
        "4.0",
        "4.5",
        "+4",
        "-4",
        "٤",
        "1_0",
        "x",
        "\u00a0",
    ],
)
def test_read_filters_is_django_filters_form(name, raw):
    from django.http import QueryDict
    from rest_framework.exceptions import ValidationError

    from hangar.api.filters import SpacecraftFilterSet, read_filters

    data = QueryDict(mutable=True)
    data[name] = raw
    filterset = SpacecraftFilterSet(data=data, queryset=Spacecraft.objects.none())
    if filterset.is_valid():
        expected = {k: v for k, v in filterset.form.cleaned_data.items() if v not in ([], (), {}, "", None)}
        assert read_filters(SpacecraftFilterSet, data) == expected
    else:
        from django_filters.utils import translate_validation

        with pytest.raises(ValidationError) as raised:
            read_filters(SpacecraftFilterSet, data)
        assert raised.value.detail == translate_validation(filterset.errors).detail
