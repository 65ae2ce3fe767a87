"""The dressed objects of ``hangar generate``: the first of each kind has every optional part.

At upstream's proportions many optional parts are rare (a crew, a docking to another flight or to a
payload, a mission's reading and video links, a program's patches, an agency's logos and social media
links), so a small catalog would leave some nested shapes empty everywhere. The first ``DRESSED``
objects of each kind are therefore generated with all of them, and point at one another (spacecraft
1-3 are of configurations 1-3, made by agencies 1-3, flown from pads 1-3 on launchers 1-3, …), so
that every list's first page shows every part of its shape: the tests' query counts and parity
checks, the crawl and the bench all see complete responses. The main steps give the dressed objects
their own columns; ``dress`` adds what hangs off them (links, crews, patches, payloads, dockings).

Everything written here is as synthetic as the rest (``[SYNTHETIC]`` names). Docking events added to
a flight change its spacecraft's derived statistics, which ``generate`` then recomputes.
"""

import datetime as dt

from hangar.catalog.models import (
    Agency,
    Astronaut,
    AstronautFlight,
    AstronautRole,
    AstronautStatus,
    AstronautType,
    DockingEvent,
    DockingLocation,
    Event,
    Expedition,
    FirstStage,
    InfoURL,
    InfoURLType,
    Landing,
    Language,
    Launch,
    LauncherConfig,
    LauncherConfigFamily,
    Mission,
    MissionPatch,
    Payload,
    PayloadFlight,
    PayloadType,
    Program,
    SocialMedia,
    SocialMediaLink,
    SpacecraftFlight,
    SpaceStation,
    Spacewalk,
    Update,
    VidURL,
    VidURLType,
)

MARK = "[SYNTHETIC]"
DRESSED = 3  # how many objects of each kind have every optional part
# Ids beyond anything the main steps write (flights and their landings share ids).
DRESSED_ID = 2_000_000_000


def dress(generator) -> tuple[list, set[int]]:
    """(rows to insert, spacecraft whose derived statistics the rows change)."""
    flights = generator.flights.dressed_flights
    agencies = (2, 1)  # created out of display order throughout, so list orders are exercised
    rows: list = [
        InfoURLType(id=1, name="Official Page"),
        VidURLType(id=1, name="Official Webcast"),
        Language(id=1, name="English", code="en"),
        SocialMedia(id=1, name="X", url="https://x.invalid/", logo_id=generator.image("X", full=True)),
    ]
    for agency_id in range(1, DRESSED + 1):
        for n in (2, 1):
            link_id = agency_id * 10 + n
            rows.append(SocialMediaLink(id=link_id, social_media_id=1, url=f"https://x.invalid/{link_id}"))
            rows.append(Agency.social_media_links.through(agency_id=agency_id, socialmedialink_id=link_id))
    for launcher_id in range(1, DRESSED + 1):
        rows.append(LauncherConfig.program.through(launcherconfig_id=launcher_id, program_id=1))
    for family_id in range(1, DRESSED + 1):
        rows += [
            LauncherConfigFamily.manufacturer.through(launcherconfigfamily_id=family_id, agency_id=a)
            for a in agencies
        ]
    rows += [
        MissionPatch(id=2, name=f"{MARK} Patch 2", priority=2, image_url="https://patch.invalid/2.png"),
        MissionPatch(
            id=1, name=f"{MARK} Patch 1", priority=1, image_url="https://patch.invalid/1.png", agency_id=1
        ),
    ]
    for program_id in range(1, DRESSED + 1):
        rows += [Program.agencies.through(program_id=program_id, agency_id=a) for a in agencies]
        rows += [Program.mission_patches.through(program_id=program_id, missionpatch_id=p) for p in (2, 1)]
    for _, launch_id, mission_id, net in flights:
        rows += [Launch.program.through(launch_id=launch_id, program_id=p) for p in (2, 1)]
        rows += [Mission.agencies.through(mission_id=mission_id, agency_id=a) for a in agencies]
        rows += mission_links(mission_id, net)
    rows += _crews(generator, [flight_id for flight_id, _, _, _ in flights])
    rows += _in_space(generator, generator.flights.ongoing_flights)
    rows += _expeditions(generator)
    rows += _spacewalks(generator, flights)
    rows += _events(generator)
    touched = _dockings(generator, flights, rows)
    touched |= _landings(flights)
    return rows, touched


