"""Synthetic launches for ``hangar generate`` beside those of spacecraft flights: payload launches in the
past, a few in the last 24 hours and upcoming ones over the next two years, with what ``LaunchDetailed``
shows (updates, timeline, mission patches, links, first stages with their launchers and landings, payloads).

Upstream flies far more launches than crewed or cargo spacecraft: most launches carry only payloads.
This adds one payload launch per ``PER_SPACECRAFT`` spacecraft (at least ``MINIMUM``), of which one in
``UPCOMING_SHARE`` is upcoming (statuses Go, TBC, TBD, nearer ones more often Go) and ``RECENT`` flew in
the last 24 hours (so ``/launches/upcoming/`` shows them, as upstream keeps them for a day). The
schedule is anchored on the clock at generation time (``schedule_from``), not on ``now`` (the clock of
derived flight values), so a catalog generated today has upcoming launches whatever ``now`` says.

The first ``DRESSED`` launches of the upcoming list (the recent ones) and of the previous list carry every
optional part. About two in five launches fly a first stage (a core, a booster for dressed ones); a
launcher's later flights are reuses with their flight number, previous flight and turnaround. Ids start
at ``ID_BASE``, beyond the flights' (which share rocket, mission and landing ids with their flights).
"""

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator

from hangar.catalog.models import (
    DockingEvent,
    FirstStage,
    FirstStageType,
    InfoURL,
    Landing,
    Launch,
    Launcher,
    LauncherStatus,
    Mission,
    MissionPatch,
    MissionType,
    Orbit,
    Payload,
    PayloadFlight,
    PayloadType,
    Rocket,
    SpacecraftFlight,
    TimelineEvent,
    TimelineEventType,
    Update,
    VidURL,
)
from hangar.ingest.generate_dress import DRESSED, mission_links
from hangar.ingest.generate_flights import DRESSED_PORTS

MARK = "[SYNTHETIC]"
ID_BASE = 1_000_000_000
CREWED_BASE = 1_500_000_000  # the dressed launches' spacecraft flights, their landings and dockings
PER_SPACECRAFT = 3
MINIMUM = 30
UPCOMING_SHARE = 12
RECENT_HOURS = (2, 9, 20)  # launches this many hours before the schedule's anchor
HORIZON = dt.timedelta(days=730)
EPOCH = dt.datetime(1957, 10, 4, 19, 28, 34, tzinfo=dt.UTC)

GO, TBD, SUCCESS, FAILURE, TBC = 1, 2, 3, 4, 8
SUBORBITAL = (5, "Suborbital", "Sub", 1)
TIMELINE_TYPES = ((1, "Engine ignition"), (2, "Liftoff"), (3, "MECO"), (4, "Payload deploy"))
STAGE_SHARE = 0.4
LAUNCHER_STATUSES = ((1, "Active"), (2, "Retired"), (3, "Expended"))
# Missions and stages name these as text; /config/ lists them (upstream's ids).
MISSION_TYPES = ((1, "Communications"), (2, "Earth Science"), (3, "Navigation"))
FIRST_STAGE_TYPES = ((1, "Core"), (2, "Booster"))
PATCHES = 4


