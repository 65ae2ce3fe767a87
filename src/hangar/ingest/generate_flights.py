"""Synthetic flights for ``hangar generate``: the shared places, vehicles and stations flights use, and
each spacecraft's flight history (launches, landings, docking events) with its derived values.

Proportions follow upstream's: most spacecraft fly once, a few are reused many times, a small share is
still in space, most flights dock to a station. Launches, missions, rockets and landings are one per
flight, as upstream's are; pads, locations, orbits, launcher configurations, programs and stations come
from a small shared pool. Every launch is before ``LAST_LAUNCH``, so the histories are the same whatever
the clock; only derived values of flights still in space depend on ``now``.

Derived values (flight ``duration`` and ``turn_around_time``, a spacecraft's aggregates, its
configuration's statistics) are computed here by ``catalog.stats``' own functions, one spacecraft at a
time, so the catalog needs no ``hangar recompute`` afterwards and never holds more than one history.
"""

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator

from hangar.catalog import stats
from hangar.catalog.models import (
    CelestialBody,
    CelestialBodyType,
    DockingEvent,
    DockingLocation,
    Landing,
    LandingLocation,
    LandingType,
    Launch,
    LauncherConfig,
    LauncherConfigFamily,
    LaunchStatus,
    Location,
    Mission,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    ProgramType,
    Rocket,
    SpacecraftFlight,
    SpaceStation,
    SpaceStationStatus,
    SpaceStationType,
)
from hangar.ingest.generate_dress import DRESSED

MARK = "[SYNTHETIC]"
EPOCH = dt.datetime(1965, 1, 1, tzinfo=dt.UTC)
LAST_LAUNCH = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)

# Upstream's ids for the statuses catalog.stats reads (3, 4, 7), plus the pre-launch ones.
LAUNCH_STATUSES = (
    (1, "Go for Launch", "Go"),
    (2, "To Be Determined", "TBD"),
    (stats.LAUNCH_SUCCESS, "Launch Successful", "Success"),
    (stats.LAUNCH_FAILURE, "Launch Failure", "Failure"),
    (stats.LAUNCH_PARTIAL_FAILURE, "Launch was a Partial Failure", "Partial Failure"),
)
LANDING_TYPES = ((1, "Parachute Landing", "Parachute"), (2, "Ocean Splashdown", "Ocean"), (3, "Runway", "RW"))
BODIES = ((1, "Earth", 1), (2, "Moon", 2))  # id, name, type
ORBITS = (
    (1, "Low Earth Orbit", "LEO", 1),
    (2, "Sun-Synchronous Orbit", "SSO", 1),
    (3, "Geostationary Transfer Orbit", "GTO", 1),
    (4, "Lunar Orbit", "LO", 2),
)
LOCATIONS = 6
PADS_PER_LOCATION = 2
LANDING_LOCATIONS = 6
LAUNCHER_FAMILIES = 4
LAUNCHERS = 12
PROGRAMS = 5
STATIONS = 3
PORTS_PER_STATION = 3
# Station ports are numbered after the dressing's two (ids 1 and 2, on a spacecraft design and on a
# payload), so the first page of /config/docking_locations/ shows every kind of port.
DRESSED_PORTS = 2

# Shares of non-placeholder spacecraft: never flown, flown once, reused; of flown ones, still in space.
NEVER_FLOWN = 0.08
REUSED = 0.12
IN_SPACE = 0.03
DOCKS = 0.75