def mission_links(mission_id: int, net: dt.datetime) -> list:
    """A mission's reading and video links, one of each with every part and one without."""
    rows = []
    for position in (1, 0):
        url = f"https://mission-{mission_id}.synthetic.invalid/{position}"
        rows.append(
            InfoURL(
                mission_id=mission_id,
                position=position,
                priority=10 - position,
                source="synthetic.invalid",
                title=f"{MARK} Press kit {position}" + ("\u2028second line" if position else ""),
                description=f"{MARK} Reading for mission {mission_id}.",
                feature_image=f"https://images.synthetic.invalid/feature-{mission_id}.jpg",
                url=url,
                type_id=1 if position == 0 else None,
                language_id=1 if position == 0 else None,
            )
        )
        rows.append(
            VidURL(
                mission_id=mission_id,
                position=position,
                priority=10 - position,
                source="synthetic.invalid",
                publisher="Synthetic TV",
                title=f"{MARK} Webcast {position}",
                url=f"{url}/video",
                type_id=1 if position == 0 else None,
                language_id=1 if position == 0 else None,
                start_time=net - dt.timedelta(hours=1),
                end_time=net + dt.timedelta(hours=1),
                live=bool(position),
            )
        )
    return rows


def event_links(event_id: int, date: dt.datetime) -> list:
    """An event's reading and video links, as a mission's (one with every part and one without), the
    first video with a feature image."""
    rows = []
    for row in mission_links(event_id, date):
        row.mission_id, row.event_id = None, event_id
        row.url = row.url.replace("mission-", "event-")
        if isinstance(row, VidURL) and row.position == 0:  # a live stream's image on the dashboard
            row.feature_image = f"https://images.synthetic.invalid/stream-{event_id}.jpg"
        rows.append(row)
    return rows


EVENT_UPDATE_ID = DRESSED_ID  # beyond the launches' updates (generate_launches numbers them from 1)


def _events(generator) -> list:
    """Every part of ``EventEndpointDetailed`` on the dressed events (``generate_events``): links, two
    updates, the dressed launches, expeditions, stations, programs and astronauts (two of each, listed
    out of id order)."""
    rows = []
    launches = generator.launches.dressed[:2]
    for n, (event_id, date) in enumerate(generator.events.dressed):
        rows += event_links(event_id, date)
        for k in (1, 2):
            update_id = EVENT_UPDATE_ID + 2 * n + k
            rows.append(
                Update(
                    id=update_id,
                    event_id=event_id,
                    profile_image=f"https://images.synthetic.invalid/editor-{k}.png",
                    comment=f"{MARK} Event update {k}.",
                    info_url="https://updates.synthetic.invalid/" if k == 1 else None,
                    created_by="Synthetic Editor",
                    created_on=min(date, generator.events.anchor) - dt.timedelta(hours=k),
                )
            )
        rows += [Event.launches.through(event_id=event_id, launch_id=launch) for launch in launches]
        for relation, column in (
            (Event.expeditions, "expedition_id"),
            (Event.spacestations, "spacestation_id"),
            (Event.program, "program_id"),
            (Event.astronauts, "astronaut_id"),
        ):
            rows += [relation.through(event_id=event_id, **{column: pk}) for pk in (2, 1)]
    return rows


def _crews(generator, flight_ids: list[int]) -> list:
    """Astronauts in every crew of the dressed flights, with nationality and social media links."""
    rows = [
        AstronautStatus(id=1, name="Active"),
        AstronautStatus(id=2, name="Retired"),
        AstronautType(id=1, name="Government"),
        AstronautRole(id=1, role="Commander", priority=0),
        AstronautRole(id=2, role="Flight Engineer", priority=1),
    ]
    for astronaut_id in range(1, DRESSED + 1):
        name = f"{MARK} Astronaut {astronaut_id}"
        rows.append(
            Astronaut(
                id=astronaut_id,
                name=name,
                status_id=1 if astronaut_id % 2 else 2,
                agency_id=astronaut_id,
                image_id=generator.image(name, full=True),
                type_id=1,
                date_of_birth=dt.date(1960 + astronaut_id, 3, astronaut_id),
                bio=generator.description("astronaut"),
                wiki=f"https://wiki.synthetic.invalid/astronaut-{astronaut_id}",
            )
        )
        rows += [Astronaut.nationality.through(astronaut_id=astronaut_id, country_id=c) for c in (2, 1)]
        rows.append(Astronaut.social_media_links.through(astronaut_id=astronaut_id, socialmedialink_id=11))
    seat = 0
    for flight_id in flight_ids:
        seats = []
        for astronaut_id, role_id in ((2, 2), (1, 1), (3, 2)):
            seat += 1
            rows.append(AstronautFlight(id=seat, role_id=role_id, astronaut_id=astronaut_id))
            seats.append(seat)
        for crew, chosen in (
            ("launch_crew", seats),
            ("onboard_crew", seats[:2]),
            ("landing_crew", seats[1:]),
        ):
            through = getattr(SpacecraftFlight, crew).through
            rows += [through(spacecraftflight_id=flight_id, astronautflight_id=s) for s in chosen]
    return rows


