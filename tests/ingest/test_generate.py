"""``hangar generate``: a deterministic, clearly synthetic catalog that the API serves like real data."""

import pytest
from django.core.management import CommandError, call_command

from hangar.catalog import versioning
from hangar.catalog.models import Image, Spacecraft, SpacecraftConfig
from hangar.ingest.generate import GenerateError, generate
from tests import factories
from tests.openapi import errors


def snapshot():
    return (
        list(Spacecraft.objects.order_by("id").values_list()),
        list(Image.objects.order_by("id").values_list()),
        list(
            SpacecraftConfig.family.through.objects.order_by("id").values_list(
                "spacecraftconfig", "spacecraftconfigfamily"
            )
        ),
    )


def test_the_same_seed_gives_the_same_catalog(db):
    generate(60, seed=3)
    first = snapshot()
    generate(60, seed=3, replace=True)
    assert snapshot() == first
    generate(60, seed=4, replace=True)
    assert snapshot() != first


def test_derived_values_obey_the_invariants_and_everything_is_marked(db):
    generate(400, seed=1)
    assert Spacecraft.objects.count() == 400
    for craft in Spacecraft.objects.all():
        assert craft.name.startswith("[SYNTHETIC] ")
        assert "Synthetic" in craft.description
        if craft.is_placeholder:
            assert craft.flights_count is None and craft.time_in_space is None
            continue
        assert 0 <= craft.mission_ends_count <= craft.flights_count
        assert craft.time_docked <= craft.time_in_space
        assert (craft.fastest_turnaround is not None) == (craft.flights_count >= 2)
        assert not craft.in_space or craft.mission_ends_count == craft.flights_count - 1
    flights = list(Spacecraft.objects.values_list("flights_count", flat=True))
    assert len(set(flights)) > 3  # a spread, not one value


def test_it_refuses_a_non_empty_catalog_unless_replacing(db):
    factories.SpacecraftFactory(id=1)
    with pytest.raises(GenerateError, match="--replace"):
        generate(10)
    assert list(Spacecraft.objects.values_list("id", flat=True)) == [1]
    generate(10, replace=True)
    assert Spacecraft.objects.count() == 10


def test_it_bumps_the_data_version(db):
    before = versioning.current()[0]
    generate(5)
    assert versioning.current()[0] == before + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--spacecraft", "0"], "invalid count"), (["--spacecraft", "x"], "invalid count"), ([], "required")],
)
def test_bad_arguments_are_one_clear_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate", *args)


def test_the_command_refuses_a_non_empty_catalog(db):
    call_command("generate", "--spacecraft", "3", verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("generate", "--spacecraft", "3", verbosity=0)


def test_the_api_serves_a_generated_catalog_to_the_official_schema(client, db):
    generate(300, seed=2)
    body = client.get("/2.3.0/spacecraft/?limit=100&offset=90&format=json").json()
    assert body["count"] == 300 and len(body["results"]) == 100
    assert errors("PaginatedPolymorphicSpacecraftEndpointList", body) == []
