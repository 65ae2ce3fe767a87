"""Loading plans and row encoders are derived from the serializers, so a shape cannot lose its prefetch,
and a nested field added to a serializer is loaded without touching anything else."""

from django.core import checks
from rest_framework import serializers

from hangar.api import loading
from hangar.api.checks import check_endpoints
from hangar.api.fast.encoder import RowEncoder, encoder_for
from hangar.api.serializers.agency import AgencyMiniSerializer
from hangar.api.serializers.flight import SpacecraftFlightDetailedSerializer
from hangar.catalog.models import Spacecraft
from tests.queries import cold_queries


def _lookups(plan) -> set[str]:
    """Every join and prefetch path of a plan, prefetches' own plans included."""
    found = set(plan.joins)
    for prefetch in plan.prefetches:
        found.add(prefetch.prefetch_through)
        inner = prefetch.queryset.query
        found |= {f"{prefetch.prefetch_through}__{j}" for j in _select_related(inner.select_related)}
        found |= {f"{prefetch.prefetch_through}__{p}" for p in _nested(prefetch.queryset)}
    return found


def _select_related(tree, prefix=""):
    if not isinstance(tree, dict):
        return
    for name, sub in tree.items():
        path = f"{prefix}__{name}" if prefix else name
        yield path
        yield from _select_related(sub, path)


def _nested(queryset):
    for lookup in queryset._prefetch_related_lookups:
        yield lookup.prefetch_through
        yield from (f"{lookup.prefetch_through}__{p}" for p in _nested(lookup.queryset))


def test_every_crew_and_docking_list_of_a_detailed_flight_is_prefetched():
    lookups = _lookups(loading.loading_plan(SpacecraftFlightDetailedSerializer))
    for crew in ("launch_crew", "onboard_crew", "landing_crew"):
        assert crew in lookups
        assert f"{crew}__astronaut__social_media_links" in lookups
    assert "docking_events" in lookups and "docking_events__docking_location" in lookups


def test_a_spacecraft_lists_its_flights_in_launch_order():
    from hangar.api.serializers.flight import SpacecraftEndpointDetailedSerializer

    plan = loading.loading_plan(SpacecraftEndpointDetailedSerializer)
    flights = next(p for p in plan.prefetches if p.prefetch_through == "flights")
    assert flights.queryset.query.order_by == ("launch__net", "id")
    encoder = encoder_for(SpacecraftEndpointDetailedSerializer)
    many = next(extra for name, kind, _, extra in encoder.layout if name == "flights")
    assert many[2] == ("launch__net", "id")


def test_no_query_joins_more_tables_than_the_plan_allows():
    plan = loading.loading_plan(SpacecraftFlightDetailedSerializer)
    assert len(plan.joins) <= loading.MAX_JOINS
    for prefetch in plan.prefetches:
        assert len(list(_select_related(prefetch.queryset.query.select_related))) <= loading.MAX_JOINS


def test_a_nested_field_added_to_a_serializer_is_loaded_without_anything_else(db, client, generated_catalog):
    from hangar.api.serializers.spacecraft import SpacecraftConfigNormalSerializer
    from hangar.api.views.spacecraft import SpacecraftConfigViewSet

    class ConfigWithMaker(SpacecraftConfigNormalSerializer):
        maker = AgencyMiniSerializer(source="agency", read_only=True)

        class Meta(SpacecraftConfigNormalSerializer.Meta):
            fields = (*SpacecraftConfigNormalSerializer.Meta.fields, "maker")

    plan = loading.loading_plan(ConfigWithMaker)
    assert "agency" in plan.joins and "agency__type" in plan.joins
    assert isinstance(encoder_for(ConfigWithMaker), RowEncoder)
    original = dict(SpacecraftConfigViewSet.modes)
    SpacecraftConfigViewSet.modes = {**original, "normal": ConfigWithMaker}
    try:
        for fmt in ("json", "api"):
            small = cold_queries(client, f"/2.3.0/spacecraft_configurations/?format={fmt}&limit=3")
            large = cold_queries(client, f"/2.3.0/spacecraft_configurations/?format={fmt}&limit=13")
            assert small == large, fmt
        body = client.get("/2.3.0/spacecraft_configurations/?format=json").json()
        assert body["results"][0]["maker"]["response_mode"] == "list"
    finally:
        SpacecraftConfigViewSet.modes = original


def test_a_serializer_whose_source_does_not_exist_fails_the_system_check(monkeypatch):
    from hangar.api.views.agency import AgencyViewSet

    class Broken(AgencyMiniSerializer):
        nowhere = AgencyMiniSerializer(source="no_such_relation")

        class Meta(AgencyMiniSerializer.Meta):
            fields = (*AgencyMiniSerializer.Meta.fields, "nowhere")

    monkeypatch.setattr(AgencyViewSet, "modes", {**AgencyViewSet.modes, "list": Broken})
    found = [e for e in check_endpoints() if e.id == "hangar.E002"]
    assert found and "Broken" in found[0].msg and found[0].level == checks.ERROR


