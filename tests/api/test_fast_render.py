"""The fast render path answers with exactly DRF's bytes for every query feature, on a generated catalog."""

import pytest
from django.core.cache import cache

from hangar.api.fast import encoder as fast_encoder
from hangar.api.fast import fragments, page_ids
from hangar.api.fast.encoder import encoder_for
from hangar.api.renderers import PreRendered
from hangar.catalog.models import Spacecraft
from tests.parity import compare

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
    "mode=detailed&limit=100",
    "mode=detailed&limit=100&offset=150&ordering=-flights_count",
    "mode=detailed&in_space=true&search=o&limit=40",
    "mode=detailed&status=2&ordering=time_docked&limit=25",
]


@pytest.fixture
def catalog(db, generated_catalog):
    # Every spacecraft's name, so exact-name and detail queries cover the awkward ones too.
    special = Spacecraft.objects.filter(description__contains="\u2028").values_list("id", "name")[0]
    return special


def fast_path_expected(query: str, default_mode: str) -> bool:
    """Whether the mode this query asks for has a row encoder (others take DRF's path)."""
    from urllib.parse import parse_qs

    from hangar.api.views.spacecraft import SpacecraftViewSet

    mode = (parse_qs(query.split("?")[-1]).get("mode") or [default_mode])[0]
    return encoder_for(SpacecraftViewSet.modes[mode]) is not None


@pytest.mark.parametrize(
    ("fmt", "public_url"), [("", ""), ("format=json&", "https://ll.example.org")], ids=["host", "public-url"]
)
def test_list_pages_are_byte_identical(client, catalog, settings, fmt, public_url):
    settings.PUBLIC_URL = public_url
    _, special_name = catalog
    for query in [*LIST_QUERIES, f"name={special_name}"]:
        fast, _ = compare(client, f"{URL}?{fmt}{query}")
        if fast.status_code == 200 and fast_path_expected(query, "normal"):
            assert isinstance(fast.data, PreRendered), query
    assert b"\\u2028" in compare(client, f"{URL}?{fmt}limit=100&ordering=id&offset=0")[0].content


def test_the_browsable_api_keeps_the_drf_path(client, catalog):
    response = client.get(f"{URL}?format=api")
    assert response.status_code == 200
    assert not isinstance(response.data, PreRendered)


def test_fragments_follow_the_data(client, catalog):
    config = Spacecraft.objects.get(pk=1).spacecraft_config
    before = client.get(f"{URL}1/").json()["spacecraft_config"]["name"]
    config.name = "[SYNTHETIC] Renamed configuration"
    config.save()
    after = client.get(f"{URL}1/").json()["spacecraft_config"]["name"]
    assert (before, after) != (after, after) and after == "[SYNTHETIC] Renamed configuration"


def stores():
    return [store for source in fragments.SOURCES for store in source._fragments.values()]


def test_fragment_stores_empty_themselves_past_their_byte_budget(client, catalog, monkeypatch):
    monkeypatch.setattr(fragments, "MAX_FRAGMENT_BYTES", 20_000)
    pages = [f"{URL}?mode=detailed&limit=10&offset={offset}" for offset in range(0, 120, 10)]
    expected = [compare(client, page)[0].content for page in pages]
    largest = 0
    for page, body in zip(pages, expected, strict=True):
        cache.clear()
        assert client.get(page).content == body  # rendered again from stores that keep emptying
        largest = max(largest, *(store.nbytes for store in stores()))
    # A store is emptied before a request once over budget, so it holds at most one request beyond it.
    assert 20_000 < largest < 20_000 + max(len(body) for body in expected)


def test_compiled_queries_are_kept_per_padded_size_not_per_number_of_ids(client, catalog):
    for limit in range(1, 41):
        fragments.forget_fragments()  # every nested object missing: id lists of every length
        assert client.get(f"{URL}?mode=detailed&limit={limit}&offset={limit * 2}").status_code == 200
    sizes = {key[2] for source in fragments.SOURCES for key in getattr(source, "_sql", ())}
    assert {1, 2, 4, 8, 16, 32} <= sizes <= {2**k for k in range(11)}


def test_kept_fragments_take_the_memory_of_their_json(db):
    import tracemalloc

    import orjson

    item = {f"key {i}": "value " * 5 for i in range(60)}
    size = len(orjson.dumps(item))
    store = fragments.Store()
    tracemalloc.start()
    try:
        for pk in range(500):
            store.keep(("field", pk), orjson.dumps(item))
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert store.nbytes == 500 * size
    assert held < 1.5 * store.nbytes  # orjson's own buffers are 4-32 KB each for this 2.4 KB


def test_a_serializer_without_columns_for_every_field_takes_drfs_path(client, catalog):
    from rest_framework import serializers

    from hangar.api.serializers.agency import AgencyNormalSerializer
    from hangar.api.views.agency import AgencyViewSet

    class Computed(AgencyNormalSerializer):
        shout = serializers.SerializerMethodField()

        class Meta(AgencyNormalSerializer.Meta):
            fields = (*AgencyNormalSerializer.Meta.fields, "shout")

        def get_shout(self, agency):
            return agency.name.upper()

    assert encoder_for(Computed) is None
    assert "Computed.shout" in fast_encoder.why_not_encodable(Computed)
    # Nested in an encodable serializer, it is written by DRF and kept as a fragment like any other.
    assert isinstance(fast_encoder.source_for(Computed), fragments.DRFFragments)
    assert encoder_for(AgencyViewSet.modes["normal"]) is not None


