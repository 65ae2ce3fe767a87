"""The astronaut and spacewalk rules of ``catalog.stats.people`` on constructed seats (no database)."""

import datetime as dt

from hangar.catalog.stats import FlightFacts
from hangar.catalog.stats.people import (
    LANDING,
    LAUNCH,
    ONBOARD,
    Seat,
    Walk,
    age,
    astronaut_stats,
    spacewalk_duration,
)

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def seat(flight_id, net, end, *crews, status=3):
    return Seat(FlightFacts(flight_id, 1, net, end, status), f"launch-{flight_id}", frozenset(crews))


def test_up_on_one_vehicle_down_on_another():
    seats = [
        seat(1, utc(2024, 1, 1), utc(2024, 2, 1), LAUNCH),
        seat(2, utc(2024, 1, 20), utc(2024, 7, 1), LANDING),
    ]
    result = astronaut_stats(seats, [], NOW)
    assert (result.in_space, result.time_in_space) == (False, dt.timedelta(days=182))
    assert (result.flights_count, result.landings_count, result.launches, result.landings) == (
        1,
        1,
        ("launch-1",),
        (2,),
    )


def test_coming_back_on_a_vehicle_still_up_means_in_space():
    seats = [seat(1, utc(2024, 12, 1), utc(2024, 12, 10), LAUNCH), seat(2, utc(2024, 12, 5), None, LANDING)]
    result = astronaut_stats(seats, [], NOW)
    assert (result.in_space, result.time_in_space, result.landings_count) == (True, 31 * DAY, 0)


def test_no_landing_crew_recorded_comes_back_with_the_vehicle():
    result = astronaut_stats([seat(1, utc(2024, 1, 1), utc(2024, 1, 11), LAUNCH, ONBOARD)], [], NOW)
    assert (result.in_space, result.time_in_space, result.landings_count) == (False, 10 * DAY, 0)


def test_upcoming_launch_is_listed_not_counted_and_repeat_flights_add_up():
    seats = [
        seat(1, utc(2020, 1, 1), utc(2020, 1, 11), LAUNCH, LANDING),
        seat(2, utc(2022, 1, 1), utc(2022, 1, 3), LAUNCH, LANDING),
        seat(3, utc(2026, 1, 1), None, LAUNCH),
    ]
    result = astronaut_stats(seats, [], NOW)
    assert (result.flights_count, result.time_in_space, result.in_space) == (2, 12 * DAY, False)
    assert (result.first_flight, result.last_flight) == (utc(2020, 1, 1), utc(2022, 1, 1))
    assert result.launches == ("launch-1", "launch-2", "launch-3")


def test_failed_launch_ends_at_launch():
    result = astronaut_stats([seat(1, utc(2024, 1, 1), None, LAUNCH, status=4)], [], NOW)
    assert (result.in_space, result.time_in_space, result.flights_count) == (False, dt.timedelta(0), 1)


def test_spacewalks():
    walks = [
        Walk(1, utc(2024, 1, 1, 10), utc(2024, 1, 1, 16, 30)),
        Walk(2, utc(2024, 12, 31, 23), None),  # ongoing: up to now
        Walk(3, None, None, dt.timedelta(hours=2)),  # as imported
        Walk(4, utc(2026, 1, 1), None),  # planned: listed, not counted
    ]
    result = astronaut_stats([], walks, NOW)
    assert result.eva_time == dt.timedelta(hours=9, minutes=30)
    assert (result.spacewalks_count, result.spacewalks) == (3, (1, 2, 3, 4))
    assert spacewalk_duration(walks[3], NOW) is None


def test_age():
    assert age(dt.date(1970, 6, 15), None, dt.date(2025, 6, 14)) == 54
    assert age(dt.date(1970, 6, 15), None, dt.date(2025, 6, 15)) == 55
    assert age(dt.date(1940, 3, 1), dt.date(2010, 2, 1), dt.date(2025, 1, 1)) == 69
    assert age(None, None, dt.date(2025, 1, 1)) is None
