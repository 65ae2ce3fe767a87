"""Specs of flights and everything they nest (detailed spacecraft, spacecraft_flights): pads, missions,
landings, dockings, astronauts, stations, payloads. Launches and their rockets: ``resources.launches``.

A flight's ``duration`` and ``turn_around_time`` are derived (``catalog.stats``), so they are not read.
"""

from hangar.ingest.spec import (
    Field,
    children,
    fk,
    m2m,
    mention,
    owned,
    register,
    reverse_fk,
    reverse_one,
    scalar,
)

register("CelestialBodyType", "catalog.CelestialBodyType", scalar("name", "str"))
register(
    "CelestialBody",
    "catalog.CelestialBody",
    scalar("name", "str", required=True),
    fk("type", "CelestialBodyType"),
    scalar("diameter", "float", null=True),
    scalar("mass", "float", null=True),
    scalar("gravity", "float", null=True),
    scalar("length_of_day", "str", null=True),
    scalar("atmosphere", "bool"),
    fk("image", "Image"),
    scalar("description", "str", null=True),
    scalar("wiki_url", "str", null=True),
    *(
        scalar(k, "int")
        for k in (
            "total_attempted_launches",
            "successful_launches",
            "failed_launches",
            "total_attempted_landings",
            "successful_landings",
            "failed_landings",
        )
    ),
    # CelestialBodyEndpointDetailed's locations (which omit the body): each is set to this body.
    reverse_fk("locations", "Location", attr="celestial_body"),
)
LOCATION_FIELDS = (
    scalar("name", "str"),
    scalar("active", "bool"),
    fk("country", "Country", null=True),
    scalar("description", "str", null=True),
    fk("image", "Image", null=True),
    scalar("map_image", "str", null=True),
    scalar("longitude", "float", null=True),
    scalar("latitude", "float", null=True),
    scalar("timezone_name", "str"),
    scalar("total_launch_count", "int", null=True),
    scalar("total_landing_count", "int", null=True),
)
# A landing location's `location` comes without its celestial body: the stored one (if any) is kept.
# LocationSerializerWithPads' pads omit their location: each is set to this one, none is deleted.
register(
    "Location",
    "catalog.Location",
    fk("celestial_body", "CelestialBody"),
    *LOCATION_FIELDS,
    reverse_fk("pads", "Pad", attr="location"),
)
register(
    "Pad",
    "catalog.Pad",
    scalar("active", "bool"),
    m2m("agencies", "Agency"),
    scalar("name", "str"),
    fk("image", "Image", null=True),
    scalar("description", "str", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("map_url", "str", null=True),
    scalar("latitude", "float", null=True),
    scalar("longitude", "float", null=True),
    fk("country", "Country", null=True),
    scalar("map_image", "str", null=True),
    scalar("total_launch_count", "int", null=True),
    scalar("orbital_launch_attempt_count", "int", null=True),
    scalar("fastest_turnaround", "duration", null=True),
    fk("location", "Location", null=True),
)
register(
    "LandingLocation",
    "catalog.LandingLocation",
    scalar("name", "str"),
    scalar("active", "bool"),
    scalar("abbrev", "str"),
    scalar("description", "str", null=True),
    fk("location", "Location", required=True),
    scalar("longitude", "float", null=True),
    scalar("latitude", "float", null=True),
    fk("image", "Image", null=True),
    scalar("successful_landings", "int", null=True),
    scalar("attempted_landings", "int", null=True),
    scalar("failed_landings", "int", null=True),
    fk("celestial_body", "CelestialBody", required=True),
)
register(
    "LandingType",
    "catalog.LandingType",
    scalar("name", "str"),
    scalar("abbrev", "str"),
    scalar("description", "str", null=True),
)
register(
    "Landing",
    "catalog.Landing",
    scalar("attempt", "bool"),
    scalar("success", "bool", null=True),
    scalar("description", "str"),
    scalar("downrange_distance", "float", null=True),
    fk("landing_location", "LandingLocation", required=True),
    fk("type", "LandingType", required=True),
    # LandingEndpoint*: what landed here, in its flight's shape without the landing (this one).
    reverse_one("firststage", "FirstStage", attr="landing"),
    reverse_one("spacecraftflight", "SpacecraftFlight", attr="landing"),
    reverse_one("payloadflight", "PayloadFlight", attr="landing"),
)
register(
    "LaunchStatus",
    "catalog.LaunchStatus",
    scalar("name", "str", required=True),
    scalar("abbrev", "str"),
    scalar("description", "str"),
)
register(
    "NetPrecision",
    "catalog.NetPrecision",
    scalar("name", "str"),
    scalar("abbrev", "str"),
    scalar("description", "str"),
)
register(
    "Orbit",
    "catalog.Orbit",
    scalar("name", "str", required=True),
    scalar("abbrev", "str", required=True),
    fk("celestial_body", "CelestialBody", required=True),
)
register("InfoURLType", "catalog.InfoURLType", scalar("name", "str", required=True))
register("VidURLType", "catalog.VidURLType", scalar("name", "str", required=True))
register(
    "Language", "catalog.Language", scalar("name", "str", required=True), scalar("code", "str", required=True)
)
LINK_FIELDS = (
    scalar("priority", "int"),
    scalar("source", "str", null=True),
    scalar("title", "str", null=True),
    scalar("description", "str", null=True),
    scalar("feature_image", "str", null=True),
    scalar("url", "str", required=True),
)
register(
    "InfoURL",
    "catalog.InfoURL",
    *LINK_FIELDS,
    fk("type", "InfoURLType", null=True),
    fk("language", "Language", null=True),
)
register(
    "VidURL",
    "catalog.VidURL",
    *LINK_FIELDS,
    scalar("publisher", "str", null=True),
    fk("type", "VidURLType", null=True),
    fk("language", "Language", null=True),
    scalar("start_time", "datetime", null=True),
    scalar("end_time", "datetime", null=True),
    scalar("live", "bool"),
)
register(
    "Mission",
    "catalog.Mission",
    scalar("name", "str", required=True),
    scalar("type", "str"),
    scalar("description", "str"),
    fk("image", "Image", null=True),
    fk("orbit", "Orbit", required=True),
    m2m("agencies", "Agency"),
    owned("info_urls", "InfoURL", parent_attr="mission"),
    owned("vid_urls", "VidURL", parent_attr="mission"),
)
register("AstronautStatus", "catalog.AstronautStatus", scalar("name", "str", required=True))
register("AstronautType", "catalog.AstronautType", scalar("name", "str", required=True))
register(
    "AstronautRole", "catalog.AstronautRole", scalar("role", "str", required=True), scalar("priority", "int")
)
register(
    "Astronaut",
    "catalog.Astronaut",
    scalar("name", "str", required=True),
    fk("status", "AstronautStatus", required=True),
    fk("agency", "Agency", null=True),
    fk("image", "Image", null=True),
    fk("type", "AstronautType", on_create=True),  # AstronautNormal (in events) has no type
    scalar("in_space", "bool"),
    scalar("time_in_space", "duration", null=True),
    scalar("eva_time", "duration"),
    scalar("age", "int", null=True),
    scalar("date_of_birth", "date", null=True),
    scalar("date_of_death", "date", null=True),
    m2m("nationality", "Country"),
    scalar("bio", "str"),
    scalar("wiki", "str", null=True),
    scalar("last_flight", "datetime", null=True),
    scalar("first_flight", "datetime", null=True),
    m2m("social_media_links", "SocialMediaLink"),
    scalar("flights_count", "int", null=True),
    scalar("landings_count", "int", null=True),
    scalar("spacewalks_count", "int", null=True),
    # Stored as given while none of the astronaut's seats is; derived from them after (catalog.stats.people).
    Field("flights", "m2m", "Launch", attr="launches"),
    m2m("landings", "SpacecraftFlight"),
    m2m("spacewalks", "Spacewalk"),
)
register(
    "AstronautFlight",
    "catalog.AstronautFlight",
    fk("role", "AstronautRole", required=True),
    fk("astronaut", "Astronaut", required=True),
)
register(
    "Spacewalk",
    "catalog.Spacewalk",
    scalar("name", "str", required=True),
    scalar("start", "datetime", null=True),
    scalar("end", "datetime", null=True),
    scalar("duration", "duration", null=True),
    scalar("location", "str", null=True),
    m2m("crew", "AstronautFlight"),
    fk("spacestation", "SpaceStation", null=True),
    fk("expedition", "Expedition", null=True),
    fk("spacecraft_flight", "SpacecraftFlight", null=True),
    # EventMini/EventNormal lack what an event is stored with (its type, its slug): the event comes
    # from /events/, and a spacewalk imported before it waits for it (ingest.models.PendingLink).
    mention("event", "Event"),
    m2m("program", "Program"),
)
register("SpaceStationStatus", "catalog.SpaceStationStatus", scalar("name", "str", required=True))
register("SpaceStationType", "catalog.SpaceStationType", scalar("name", "str", required=True))
register(
    "SpaceStation",
    "catalog.SpaceStation",
    scalar("name", "str", required=True),
    fk("image", "Image", null=True),
    fk("status", "SpaceStationStatus"),
    scalar("founded", "date"),
    scalar("deorbited", "date", null=True),
    scalar("description", "str"),
    scalar("orbit", "str", null=True),
    fk("type", "SpaceStationType"),
    m2m("owners", "Agency"),
    scalar("height", "float", null=True),
    scalar("width", "float", null=True),
    scalar("mass", "float", null=True),
    scalar("volume", "int", null=True),
    # Derived from stored expeditions and dockings once there are any (catalog.stats.stations).
    scalar("onboard_crew", "int", null=True),
    scalar("docked_vehicles", "int", null=True),
    # Each is on this station; whether it is active is derived (catalog.stats.stations).
    reverse_fk("active_expeditions", "Expedition", attr="spacestation"),
    reverse_fk("docking_location", "DockingLocation", attr="spacestation"),
)
register(
    "Expedition",
    "catalog.Expedition",
    scalar("name", "str", required=True),
    scalar("start", "datetime", required=True),
    scalar("end", "datetime", null=True),
    fk("spacestation", "SpaceStation", on_create=True),
    m2m("mission_patches", "MissionPatch"),
    reverse_fk("spacewalks", "Spacewalk", attr="expedition"),
    m2m("crew", "AstronautFlight"),
)
register("PayloadType", "catalog.PayloadType", scalar("name", "str"))
register(
    "Payload",
    "catalog.Payload",
    scalar("name", "str"),
    fk("type", "PayloadType", required=True),
    fk("manufacturer", "Agency", required=True),
    fk("operator", "Agency", required=True),
    fk("image", "Image", null=True),
    scalar("wiki_link", "str"),
    scalar("info_link", "str"),
    m2m("program", "Program"),
    scalar("cost", "int", null=True),
    scalar("mass", "float", null=True),
    scalar("description", "str"),
)
register(
    "PayloadFlight",
    "catalog.PayloadFlight",
    scalar("destination", "str", null=True),
    scalar("amount", "int"),
    fk("payload", "Payload", required=True),
    # Absent from RocketDetailed.payloads: the launch whose rocket lists the flight (ingest.load).
    fk("launch", "Launch", on_create=True),
    # Upstream answers null for a payload that was not recovered (Sputnik 1): an erratum of its file.
    fk("landing", "Landing", null=True),
    # PayloadFlightDetailed's (and LaunchDetailed's rocket payloads'): the dockings it made as chaser.
    children("docking_events", "DockingEvent", parent_attr="payload_flight_chaser"),
)
register(
    "DockingLocation",
    "catalog.DockingLocation",
    scalar("name", "str", required=True),
    fk("spacestation", "SpaceStation", null=True),
    fk("spacecraft", "SpacecraftConfig", null=True),
    fk("payload", "Payload", null=True),
)
register(
    "DockingEvent",
    "catalog.DockingEvent",
    scalar("docking", "datetime", required=True),
    scalar("departure", "datetime", null=True),
    fk("docking_location", "DockingLocation", required=True),
    fk("space_station_target", "SpaceStation", null=True),
    fk("flight_vehicle_target", "SpacecraftFlight", null=True),
    fk("payload_flight_target", "PayloadFlight", null=True),
    # The docking events endpoint's chasers (a flight's own docking_events set its chaser to it).
    fk("flight_vehicle_chaser", "SpacecraftFlight", null=True),
    fk("space_station_chaser", "SpaceStation", null=True),
    fk("payload_flight_chaser", "PayloadFlight", null=True),
)
register(
    "SpacecraftFlight",
    "catalog.SpacecraftFlight",
    scalar("destination", "str", null=True),
    scalar("mission_end", "datetime", null=True),
    fk("spacecraft", "Spacecraft", required=True),
    # Absent from RocketDetailed.spacecraft_stage: the launch whose rocket lists the flight (ingest.load).
    fk("launch", "Launch", on_create=True),
    # Non-null in the official file (SpacecraftFlightNormal.landing); absent from the landings
    # endpoint's …NoLanding shapes, whose landing is the object that nests them.
    fk("landing", "Landing", on_create=True),
    m2m("launch_crew", "AstronautFlight"),
    m2m("onboard_crew", "AstronautFlight"),
    m2m("landing_crew", "AstronautFlight"),
    children("docking_events", "DockingEvent", parent_attr="flight_vehicle_chaser"),
)
