"""Every upstream resource Hangar imports: importing this package registers all specs."""

from hangar.ingest.resources import catalog, dashboard, events, flights, launches  # noqa: F401  (registers the specs)

# Endpoint path (after /2.3.0/) → spec, to recognise what a file holds from its objects' ``url``.
ENDPOINTS: dict[str, str] = {
    "agencies": "Agency",
    "launcher_configurations": "LauncherConfig",
    "launchers": "Launcher",
    "launcher_configuration_families": "LauncherConfigFamily",
    "mission_patches": "MissionPatch",
    "programs": "Program",
    "config/program_types": "ProgramType",
    "spacecraft": "Spacecraft",
    "spacecraft_configurations": "SpacecraftConfig",
    "spacecraft_configuration_families": "SpacecraftConfigFamily",
    "config/spacecraft_statuses": "SpacecraftStatus",
    "config/spacecraft_configuration_types": "SpacecraftConfigType",
    "spacecraft_flights": "SpacecraftFlight",
    "launches": "Launch",
    "updates": "Update",
    "landings": "Landing",
    "astronauts": "Astronaut",
    "config/astronaut_roles": "AstronautRole",
    "config/astronaut_statuses": "AstronautStatus",
    "config/astronaut_types": "AstronautType",
    "spacewalks": "Spacewalk",
    "space_stations": "SpaceStation",
    "expeditions": "Expedition",
    "config/space_station_statuses": "SpaceStationStatus",
    "config/docking_locations": "DockingLocation",
    "docking_events": "DockingEvent",
    "pads": "Pad",
    "locations": "Location",
    "celestial_bodies": "CelestialBody",
    "payloads": "Payload",
    "payload_flights": "PayloadFlight",
    "config/agency_types": "AgencyType",
    "config/celestial_body_types": "CelestialBodyType",
    "config/countries": "Country",
    "config/image_licenses": "ImageLicense",
    "config/image_variant_types": "ImageVariantType",
    "config/infourl_types": "InfoURLType",
    "config/landing_locations": "LandingLocation",
    "config/landing_types": "LandingType",
    "config/languages": "Language",
    "config/launch_statuses": "LaunchStatus",
    "config/launcher_statuses": "LauncherStatus",
    "config/mission_types": "MissionType",
    "config/first_stage_types": "FirstStageType",
    "config/timeline_event_types": "TimelineEventType",
    "config/net_precisions": "NetPrecision",
    "config/orbits": "Orbit",
    "config/payload_types": "PayloadType",
    "config/vidurl_types": "VidURLType",
    "events": "Event",
    "config/event_types": "EventType",
    "config/notice_types": "NoticeType",
    "config/road_closure_statuses": "RoadClosureStatus",
}

PAYLOAD_MINI_KEYS = ("response_mode", "id", "name", "type", "manufacturer", "operator", "image")
# PayloadNormal's and PayloadDetailed's (the same keys).
PAYLOAD_KEYS = (*PAYLOAD_MINI_KEYS, "wiki_link", "info_link", "program", "cost", "mass", "description")

# Upstream shapes that carry no ``url`` but whose key set is theirs alone: recognised by it, so a saved
# /updates/, /mission_patches/ or /payloads/ page or object imports without --kind (lookups' {id, name}
# need it).
SHAPES: dict[frozenset[str], str] = {
    frozenset(("id", "profile_image", "comment", "info_url", "created_by", "created_on")): "Update",
    frozenset(("id", "name", "priority", "image_url", "agency", "response_mode")): "MissionPatch",
    frozenset(PAYLOAD_MINI_KEYS): "Payload",
    frozenset(PAYLOAD_KEYS): "Payload",
}
