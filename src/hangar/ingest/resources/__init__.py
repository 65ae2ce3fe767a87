"""Every upstream resource Hangar imports: importing this package registers all specs."""

from hangar.ingest.resources import catalog, flights  # noqa: F401  (registers the specs)

# Endpoint path (after /2.3.0/) → spec, to recognise what a file holds from its objects' ``url``.
ENDPOINTS: dict[str, str] = {
    "agencies": "Agency",
    "launcher_configurations": "LauncherConfig",
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
    "landings": "Landing",
    "astronauts": "Astronaut",
    "config/astronaut_roles": "AstronautRole",
    "config/astronaut_statuses": "AstronautStatus",
    "config/astronaut_types": "AstronautType",
    "spacewalks": "Spacewalk",
    "space_stations": "SpaceStation",
    "pads": "Pad",
    "locations": "Location",
    "payload_flights": "PayloadFlight",
}
