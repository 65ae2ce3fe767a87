"""catalog.stats: each documented rule on constructed histories, then storage, policy and recompute."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from hangar.catalog import stats
from hangar.catalog.models import Spacecraft, SpacecraftConfig, SpacecraftFlight
from hangar.catalog.stats import FlightFacts
from tests import factories


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def days(n):
    return dt.timedelta(days=n)


NOW = utc(2025, 1, 1)

# Constructed histories (illustrative dates, not real missions).
REFLOWN = [
    FlightFacts(
        1, 1, utc(2020, 1, 1), utc(2020, 3, 1), 3, True, True, ((utc(2020, 1, 2), utc(2020, 2, 28)),)
    ),
    FlightFacts(2, 1, utc(2020, 6, 1), utc(2020, 8, 1), 3, True, False, ((utc(2020, 6, 2), None),)),
]
IN_SPACE = [FlightFacts(3, 2, utc(2024, 1, 1), None, 3, False, None, ((utc(2024, 1, 2), None),))]
UNKNOWN_END_THEN_REFLOWN = [
    FlightFacts(4, 3, utc(2019, 1, 1), None, 3),
    FlightFacts(5, 3, utc(2019, 6, 1), utc(2019, 6, 11), 3),
]
FAILED_AND_FUTURE = [
    FlightFacts(6, 4, utc(2021, 1, 1), None, stats.LAUNCH_FAILURE, True, False),
    FlightFacts(7, 4, utc(2030, 1, 1), None, 1),
]


def test_never_flown():
    assert stats.spacecraft_stats([], NOW) == stats.SpacecraftStats(0, 0, days(0), days(0), None, False)


def test_reflown_with_dockings():
    assert [stats.duration(f, NOW) for f in REFLOWN] == [days(60), days(61)]
    real = stats.turnarounds(REFLOWN, NOW)
    assert real == {1: None, 2: days(92)}  # 1 June - 1 March
    assert [stats.turn_around_time(f.id, real) for f in REFLOWN] == [days(0), days(92)]
    # Docked 2 Jan-28 Feb (57 days); then from 2 June with no departure, until the flight ended 1 Aug.
    assert stats.spacecraft_stats(REFLOWN, NOW) == stats.SpacecraftStats(
        flights_count=2,
        mission_ends_count=2,
        time_in_space=days(121),
        time_docked=days(57 + 60),
        fastest_turnaround=days(92),
        in_space=False,
    )


def test_in_space_now_counts_up_to_now():
    assert stats.duration(IN_SPACE[0], NOW) == days(366)  # 2024 is a leap year
    assert stats.spacecraft_stats(IN_SPACE, NOW) == stats.SpacecraftStats(
        1, 0, days(366), days(365), None, True
    )
    later = NOW + days(10)
    assert stats.spacecraft_stats(IN_SPACE, later).time_in_space == days(376)


def test_unknown_mission_end_is_ongoing_and_gives_no_turnaround():
    result = stats.spacecraft_stats(UNKNOWN_END_THEN_REFLOWN, NOW)
    assert result.in_space is True
    assert result.mission_ends_count == 1
    assert result.fastest_turnaround is None  # the previous flight never ended: nothing to measure
    assert stats.turnarounds(UNKNOWN_END_THEN_REFLOWN, NOW) == {4: None, 5: None}
    assert stats.duration(UNKNOWN_END_THEN_REFLOWN[0], NOW) == NOW - utc(2019, 1, 1)


def test_failed_launch_ends_at_launch_and_future_flights_do_not_count():
    assert [stats.duration(f, NOW) for f in FAILED_AND_FUTURE] == [days(0), days(0)]
    assert stats.spacecraft_stats(FAILED_AND_FUTURE, NOW) == stats.SpacecraftStats(
        1, 1, days(0), days(0), None, False
    )


def test_negative_spans_count_as_zero():
    backwards = FlightFacts(8, 5, utc(2020, 1, 10), utc(2020, 1, 1), 3)
    assert stats.duration(backwards, NOW) == days(0)


def test_config_stats():
    flights = REFLOWN + IN_SPACE + FAILED_AND_FUTURE
    assert stats.config_stats(flights, NOW) == stats.ConfigStats(
        spacecraft_flown=3,
        total_launch_count=4,
        successful_launches=3,
        failed_launches=1,
        attempted_landings=3,
        successful_landings=1,
        failed_landings=2,
        fastest_turnaround=days(92),
    )


def test_merged_per_spacecraft_config_stats_equal_config_stats_over_all_flights():
    flights = REFLOWN + IN_SPACE + FAILED_AND_FUTURE
    by_craft = {}
    for f in flights:
        by_craft.setdefault(f.spacecraft_id, []).append(f)
    parts = [stats.config_stats(group, NOW) for group in by_craft.values()]
    assert stats.merge_config_stats(parts) == stats.config_stats(flights, NOW)
    assert stats.merge_config_stats(parts[:1]) == parts[0]
    assert stats.merge_config_stats([]) is None


# --- storage and policy ---------------------------------------------------------------------------------


@pytest.fixture
def stored(db):
    """REFLOWN and IN_SPACE as stored flights of one configuration, plus a never-flown spacecraft."""
    config = factories.SpacecraftConfigFactory(id=50, spacecraft_flown=99, total_launch_count=99)
    reflown = factories.SpacecraftFactory(
        id=1, spacecraft_config=config, flights_count=7, time_in_space=days(1)
    )
    in_space = factories.SpacecraftFactory(id=2, spacecraft_config=config)
    factories.SpacecraftFactory(id=3, spacecraft_config=config, flights_count=4, time_in_space=days(9))
    for facts, craft in ((REFLOWN, reflown), (IN_SPACE, in_space)):
        for f in facts:
            flight = factories.SpacecraftFlightFactory(
                id=f.id,
                spacecraft=craft,
                launch__net=f.net,
                mission_end=f.mission_end,
                landing__attempt=f.landing_attempt,
                landing__success=f.landing_success,
            )
            for docking, departure in f.dockings:
                factories.DockingEventFactory(
                    flight_vehicle_chaser=flight, docking=docking, departure=departure
                )
    stats.refresh([1, 2, 3], now=NOW)


def test_refresh_stores_the_rules(stored):
    assert Spacecraft.objects.get(id=1).time_in_space == days(121)
    assert Spacecraft.objects.get(id=1).flights_count == 2
    assert Spacecraft.objects.get(id=2).in_space is True
    assert SpacecraftFlight.objects.get(id=2).turn_around_time == days(92)
    assert SpacecraftFlight.objects.get(id=1).duration == days(60)
    config = SpacecraftConfig.objects.get(id=50)
    assert (config.spacecraft_flown, config.total_launch_count, config.fastest_turnaround) == (2, 3, days(92))


def test_imported_values_win_until_flights_are_known(stored):
    never = Spacecraft.objects.get(id=3)
    assert (never.flights_count, never.time_in_space) == (4, days(9))


def test_ordering_by_derived_values_reads_the_stored_columns(client, stored):
    body = client.get("/2.3.0/spacecraft/?ordering=-time_in_space").json()
    assert [r["id"] for r in body["results"]] == [2, 1, 3]  # 366 days, 121 days, 9 days (imported)


def test_recompute_rebuilds_everything(stored):
    Spacecraft.objects.filter(id=1).update(time_in_space=days(1), flights_count=0)
    SpacecraftFlight.objects.filter(id=2).update(duration=days(0))
    err = io.StringIO()
    call_command("recompute", "--now", "2025-01-01T00:00:00Z", stderr=err, stdout=err)
    assert Spacecraft.objects.get(id=1).time_in_space == days(121)
    assert Spacecraft.objects.get(id=1).flights_count == 2
    assert SpacecraftFlight.objects.get(id=2).duration == days(61)
    assert "2 spacecraft" in err.getvalue()


def test_recompute_rejects_a_bad_clock(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--now"):
        call_command("recompute", "--now", "yesterday")


def test_single_object_writes_keep_stats_current(stored):
    """What the admin does: save one object; the derived values follow in the same transaction."""
    flight = SpacecraftFlight.objects.get(id=2)
    flight.mission_end = utc(2020, 8, 11)
    flight.save()
    assert SpacecraftFlight.objects.get(id=2).duration.days == 71
    launch = SpacecraftFlight.objects.get(id=1).launch
    launch.net = utc(2020, 1, 11)
    launch.save()
    assert SpacecraftFlight.objects.get(id=1).duration.days == 50
    SpacecraftFlight.objects.get(id=2).docking_events.get().delete()
    assert Spacecraft.objects.get(id=1).time_docked == days(57)
    SpacecraftFlight.objects.get(id=1).delete()
    assert Spacecraft.objects.get(id=1).flights_count == 1
    assert Spacecraft.objects.get(id=1).fastest_turnaround is None
