"""The launch statistics of launcher configurations, families, pads and locations
(``catalog.stats.vehicles``), derived from stored launches and landings by the rules in its docstring."""

import datetime as dt

import pytest

from hangar.catalog.models import (
    FirstStage,
    Launch,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    Location,
    Pad,
    Rocket,
)
from hangar.catalog.stats import derived_vehicle_fields, recompute_vehicles
from hangar.catalog.stats.vehicles import LANDING_FIELDS, LAUNCHER_FIELDS
from tests import factories

SUCCESS, FAILURE, GO, TBD, IN_FLIGHT, PARTIAL = 3, 4, 1, 2, 6, 7
NAMES = {
    SUCCESS: "Success",
    FAILURE: "Failure",
    GO: "Go",
    TBD: "TBD",
    IN_FLIGHT: "In Flight",
    PARTIAL: "Partial",
}


def day(n):
    return dt.datetime(2020, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=n)


@pytest.fixture
def world(db):
    statuses = {i: factories.LaunchStatusFactory(id=i, name=n, abbrev=n) for i, n in NAMES.items()}
    falcon, soyuz, other = (
        LauncherConfigFamily.objects.create(id=i, name=n)
        for i, n in [(1, "Falcon"), (2, "Soyuz"), (3, "Idle")]
    )
    f9 = LauncherConfig.objects.create(id=164, name="Falcon 9")
    fh = LauncherConfig.objects.create(id=161, name="Falcon Heavy")
    both = LauncherConfig.objects.create(id=7, name="In two families")
    idle = LauncherConfig.objects.create(
        id=8, name="Never launched", total_launch_count=42, successful_launches=40
    )
    f9.families.set([falcon])
    fh.families.set([falcon])
    both.families.set([falcon, soyuz])
    idle.families.set([other])
    other.total_launch_count = 9
    other.save()
    site = factories.LocationFactory(id=12, total_launch_count=999, total_landing_count=999)
    far = factories.LocationFactory(id=13, total_launch_count=5, total_landing_count=6)
    pad = factories.PadFactory(id=40, location=site, total_launch_count=999)
    factories.PadFactory(id=41, location=far, total_launch_count=77, orbital_launch_attempt_count=70)
    sub = factories.MissionFactory(orbit=factories.OrbitFactory(id=15, name="Suborbital", abbrev="Sub"))
    rockets = iter(range(1, 100))

    def launch(config, status, n, mission=None):
        rocket = Rocket.objects.create(id=next(rockets), configuration=config)
        extra = {"mission": mission} if mission else {}
        factories.LaunchFactory(status=statuses[status], net=day(n), rocket=rocket, pad=pad, **extra)

    # Falcon 9 in launch order: S S F S S(sub) IN_FLIGHT GO TBD — inserted out of order on purpose.
    for status, n in [
        (GO, 7),
        (SUCCESS, 0),
        (FAILURE, 2),
        (SUCCESS, 1),
        (SUCCESS, 3),
        (IN_FLIGHT, 5),
        (TBD, 8),
    ]:
        launch(f9, status, n)
    launch(f9, SUCCESS, 4, mission=sub)
    launch(fh, PARTIAL, 10)
    launch(both, SUCCESS, 11)
    for id_, attempt in ((1, True), (2, False)):
        landing = factories.LandingFactory(
            id=id_, attempt=attempt, landing_location=factories.LandingLocationFactory(location=site)
        )
        factories.SpacecraftFlightFactory(landing=landing)
    # A landing nothing stored landed in (its flight deleted) does not count.
    factories.LandingFactory(
        id=3, attempt=True, landing_location=factories.LandingLocationFactory(location=site)
    )
    recompute_vehicles()
    return statuses


def stats_of(model, pk, *names):
    return model.objects.values_list(*names).get(pk=pk)


NAMES_OUT = (
    "total_launch_count",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_launches",
)


def test_a_configuration_counts_its_launches_by_outcome_in_launch_order(world):
    # S S F S S(sub) IN_FLIGHT | GO TBD: launched 6 (4 successes, 1 failure, 1 in flight), 2 pending,
    # 2 successes since the failure.
    assert stats_of(LauncherConfig, 164, *NAMES_OUT) == (6, 4, 1, 2, 2)


def test_a_partial_failure_is_a_failure(world):
    assert stats_of(LauncherConfig, 161, *NAMES_OUT) == (1, 0, 1, 0, 0)


def test_a_family_counts_each_launch_of_its_configurations_once(world):
    # Falcon: Falcon 9's eight, Falcon Heavy's partial failure, then the success of config 7 (in two
    # families, counted in each).
    assert stats_of(LauncherConfigFamily, 1, *NAMES_OUT) == (8, 5, 2, 2, 1)
    assert stats_of(LauncherConfigFamily, 2, *NAMES_OUT) == (1, 1, 0, 0, 1)