class LaunchSchedule:
    """The payload launches of a catalog, from their own random stream."""

    def __init__(
        self,
        seed: int,
        spacecraft: int,
        agencies: int,
        schedule_from: dt.datetime,
        image: Callable[..., int],
        description: Callable[[str], str],
        pads: int,
        landing_locations: int,
        launcher_configs: int,
        landing_types: tuple,
        orbits: tuple,
    ):
        self.rng = random.Random(f"{seed}/launches")
        self.spacecraft = spacecraft
        self.total = max(MINIMUM, spacecraft // PER_SPACECRAFT)
        self.upcoming = max(DRESSED + 4, self.total // UPCOMING_SHARE)
        self.agencies, self.anchor = agencies, schedule_from.replace(microsecond=0)
        self.image, self.description = image, description
        self.pads, self.landing_locations, self.launcher_configs = pads, landing_locations, launcher_configs
        self.landing_types, self.orbits = landing_types, (*orbits, SUBORBITAL)
        self.launchers = max(6, self.total // 10)
        self.queued: list = []
        self.next_update = 1
        self.next_stage = ID_BASE
        self.last_flight: dict[int, tuple] = {}  # launcher -> (net, launch id, flights so far)
        # Every launcher flies: one that never did is on no list Hangar serves, so no export could carry it.
        self.unflown = list(range(self.launchers, 2, -1))  # 1 and 2 fly the dressed launches
        self.counts = {"payload launches": 0, "upcoming launches": 0}
        self.touched: set[int] = set()  # spacecraft given a flight here (their statistics change)
        self.next_crewed = CREWED_BASE
        self.dressed: list = []  # ids of the dressed launches, which dressed events name

    def take(self) -> list:
        rows, self.queued = self.queued, []
        return rows

    def pool(self) -> Iterator:
        yield Orbit(
            id=SUBORBITAL[0], name=SUBORBITAL[1], abbrev=SUBORBITAL[2], celestial_body_id=SUBORBITAL[3]
        )
        yield from (LauncherStatus(id=i, name=n) for i, n in LAUNCHER_STATUSES)
        yield from (MissionType(id=i, name=n) for i, n in MISSION_TYPES)
        yield from (FirstStageType(id=i, name=n) for i, n in FIRST_STAGE_TYPES)
        yield from (TimelineEventType(id=i, abbrev=a, description=f"{MARK} {a}.") for i, a in TIMELINE_TYPES)
        yield PayloadType(id=2, name="Communications Satellite")
        for n in range(1, PATCHES + 1):
            yield MissionPatch(
                id=10 + n,
                name=f"{MARK} Launch patch {n}",
                priority=n,
                image_url=f"https://patch.synthetic.invalid/launch-{n}.png",
                agency_id=n if n <= DRESSED else None,
            )
        for launcher_id in range(1, self.launchers + 1):
            dressed = launcher_id <= DRESSED
            yield Launcher(
                id=launcher_id,
                serial_number=f"S{launcher_id:05d}",
                flight_proven=False,
                status_id=1 if dressed else self.rng.choice(LAUNCHER_STATUSES)[0],
                image_id=self.image(f"launcher {launcher_id}", full=True) if dressed else None,
                details=self.description("launcher"),
                launcher_config_id=launcher_id if dressed else self.rng.randint(1, self.launcher_configs),
                fastest_turnaround=dt.timedelta(days=40 + launcher_id) if dressed else None,
            )

    def launches(self) -> Iterator:
        """Every payload launch in NET order (first stages need their launcher's previous flight)."""
        rng = self.rng
        past = self.total - self.upcoming - len(RECENT_HOURS)
        span = int((self.anchor - dt.timedelta(days=2) - EPOCH).total_seconds())
        nets = sorted(EPOCH + dt.timedelta(seconds=rng.randint(0, span)) for _ in range(past))
        # The last DRESSED past launches (the first page of /launches/previous/) are dressed.
        # The first and last DRESSED past launches (first pages of /launches/ and /launches/previous/)
        # are dressed; the first ones fly before anything else.
        schedule = [(net, SUCCESS if rng.random() > 0.05 else FAILURE, False) for net in nets]
        for n in range(min(DRESSED, past)):
            schedule[n] = (EPOCH - dt.timedelta(days=DRESSED - n), SUCCESS, True)
            schedule[-1 - n] = (schedule[-1 - n][0], SUCCESS, True)
        schedule += [(self.anchor - dt.timedelta(hours=h), SUCCESS, True) for h in RECENT_HOURS]
        ahead = sorted(
            dt.timedelta(seconds=rng.randint(3600, int(HORIZON.total_seconds())))
            for _ in range(self.upcoming)
        )
        for n, delta in enumerate(ahead):
            near = delta < dt.timedelta(days=14)
            status = GO if near and rng.random() < 0.8 else (TBC if rng.random() < 0.4 else TBD)
            schedule.append((self.anchor + delta, status, n < DRESSED))
        for number, (net, status, dressed) in enumerate(schedule, start=1):
            yield from self._launch(ID_BASE + number, net, status, dressed)
            self.counts["payload launches"] += 1
            self.counts["upcoming launches"] += net >= self.anchor

    def _launch(self, key: int, net: dt.datetime, status: int, dressed: bool) -> Iterator:
        rng = self.rng
        launch_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        config = rng.randint(1, self.launcher_configs)
        provider = rng.randint(1, self.agencies)
        pad = rng.randint(1, self.pads)
        orbit = self.orbits[0] if dressed else rng.choice(self.orbits)
        if dressed:
            config, provider, pad = 1 + key % DRESSED, 1 + key % DRESSED, 1 + key % DRESSED
        future = net >= self.anchor
        name = f"{MARK} Rocket {config} | Payload mission {key - ID_BASE}"
        yield Rocket(id=key, configuration_id=config)
        yield Mission(
            id=key,
            name=f"{MARK} Payload mission {key - ID_BASE}",
            type=rng.choice([name for _, name in MISSION_TYPES]),
            description=self.description("mission"),
            orbit_id=orbit[0],
            image_id=self.image(f"payload mission {key}", full=True) if dressed else None,
        )
        window = dt.timedelta(hours=2) if future else dt.timedelta(0)
        yield Launch(
            id=launch_id,
            name=name,
            slug=f"synthetic-payload-mission-{key - ID_BASE}",
            launch_designator=None if future else f"{net.year}-{key % 1000:03d}",
            status_id=status,
            last_updated=min(net, self.anchor) - dt.timedelta(hours=1),
            net=net,
            net_precision_id=1,
            window_start=net,
            window_end=net + window,
            image_id=self.image(f"launch {key}", full=True) if dressed else None,
            infographic=f"https://infographics.synthetic.invalid/p{key}.png" if dressed else None,
            probability=rng.randint(40, 95) if future or dressed else None,
            weather_concerns="Cumulus clouds" if dressed else None,
            failreason="Synthetic failure." if status == FAILURE else None,
            hashtag="#Synthetic" if dressed else None,
            launch_service_provider_id=provider,
            rocket_id=key,
            mission_id=key,
            pad_id=pad,
            webcast_live=dressed and not future and net > self.anchor - dt.timedelta(hours=3),
            flightclub_url=f"https://flightclub.synthetic.invalid/{key}" if dressed else None,
        )
        yield from self._stages(key, launch_id, net, status, dressed)
        if dressed or rng.random() < 0.3:
            yield from self._payload(key, launch_id, dressed)
        if dressed:
            self.dressed.append(launch_id)
            yield from self._dressing(key, launch_id, net)
            yield from self._crewed(key, launch_id, net, min(DRESSED + 1 + key % DRESSED, self.spacecraft))
        elif rng.random() < 0.1:
            yield self._update(launch_id, net, "Synthetic NET update.")

    def _stages(self, key, launch_id, net, status, dressed) -> Iterator:
        rng = self.rng
        if not (dressed or rng.random() < STAGE_SHARE):
            return
        for n, stage_type in enumerate([name for _, name in FIRST_STAGE_TYPES][: 2 if dressed else 1]):
            launcher = rng.randint(1, self.launchers)
            if dressed:  # launchers 1 and 2 fly every dressed launch: reuses from the second one on
                launcher = 1 + n
            elif self.unflown:
                launcher = self.unflown.pop()
            previous = self.last_flight.get(launcher)
            number = previous[2] + 1 if previous else 1
            self.last_flight[launcher] = (net, launch_id, number)
            landing_id = None
            if rng.random() < 0.7 or dressed:
                landing_id = self.next_stage
                yield Landing(
                    id=landing_id,
                    attempt=True,
                    success=None if net >= self.anchor else rng.random() < 0.95,
                    description=self.description("first stage landing"),
                    downrange_distance=round(rng.uniform(5, 650), 1),
                    landing_location_id=1 + n if dressed else rng.randint(1, self.landing_locations),
                    type_id=rng.choice(self.landing_types)[0],
                )
            yield FirstStage(
                id=self.next_stage,
                rocket_id=key,
                type=stage_type,
                reused=previous is not None,
                launcher_flight_number=number,
                launcher_id=launcher,
                previous_flight_date=previous[0] if previous else None,
                turn_around_time=net - previous[0] if previous else dt.timedelta(0),
                landing_id=landing_id,
                previous_flight_id=previous[1] if previous else None,
            )
            self.next_stage += 1

    def _payload(self, key, launch_id, dressed) -> Iterator:
        rng = self.rng
        yield Payload(
            id=key,
            name=f"{MARK} Satellite {key - ID_BASE}",
            type_id=2,
            manufacturer_id=1 if dressed else rng.randint(1, self.agencies),
            operator_id=2 if dressed else rng.randint(1, self.agencies),
            image_id=self.image(f"satellite {key}", full=True) if dressed else None,
            wiki_link=f"https://wiki.synthetic.invalid/satellite-{key}" if dressed else "",
            info_link="",
            cost=50_000_000 if dressed else None,
            mass=round(rng.uniform(100, 6500), 1),
            description=self.description("payload"),
        )
        if dressed:
            yield Payload.program.through(payload_id=key, program_id=1)
        # No landing (upstream's payload flights of satellites have none), but for the dressed ones.
        if dressed:
            yield Landing(
                id=CREWED_BASE - key + ID_BASE,
                attempt=False,
                description=self.description("payload landing"),
                landing_location_id=1,
                type_id=self.landing_types[0][0],
            )
        yield PayloadFlight(
            id=key,
            destination="Geostationary Transfer Orbit",
            amount=1,
            payload_id=key,
            launch_id=launch_id,
            rocket_id=key,
            landing_id=CREWED_BASE - key + ID_BASE if dressed else None,
        )

    def _update(self, launch_id, net, comment) -> Update:
        update = Update(
            id=self.next_update,
            launch_id=launch_id,
            profile_image=f"https://images.synthetic.invalid/editor-{self.next_update % 3}.png",
            comment=f"{MARK} {comment}",
            info_url="https://updates.synthetic.invalid/" if self.next_update % 2 else None,
            created_by="Synthetic Editor",
            created_on=min(net, self.anchor) - dt.timedelta(hours=6 + self.next_update % 5),
        )
        self.next_update += 1
        return update

    def _dressing(self, key, launch_id, net) -> Iterator:
        yield self._update(launch_id, net, "Go for launch.")
        yield self._update(launch_id, net, "Static fire complete.")
        for position, (type_id, seconds) in enumerate(((1, -3), (2, 0), (3, 155), (4, 3300))):
            yield TimelineEvent(
                launch_id=launch_id,
                position=position,
                type_id=type_id,
                relative_time=dt.timedelta(seconds=seconds),
            )
        yield TimelineEvent(launch_id=launch_id, position=4, type_id=None, relative_time=None)
        yield from (Launch.mission_patches.through(launch_id=launch_id, missionpatch_id=p) for p in (12, 11))
        yield Launch.program.through(launch_id=launch_id, program_id=1)
        yield Mission.agencies.through(mission_id=key, agency_id=1)
        yield from mission_links(key, net)
        for position in (1, 0):
            url = f"https://launch-{key}.synthetic.invalid/{position}"
            yield InfoURL(
                launch_id=launch_id,
                position=position,
                priority=10 - position,
                source="synthetic.invalid",
                title=f"{MARK} Launch press kit {position}",
                description=f"{MARK} Reading for launch {key}.",
                feature_image=f"https://images.synthetic.invalid/launch-feature-{key}.jpg",
                url=url,
                type_id=1 if position == 0 else None,
                language_id=1 if position == 0 else None,
            )
            yield VidURL(
                launch_id=launch_id,
                position=position,
                priority=10 - position,
                source="synthetic.invalid",
                publisher="Synthetic TV",
                title=f"{MARK} Launch webcast {position}",
                url=f"{url}/video",
                type_id=1 if position == 0 else None,
                language_id=1 if position == 0 else None,
                start_time=net - dt.timedelta(hours=1),
                end_time=net + dt.timedelta(hours=1),
                live=bool(position),
            )

    def _crewed(self, key, launch_id, net, craft_id) -> Iterator:
        """A dressed launch also flies a spacecraft (4 to 6: the flight histories of the dressed 1 to 3
        stay theirs), with a crew and a docking to each kind of target, so the first page of every
        launch list shows every part of ``RocketDetailed``."""
        flight_id = self.next_crewed
        self.next_crewed += 1
        self.touched.add(craft_id)
        yield Landing(
            id=flight_id,
            attempt=True,
            success=True,
            description=self.description("landing"),
            landing_location_id=1,
            type_id=self.landing_types[0][0],
        )
        yield SpacecraftFlight(
            id=flight_id,
            destination="Low Earth Orbit",
            mission_end=net + dt.timedelta(days=30),
            spacecraft_id=craft_id,
            launch_id=launch_id,
            rocket_id=key,
            landing_id=flight_id,
        )
        for crew, seats in (("launch_crew", (2, 1)), ("onboard_crew", (1,)), ("landing_crew", (2,))):
            through = getattr(SpacecraftFlight, crew).through
            yield from (through(spacecraftflight_id=flight_id, astronautflight_id=s) for s in seats)
        hour = dt.timedelta(hours=1)
        targets = (  # ports as ingest.generate_dress and generate_flights number them
            (DRESSED_PORTS + 1, {"space_station_target_id": 1}),
            (1, {"flight_vehicle_target_id": 1}),
            (2, {"payload_flight_target_id": key}),
        )
        for n, (port, target) in enumerate(targets):
            yield DockingEvent(
                id=self.next_crewed,
                flight_vehicle_chaser_id=flight_id,
                docking=net + (2 * n + 3) * hour,
                departure=net + (2 * n + 4) * hour,
                docking_location_id=port,
                **target,
            )
            self.next_crewed += 1