IN_SPACE = 2  # astronauts per flight in space now


def _in_space(generator, flight_ids: list[int]) -> list:
    """Crews in space now: ``IN_SPACE`` astronauts in the launch and onboard crews of each flight that
    is (seats and astronauts numbered after the dressed ones)."""
    rows = []
    for n, flight_id in enumerate(flight_ids):
        for k in range(IN_SPACE):
            number = DRESSED + 1 + n * IN_SPACE + k
            name = f"{MARK} Astronaut {number}"
            rows += [
                Astronaut(
                    id=number,
                    name=name,
                    status_id=1,
                    agency_id=1 + number % DRESSED,
                    type_id=1,
                    date_of_birth=dt.date(1975 + number, 1 + number % 12, 1 + number % 28),
                    bio=generator.description("astronaut"),
                ),
                Astronaut.nationality.through(astronaut_id=number, country_id=1 + number % 2),
                AstronautFlight(id=DRESSED_ID + number, role_id=1 + k % 2, astronaut_id=number),
            ]
            for crew in ("launch_crew", "onboard_crew"):
                through = getattr(SpacecraftFlight, crew).through
                rows.append(through(spacecraftflight_id=flight_id, astronautflight_id=DRESSED_ID + number))
    return rows


EXPEDITIONS_PER_STATION = 3


def _expeditions(generator) -> list:
    """Expeditions on every station, the last of station 1 active now with the crews in space aboard;
    the first station owned by two agencies."""
    from hangar.ingest.generate_flights import STATIONS

    now = generator.flights.now
    rows = [SpaceStation.owners.through(spacestation_id=1, agency_id=a) for a in (2, 1)]
    crew = [
        DRESSED_ID + n
        for n in range(DRESSED + 1, DRESSED + 1 + IN_SPACE * len(generator.flights.ongoing_flights))
    ]
    for station_id in range(1, STATIONS + 1):
        for n in range(EXPEDITIONS_PER_STATION):
            expedition_id = (station_id - 1) * EXPEDITIONS_PER_STATION + n + 1
            current = station_id == 1 and n == EXPEDITIONS_PER_STATION - 1
            start = (
                now - dt.timedelta(days=60)
                if current
                else dt.datetime(1990 + 5 * n + station_id, 1, 1, tzinfo=dt.UTC)
            )
            rows.append(
                Expedition(
                    id=expedition_id,
                    name=f"{MARK} Expedition {expedition_id}",
                    start=start,
                    end=None if current else start + dt.timedelta(days=180),
                    spacestation_id=station_id,
                )
            )
            if expedition_id <= DRESSED:
                rows += [
                    Expedition.mission_patches.through(expedition_id=expedition_id, missionpatch_id=p)
                    for p in (2, 1)
                ]
            seats = crew if current else ([2, 1] if expedition_id == 1 else [])
            rows += [
                Expedition.crew.through(expedition_id=expedition_id, astronautflight_id=s) for s in seats
            ]
    return rows


def _spacewalks(generator, flights: list[tuple]) -> list:
    """A spacewalk on each dressed flight, a day after launch, by the first two seats of its crew
    (``_crews`` numbers the seats three per flight); every other one part of a dressed event, so the
    first page shows a walk with its event and one without."""
    rows = []
    events = [event_id for event_id, _ in generator.events.dressed]
    for n, (flight_id, _, _, net) in enumerate(flights):
        walk_id = n + 1
        start = net + dt.timedelta(days=1)
        rows += [
            Spacewalk(
                id=walk_id,
                name=f"{MARK} Spacewalk {walk_id}",
                start=start,
                end=start + dt.timedelta(hours=6, minutes=30),
                location="Outside the synthetic vehicle",
                spacecraft_flight_id=flight_id,
                spacestation_id=1 if n == 0 else None,
                expedition_id=1 if n == 0 else None,
                event_id=events[n] if n % 2 == 0 and n < len(events) else None,
            ),
            *(Spacewalk.crew.through(spacewalk_id=walk_id, astronautflight_id=3 * n + s) for s in (2, 1)),
            *(Spacewalk.program.through(spacewalk_id=walk_id, program_id=p) for p in (2, 1)),
        ]
    return rows