def test_a_mode_map_naming_no_serializer_fails_the_system_check(monkeypatch):
    from hangar.api.views.agency import AgencyViewSet

    monkeypatch.setattr(AgencyViewSet, "modes", {"normal": Spacecraft})
    ids = {e.id for e in check_endpoints()}
    assert "hangar.E001" in ids


def test_the_shipped_endpoints_pass_the_system_check():
    assert check_endpoints() == []


def test_a_list_order_naming_no_field_fails_the_system_check(monkeypatch):
    monkeypatch.setitem(loading.LIST_ORDERS, ("SpacecraftNormalSerializer", "nothing"), ("id",))
    assert "hangar.E003" in {e.id for e in check_endpoints()}


def test_a_method_field_takes_drfs_path_with_a_warning(monkeypatch):
    from hangar.api.views.agency import AgencyViewSet

    class Shouting(AgencyMiniSerializer):
        shout = serializers.SerializerMethodField()

        class Meta(AgencyMiniSerializer.Meta):
            fields = (*AgencyMiniSerializer.Meta.fields, "shout")

        def get_shout(self, agency):
            return agency.name.upper()

    monkeypatch.setattr(AgencyViewSet, "modes", {**AgencyViewSet.modes, "list": Shouting})
    warnings = [e for e in check_endpoints() if e.id == "hangar.W001"]
    assert warnings and "Shouting.shout" in warnings[0].msg


def test_a_reverse_foreign_key_renders_its_first_row_or_null(db, client, generated_catalog):
    """``source="<reverse foreign key>.first"`` (a landing's first stage): one prefetch on DRF's path, the
    first item of the same list on the fast path, the same bytes from both, null where there is none,
    and queries that do not grow with the page."""
    from hangar.api.serializers.flight import SpacecraftFlightMiniSerializer
    from hangar.api.serializers.spacecraft import SpacecraftNormalSerializer
    from hangar.api.views.spacecraft import SpacecraftViewSet
    from tests.parity import compare

    class WithFirstFlight(SpacecraftNormalSerializer):
        first_flight = SpacecraftFlightMiniSerializer(source="flights.first", allow_null=True)

        class Meta(SpacecraftNormalSerializer.Meta):
            fields = (*SpacecraftNormalSerializer.Meta.fields, "first_flight")

    plan = loading.loading_plan(WithFirstFlight)
    assert "flights" in {p.prefetch_through for p in plan.prefetches}
    encoder = encoder_for(WithFirstFlight)
    assert next(kind for name, kind, _, _ in encoder.layout if name == "first_flight") == "first"
    original = dict(SpacecraftViewSet.modes)
    SpacecraftViewSet.modes = {**original, "normal": WithFirstFlight}
    try:
        for fmt in ("json", "api"):
            small = cold_queries(client, f"/2.3.0/spacecraft/?format={fmt}&limit=3")
            large = cold_queries(client, f"/2.3.0/spacecraft/?format={fmt}&limit=13")
            assert small == large, fmt
        fast, _ = compare(client, "/2.3.0/spacecraft/?format=json&limit=100")
        rows = fast.json()["results"]
        firsts = {
            craft.id: craft.flights.order_by("id").values_list("id", flat=True).first()
            for craft in Spacecraft.objects.filter(id__in=[r["id"] for r in rows])
        }
        assert {r["id"]: r["first_flight"] and r["first_flight"]["id"] for r in rows} == firsts
        assert None in firsts.values() and len(set(firsts.values())) > 2
    finally:
        SpacecraftViewSet.modes = original


def test_a_reverse_foreign_key_without_many_or_first_fails_the_system_check(monkeypatch):
    from hangar.api.serializers.flight import SpacecraftFlightMiniSerializer
    from hangar.api.serializers.spacecraft import SpacecraftNormalSerializer
    from hangar.api.views.spacecraft import SpacecraftViewSet

    class Ambiguous(SpacecraftNormalSerializer):
        flight = SpacecraftFlightMiniSerializer(source="flights")

        class Meta(SpacecraftNormalSerializer.Meta):
            fields = (*SpacecraftNormalSerializer.Meta.fields, "flight")

    monkeypatch.setattr(SpacecraftViewSet, "modes", {**SpacecraftViewSet.modes, "normal": Ambiguous})
    found = [e for e in check_endpoints() if e.id == "hangar.E002"]
    assert found and "flights.first" in found[0].msg