@pytest.fixture
def linked_launch(catalog):
    """A flown spacecraft whose launch has what generated launches leave empty: links, programs, agencies.

    Each list is created out of its display order, so a renderer that ignored the order DRF reads
    them in would differ.
    """
    import datetime as dt

    from hangar.catalog.models import (
        Agency,
        Image,
        InfoURL,
        InfoURLType,
        Language,
        MissionPatch,
        Program,
        ProgramType,
        SocialMedia,
        SocialMediaLink,
        SpacecraftFlight,
        VidURL,
        VidURLType,
    )

    flight = SpacecraftFlight.objects.select_related("launch__mission").order_by("id").first()
    mission = flight.launch.mission
    english, _ = Language.objects.get_or_create(id=900001, defaults={"name": "English", "code": "en"})
    page, _ = InfoURLType.objects.get_or_create(id=900001, defaults={"name": "Official Page"})
    webcast, _ = VidURLType.objects.get_or_create(id=900001, defaults={"name": "Official Webcast"})
    for position, title in ((5, "Press kit \u2028 second"), (4, "Mission page")):
        InfoURL.objects.create(
            mission=mission,
            position=position,
            title=title,
            url=f"https://example.org/{position}",
            type=page if position == 4 else None,
            language=english,
        )
        VidURL.objects.create(
            mission=mission,
            position=position,
            title=title,
            url=f"https://example.org/v{position}",
            type=webcast,
            language=None,
            start_time=dt.datetime(2020, 1, position, tzinfo=dt.UTC),
            live=True,
        )
    agencies = list(Agency.objects.order_by("-id")[:2])
    mission.agencies.add(*agencies)
    agencies[0].parent, agencies[1].parent = agencies[1], None
    agencies[0].save()
    agencies[1].save()
    network = SocialMedia.objects.create(id=900001, name="X", url="https://x.com", logo=Image.objects.first())
    for link_id in (900003, 900002):
        agencies[0].social_media_links.add(
            SocialMediaLink.objects.create(id=link_id, social_media=network, url=f"https://x.com/{link_id}")
        )
    kind, _ = ProgramType.objects.get_or_create(id=900001, defaults={"name": "Human Exploration"})
    patch = MissionPatch.objects.create(
        id=900005, name="Patch", image_url="https://example.org/p.png", agency=agencies[0]
    )
    for program_id in (900009, 900004):
        program = Program.objects.create(id=program_id, name=f"Program {program_id}", type=kind)
        program.agencies.add(*agencies)
        program.mission_patches.add(patch)
        flight.launch.program.add(program)
    return flight.spacecraft_id, agencies[0].id


def test_detailed_links_programs_and_agencies_are_byte_identical(client, linked_launch):
    spacecraft_id, agency_id = linked_launch
    for fmt in ("", "format=json&"):
        fast, _ = compare(client, f"{URL}{spacecraft_id}/?{fmt}")
        assert isinstance(fast.data, PreRendered)
        launch = fast.json()["flights"][0]["launch"]
        titles = [u["title"] for u in launch["mission"]["info_urls"]]
        assert titles[-2:] == ["Mission page", "Press kit \u2028 second"]
        assert [p["id"] for p in launch["program"]][-2:] == [900004, 900009]
        agencies = {a["id"]: a for a in launch["mission"]["agencies"]}
        assert [link["id"] for link in agencies[agency_id]["social_media_links"]] == [900002, 900003]
        assert agencies[agency_id]["parent"] is not None
        compare(client, f"{URL}?{fmt}mode=detailed&limit=100")


# The other endpoints with row encoders: each mode, with filters, search, ordering and paging.
OTHER_ENDPOINTS = {
    "/2.3.0/spacecraft_configurations/": [
        "limit=100",
        "mode=detailed&limit=100",
        "mode=detailed&ordering=-name&limit=50&offset=20",
        "search=soyuz&human_rated=true",
        "mode=detailed&in_use=false&agency=3",
    ],
    "/2.3.0/spacecraft_configuration_families/": [
        "limit=100",
        "mode=list&limit=100",
        "mode=detailed&limit=100",
        "mode=detailed&offset=1&limit=2",
    ],
    "/2.3.0/agencies/": [
        "limit=100",
        "mode=list&limit=100&offset=100",
        "search=agency&ordering=-founding_year&limit=40",
        "mode=list&featured=true",
        "mode=detailed&limit=5",
    ],
    "/2.3.0/spacecraft_flights/": [
        "limit=100",
        "spacecraft=3",
        "mode=detailed&limit=100",
        "mode=detailed&offset=7",
    ],
}


@pytest.mark.parametrize("path", list(OTHER_ENDPOINTS))
def test_other_endpoints_are_byte_identical(client, catalog, path):
    from django.urls import resolve

    viewset = resolve(path).func.cls
    for query in OTHER_ENDPOINTS[path]:
        fast, _ = compare(client, f"{path}?format=json&{query}")
        assert fast.status_code == 200, (path, query)
        mode = (dict(p.split("=") for p in query.split("&")).get("mode")) or viewset.list_mode
        assert isinstance(fast.data, PreRendered) == bool(encoder_for(viewset.modes[mode]))
    first = fast.json()["results"][0]["id"]
    for mode in viewset.modes:
        compare(client, f"{path}{first}/?mode={mode}")


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
# django-filter's form (fast.filter_values.read_filters) and binds them into SQL compiled once per
# query form (fast.page_ids), so each must give DRF's answer, 400 messages included.
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
    _, special_name = catalog
    queries = [*FILTER_QUERIES, f"name={special_name}", "name=%20" + special_name.replace(" ", "%20")]
    for query in queries:
        fast, _ = compare(client, f"{URL}?{query}")
        if fast.status_code == 200:
            assert isinstance(fast.data, PreRendered), query
    assert page_ids._FORMS and [key for key, form in page_ids._FORMS.items() if form is False] == []


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

    from hangar.api.fast.filter_values import read_filters
    from hangar.api.filters.spacecraft import SpacecraftFilterSet

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