def _landings(flights: list[tuple]) -> set[int]:
    """Landings 2 and 3 end a first stage's and a payload's flight, so the landings list's first page
    shows each thing that lands (spacecraft flights share their ids with their landings): the second
    and third dressed flights swap landings with the first landed stage and payload. Returns the
    spacecraft whose statistics that changes."""
    landed = (
        FirstStage.objects.filter(landing__isnull=False).order_by("id").first(),
        PayloadFlight.objects.filter(landing__isnull=False).order_by("id").first(),
    )
    touched = set()
    for (flight_id, *_), other in zip(flights[1:3], landed, strict=False):
        if other is None:
            continue
        flight = SpacecraftFlight.objects.get(pk=flight_id)
        type(other).objects.filter(pk=other.pk).update(landing_id=flight.landing_id)
        SpacecraftFlight.objects.filter(pk=flight_id).update(landing_id=other.landing_id)
        touched.add(flight.spacecraft_id)
    return touched


def _dockings(generator, flights: list[tuple], rows: list) -> set[int]:
    """The first dressed flight docks to the second and to a payload flight, at ports on a spacecraft
    design and on a payload; returns the spacecraft whose statistics that changes."""
    if len(flights) < 2:
        return set()
    (chaser, launch_id, _, net), (target, _, _, _) = flights[0], flights[1]
    rows += [
        PayloadType(id=1, name="Cargo"),
        Payload(
            id=1,
            name=f"{MARK} Payload 1",
            type_id=1,
            manufacturer_id=1,
            operator_id=2,
            image_id=generator.image("payload", full=True),
            wiki_link="https://wiki.synthetic.invalid/payload-1",
            info_link="https://payload-1.synthetic.invalid/",
            mass=1200.5,
            cost=1_000_000,
            description=generator.description("payload"),
        ),
        *(Payload.program.through(payload_id=1, program_id=p) for p in (2, 1)),
        Landing(id=DRESSED_ID, attempt=False, description="", landing_location_id=1, type_id=1),
        PayloadFlight(
            id=1,
            destination="Low Earth Orbit",
            amount=1,
            payload_id=1,
            launch_id=launch_id,
            rocket_id=chaser,  # flights share their ids with their rockets
            landing_id=DRESSED_ID,
        ),
        # Ids 1 and 2, before the stations' ports (generate_flights.DRESSED_PORTS).
        DockingLocation(id=1, name=f"{MARK} Forward port", spacecraft_id=1),
        DockingLocation(id=2, name=f"{MARK} Payload port", payload_id=1),
    ]
    hour = dt.timedelta(hours=1)
    for n, target_ids in enumerate(({"flight_vehicle_target_id": target}, {"payload_flight_target_id": 1})):
        rows.append(
            DockingEvent(
                id=DRESSED_ID + n,
                flight_vehicle_chaser_id=chaser,
                docking=net + (2 * n + 1) * hour,
                departure=net + (2 * n + 2) * hour,
                docking_location_id=1 + n,
                **target_ids,
            )
        )
    # The other two kinds of chaser, a station and the payload flight, before any flight docks
    # (generate_launches.EPOCH and the days before it, where the dressed crewed flights dock to a
    # station and a flight): the docking events list's first four show every chaser and target shape.
    # The chasing payload flight is the first dressed launch's (generate_launches numbers them from
    # ID_BASE + 1), so the launches list's first page nests a payload's docking events too.
    from hangar.ingest.generate_launches import ID_BASE

    early = dt.datetime(1957, 9, 1, tzinfo=dt.UTC)
    others = (
        ({"space_station_chaser_id": 2}, {"payload_flight_target_id": 1}, 2),
        ({"payload_flight_chaser_id": ID_BASE + 1}, {"flight_vehicle_target_id": target}, 1),
    )
    for n, (chaser_ids, target_ids, port) in enumerate(others):
        rows.append(
            DockingEvent(
                id=DRESSED_ID + 2 + n,
                docking=early + 2 * n * hour,
                departure=early + (2 * n + 1) * hour,
                docking_location_id=port,
                **chaser_ids,
                **target_ids,
            )
        )
    return {1}