def test_without_a_stored_launch_the_imported_values_stay(world):
    assert stats_of(LauncherConfig, 8, "total_launch_count", "successful_launches") == (42, 40)
    assert stats_of(LauncherConfigFamily, 3, "total_launch_count") == (9,)
    assert stats_of(Pad, 41, "total_launch_count", "orbital_launch_attempt_count") == (77, 70)
    assert stats_of(Location, 13, "total_launch_count", "total_landing_count") == (5, 6)


def test_pads_and_locations_count_launched_launches_and_attempted_landings(world):
    # Launched from pad 40: Falcon 9's six, the partial failure, config 7's success; one suborbital.
    assert stats_of(Pad, 40, "total_launch_count", "orbital_launch_attempt_count") == (8, 7)
    assert stats_of(Location, 12, "total_launch_count", "total_landing_count") == (8, 1)


def test_a_new_outcome_moves_the_counts_and_a_rerun_writes_nothing(world):
    Launch.objects.filter(rocket_id=1).update(status=world[FAILURE])  # the Go launch (day 7) fails
    recompute_vehicles()
    assert stats_of(LauncherConfig, 164, *NAMES_OUT) == (7, 4, 2, 1, 0)
    assert recompute_vehicles() == 0


@pytest.fixture
def cores(world):
    """First stages on the world's rockets (rocket n is the n-th launch ``world`` made): core 1 on
    Falcon 9's days 0, 1, 3 and the Go launch of day 7; core 2 on day 2 (failed launch) and day 4; core 3
    on the Falcon Heavy of day 10; core 9 never flew here and keeps its imported values."""
    f9 = LauncherConfig.objects.get(pk=164)
    LauncherConfig.objects.filter(pk=8).update(attempted_landings=5, successful_landings=4)
    launchers = {
        n: Launcher.objects.create(id=n, serial_number=f"B{n}", launcher_config=f9) for n in (1, 2, 3)
    }
    Launcher.objects.create(
        id=9, serial_number="B9", flights=12, attempted_landings=11, successful_landings=10
    )
    # (stage id, rocket, core, landing attempt, landing success); None: no landing stored.
    for stage, rocket, core, attempt, success in [
        (1, 1, 1, True, None),  # day 7, Go: not launched yet
        (2, 2, 1, True, True),  # day 0
        (3, 4, 1, True, False),  # day 1
        (4, 5, 1, True, True),  # day 3
        (5, 3, 2, False, None),  # day 2, the failed launch: no attempt
        (6, 8, 2, True, None),  # day 4: attempted, outcome not known yet
        (7, 9, 3, True, True),  # day 10, Falcon Heavy
    ]:
        landing = factories.LandingFactory(id=100 + stage, attempt=attempt, success=success)
        FirstStage.objects.create(id=stage, rocket_id=rocket, launcher=launchers[core], landing=landing)
    recompute_vehicles()
    return launchers


def test_a_launcher_counts_its_launched_flights_and_landings(cores):
    assert stats_of(Launcher, 1, *LAUNCHER_FIELDS) == (3, day(0), day(3), dt.timedelta(days=1), 3, 2)
    assert stats_of(Launcher, 2, *LAUNCHER_FIELDS) == (2, day(2), day(4), dt.timedelta(days=2), 1, 0)
    assert stats_of(Launcher, 3, *LAUNCHER_FIELDS) == (1, day(10), day(10), None, 1, 1)


def test_configurations_and_families_count_first_stage_landings_in_launch_order(cores):
    # Falcon 9 in launch order: S F (no attempt) S (unknown): 4 attempted, 2 successes, 1 failure, one
    # success since the failure (an attempt without an outcome neither adds nor resets).
    assert stats_of(LauncherConfig, 164, *LANDING_FIELDS) == (4, 2, 1, 1)
    assert stats_of(LauncherConfigFamily, 1, *LANDING_FIELDS) == (5, 3, 1, 2)  # and the Falcon Heavy's


def test_without_a_stored_stage_imported_landing_and_launcher_values_stay(cores):
    assert stats_of(LauncherConfig, 8, "attempted_landings", "successful_landings") == (5, 4)
    assert stats_of(Launcher, 9, "flights", "attempted_landings", "successful_landings") == (12, 11, 10)
    derived = derived_vehicle_fields("Launcher", [1, 9])
    assert set(derived) == {1} and set(derived[1]) == set(LAUNCHER_FIELDS)
    assert set(LANDING_FIELDS) <= set(derived_vehicle_fields("LauncherConfig", [164, 8])[164])


def test_a_landing_outcome_moves_the_counts_and_a_rerun_writes_nothing(cores):
    Launch.objects.filter(rocket_id=1).update(status=Launch.objects.get(rocket_id=2).status)
    recompute_vehicles()  # the Go launch of day 7 succeeded: core 1's fourth flight, an attempt
    assert stats_of(Launcher, 1, "flights", "last_launch_date", "attempted_landings") == (4, day(7), 4)
    assert recompute_vehicles() == 0