class FlightHistories:
    """The shared pool and one flight history per spacecraft, from their own random stream."""

    def __init__(
        self,
        seed: int,
        agencies: int,
        now: dt.datetime,
        image: Callable[..., int],
        description: Callable[[str], str],
    ):
        self.rng = random.Random(f"{seed}/flights")  # str seeds hash the same on every machine
        self.agencies = agencies
        self.now = now
        self.image = image
        self.description = description
        self.next_flight_id = 1
        self.next_docking_id = 1
        self.queued: list = []
        self.config_stats: dict[int, stats.ConfigStats] = {}
        # (flight id, launch id, mission id, net) of the dressed spacecraft's flights, in flight order.
        self.dressed_flights: list[tuple] = []
        self.ongoing_flights: list[int] = []  # the first few flights in space now, for crews in space
        self.counts = {"flights": 0, "docking events": 0}

    def take(self) -> list:
        """The rows queued since the last call (flights and what hangs off them)."""
        rows, self.queued = self.queued, []
        return rows

    def pool(self) -> Iterator:
        """The shared rows every flight picks from."""
        rng = self.rng
        yield from (LaunchStatus(id=i, name=n, abbrev=a) for i, n, a in LAUNCH_STATUSES)
        yield NetPrecision(
            id=1, name="Second", abbrev="SEC", description="The T-0 is accurate to the second."
        )
        yield from (LandingType(id=i, name=n, abbrev=a) for i, n, a in LANDING_TYPES)
        yield from (CelestialBodyType(id=1, name="Planet"), CelestialBodyType(id=2, name="Moon"))
        for body_id, name, type_id in BODIES:
            yield CelestialBody(
                id=body_id,
                name=f"{MARK} {name}",
                type_id=type_id,
                image_id=self.image(name),
                description=self.description("celestial body"),
            )
        yield from (Orbit(id=i, name=n, abbrev=a, celestial_body_id=b) for i, n, a, b in ORBITS)
        for location_id in range(1, LOCATIONS + 1):
            dressed = location_id <= DRESSED  # every optional part (ingest.generate_dress)
            site = Location(
                id=location_id,
                name=f"{MARK} Launch Site {location_id}",
                celestial_body_id=1,
                active=True,
                country_id=location_id if dressed else None,
                description=self.description("launch site"),
                image_id=self.image(f"launch site {location_id}", full=True) if dressed else None,
                longitude=round(rng.uniform(-180, 180), 4),
                latitude=round(rng.uniform(-60, 60), 4),
                timezone_name="UTC",
            )
            yield site
            for n in range(1, PADS_PER_LOCATION + 1):
                pad_id = (location_id - 1) * PADS_PER_LOCATION + n
                dressed = pad_id <= DRESSED
                yield Pad(
                    id=pad_id,
                    name=f"{MARK} Pad {pad_id}",
                    active=True,
                    # Pads 1-3 are at locations 1-2, each with a country and an image.
                    location_id=location_id,
                    # Beside the site, without drawing from the seeded sequence (later rows stay the same).
                    latitude=round(site.latitude + n / 100, 4),
                    longitude=round(site.longitude - n / 100, 4),
                    country_id=pad_id if dressed else None,
                    image_id=self.image(f"pad {pad_id}", full=True) if dressed else None,
                    description=self.description("launch pad"),
                )
                agency = pad_id if dressed else rng.randint(1, self.agencies)
                yield Pad.agencies.through(pad_id=pad_id, agency_id=agency)
        for landing_id in range(1, LANDING_LOCATIONS + 1):
            dressed = landing_id <= DRESSED
            yield LandingLocation(
                id=landing_id,
                name=f"{MARK} Landing Zone {landing_id}",
                abbrev=f"SLZ-{landing_id}",
                active=True,
                location_id=landing_id if dressed else rng.randint(1, LOCATIONS),
                image_id=self.image(f"landing zone {landing_id}", full=True) if dressed else None,
                celestial_body_id=1,
            )
        for family_id in range(1, LAUNCHER_FAMILIES + 1):
            yield LauncherConfigFamily(
                id=family_id,
                name=f"{MARK} Rocket family {family_id}",
                active=True,
                parent_id=1 if 1 < family_id <= DRESSED else None,
            )
        for launcher_id in range(1, LAUNCHERS + 1):
            name = f"{MARK} Rocket {launcher_id}"
            dressed = launcher_id <= DRESSED
            yield LauncherConfig(
                id=launcher_id,
                name=name,
                full_name=name,
                active=True,
                manufacturer_id=launcher_id if dressed else rng.randint(1, self.agencies),
                image_id=self.image(name, full=True) if dressed else None,
                description=self.description("launcher configuration"),
            )
            yield LauncherConfig.families.through(
                launcherconfig_id=launcher_id,
                launcherconfigfamily_id=(launcher_id - 1) % LAUNCHER_FAMILIES + 1,
            )
        yield ProgramType(id=1, name="Human Exploration")
        for program_id in range(1, PROGRAMS + 1):
            yield Program(
                id=program_id,
                name=f"{MARK} Program {program_id}",
                type_id=1,
                image_id=self.image(f"program {program_id}", full=True) if program_id <= DRESSED else None,
                description=self.description("program"),
            )
        yield SpaceStationStatus(id=1, name="Active")
        yield SpaceStationType(id=1, name="Government")
        for station_id in range(1, STATIONS + 1):
            yield SpaceStation(
                id=station_id,
                name=f"{MARK} Station {station_id}",
                image_id=self.image(f"station {station_id}", full=True) if station_id == 1 else None,
                status_id=1,
                type_id=1,
                founded=dt.date(1971 + 10 * station_id, 1, 1),
                description=self.description("space station"),
                orbit="Low Earth Orbit",
            )
            for n in range(1, PORTS_PER_STATION + 1):
                yield DockingLocation(
                    id=DRESSED_PORTS + (station_id - 1) * PORTS_PER_STATION + n,
                    name=f"{MARK} Port {n}",
                    spacestation_id=station_id,
                )

    def fly(self, craft_id: int, config_id: int, name: str, dressed: bool = False) -> dict:
        """Queue one spacecraft's flights; return its derived columns (``catalog.stats``' rules).

        A ``dressed`` spacecraft flies at least twice, and its flights have every optional part."""
        rng = self.rng
        roll = rng.random()
        planned = (
            0 if roll < NEVER_FLOWN else 1 if roll < 1 - REUSED else 2 + min(int(rng.expovariate(0.35)), 28)
        )
        if dressed:
            planned = max(planned, 2)
        in_space = rng.random() < IN_SPACE and not dressed
        if planned and not dressed and not self.ongoing_flights:
            in_space = True  # at least one flight in space now, even in a small catalog (crews in space)
        span = (LAST_LAUNCH - EPOCH).total_seconds() * (0.98 if planned == 1 else 0.6)
        net = EPOCH + dt.timedelta(seconds=rng.randint(0, int(span)))
        if dressed:  # early enough for every planned flight
            net = EPOCH + dt.timedelta(days=1500 * craft_id, seconds=rng.randint(0, 86399))
        facts, rows = [], []
        for number in range(1, planned + 1):
            last = number == planned or net > LAST_LAUNCH - dt.timedelta(days=1200)
            facts.append(self._flight(craft_id, name, number, net, last, in_space, rows, dressed))
            if last:
                break
            end = facts[-1].mission_end or facts[-1].net
            net = end + dt.timedelta(days=rng.randint(20, 900), seconds=rng.randint(0, 86399))

        real = stats.turnarounds(facts, self.now)
        for fact, (_, flight) in zip(facts, rows, strict=True):
            flight["duration"] = stats.duration(fact, self.now)
            flight["turn_around_time"] = stats.turn_around_time(fact.id, real)
        self.queued += rows
        if facts:
            part = stats.config_stats(facts, self.now)
            previous = self.config_stats.get(config_id)
            self.config_stats[config_id] = stats.merge_config_stats([previous, part] if previous else [part])
        return stats.spacecraft_stats(facts, self.now).__dict__

    def _flight(self, craft_id, name, number, net, last, in_space, rows, dressed) -> stats.FlightFacts:
        rng = self.rng
        flight_id = self.next_flight_id
        self.next_flight_id += 1
        self.counts["flights"] += 1
        status = stats.LAUNCH_SUCCESS
        if last and not dressed:
            roll = rng.random()
            status = (
                stats.LAUNCH_FAILURE
                if roll < 0.02
                else stats.LAUNCH_PARTIAL_FAILURE
                if roll < 0.03
                else status
            )
        ongoing = last and in_space and status == stats.LAUNCH_SUCCESS
        if ongoing:  # in space now: launched in the last year or so
            net = max(net, LAST_LAUNCH - dt.timedelta(days=rng.randint(1, 400)))
            if len(self.ongoing_flights) < 3:
                self.ongoing_flights.append(flight_id)
        length = dt.timedelta(seconds=rng.randint(2 * 3600, 200 * 86400))
        end = None if ongoing or status == stats.LAUNCH_FAILURE else net + length
        launcher = rng.randint(1, LAUNCHERS)
        provider = rng.randint(1, self.agencies)
        orbit = rng.choice(ORBITS)
        pad = rng.randint(1, LOCATIONS * PADS_PER_LOCATION)
        landing_location = rng.randint(1, LANDING_LOCATIONS)
        if dressed:
            launcher = provider = pad = landing_location = min(craft_id, DRESSED)
        launch_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        # (Model, values) rows, not instances: there are millions of them (see ingest.bulk).
        self.queued += [
            (Rocket, {"id": flight_id, "configuration_id": launcher}),
            (
                Mission,
                {
                    "id": flight_id,
                    "name": f"{MARK} {name} mission {number}",
                    "type": rng.choice(("Human Exploration", "Resupply", "Test Flight")),
                    "description": self.description("mission"),
                    "orbit_id": orbit[0],
                    "image_id": self.image(f"{name} mission {number}", full=True) if dressed else None,
                },
            ),
            (
                Launch,
                {
                    "id": launch_id,
                    "name": f"{MARK} Rocket {launcher} | {name} flight {number}",
                    "slug": f"synthetic-flight-{flight_id}",
                    "status_id": status,
                    "last_updated": net,
                    "net": net,
                    "net_precision_id": 1,
                    "window_start": net,
                    "window_end": net,
                    "failreason": "Synthetic failure." if status != stats.LAUNCH_SUCCESS else None,
                    "launch_service_provider_id": provider,
                    "rocket_id": flight_id,
                    "mission_id": flight_id,
                    "pad_id": pad,
                    "image_id": self.image(f"{name} flight {number}", full=True) if dressed else None,
                    "infographic": f"https://infographics.synthetic.invalid/{flight_id}.png"
                    if dressed
                    else None,
                },
            ),
        ]
        if dressed:
            # Agencies, programs, links and crews come with the dressing (ingest.generate_dress).
            self.dressed_flights.append((flight_id, launch_id, flight_id, net))
        elif rng.random() < 0.5:
            self.queued.append((Mission.agencies.through, {"mission_id": flight_id, "agency_id": provider}))
        if rng.random() < 0.2 and not dressed:
            link = {"launch_id": launch_id, "program_id": rng.randint(1, PROGRAMS)}
            self.queued.append((Launch.program.through, link))
        attempt = end is not None and rng.random() < 0.9
        success = (rng.random() < 0.95) if attempt else None
        landing = {
            "id": flight_id,
            "attempt": attempt,
            "success": success,
            "description": self.description("landing"),
            "landing_location_id": landing_location,
            "type_id": rng.choice(LANDING_TYPES)[0],
        }
        self.queued.append((Landing, landing))
        dockings = ()
        station = None
        if status == stats.LAUNCH_SUCCESS and (rng.random() < DOCKS or dressed):
            station = 1 if dressed else rng.randint(1, STATIONS)
            if end is None:
                docking = net + dt.timedelta(seconds=rng.randint(3 * 3600, 2 * 86400))
                departure = None
            else:
                docking = net + (end - net) * rng.uniform(0.02, 0.1)
                departure = docking + (end - docking) * rng.uniform(0.6, 0.98)
            docking, departure = _seconds(docking), departure and _seconds(departure)
            event = {
                "id": self.next_docking_id,
                "flight_vehicle_chaser_id": flight_id,
                "docking": docking,
                "departure": departure,
                "docking_location_id": DRESSED_PORTS
                + (station - 1) * PORTS_PER_STATION
                + rng.randint(1, PORTS_PER_STATION),
                "space_station_target_id": station,
            }
            self.queued.append((DockingEvent, event))
            self.next_docking_id += 1
            self.counts["docking events"] += 1
            dockings = ((docking, departure),)
        flight = {
            "id": flight_id,
            "destination": f"{MARK} Station {station}" if station else orbit[1],
            "mission_end": end,
            "spacecraft_id": craft_id,
            "launch_id": launch_id,
            "landing_id": flight_id,
        }
        rows.append((SpacecraftFlight, flight))
        return stats.FlightFacts(flight_id, craft_id, net, end, status, attempt, success, dockings)


def _seconds(instant: dt.datetime) -> dt.datetime:
    """Whole seconds, as upstream's instants are (a fraction would differ between databases' rounding)."""
    return instant.replace(microsecond=0)
