"""Catalog models, one module per family of real-world things; import them from here."""

from hangar.catalog.models.agency import (
    AGENCY_STATS,
    Agency,
    AgencyType,
    Country,
    SocialMedia,
    SocialMediaLink,
)
from hangar.catalog.models.astronaut import (
    Astronaut,
    AstronautFlight,
    AstronautRole,
    AstronautStatus,
    AstronautType,
)
from hangar.catalog.models.flight import (
    DockingEvent,
    DockingLocation,
    Landing,
    LandingType,
    Payload,
    PayloadFlight,
    PayloadType,
    SpacecraftFlight,
)
from hangar.catalog.models.image import Image, ImageLicense, ImageVariant, ImageVariantType
from hangar.catalog.models.launch import (
    InfoURL,
    InfoURLType,
    Language,
    Launch,
    LaunchStatus,
    Mission,
    NetPrecision,
    Orbit,
    Rocket,
    VidURL,
    VidURLType,
)
from hangar.catalog.models.launcher import LAUNCH_STATS, LauncherConfig, LauncherConfigFamily
from hangar.catalog.models.location import CelestialBody, CelestialBodyType, LandingLocation, Location, Pad
from hangar.catalog.models.program import MissionPatch, Program, ProgramType
from hangar.catalog.models.spacecraft import (
    CONFIG_STATS,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)
from hangar.catalog.models.spacewalk import Spacewalk
from hangar.catalog.models.station import SpaceStation, SpaceStationStatus, SpaceStationType
from hangar.catalog.models.version import DataVersion

__all__ = [
    "AGENCY_STATS",
    "CONFIG_STATS",
    "LAUNCH_STATS",
    "Agency",
    "AgencyType",
    "Astronaut",
    "AstronautFlight",
    "AstronautRole",
    "AstronautStatus",
    "AstronautType",
    "CelestialBody",
    "CelestialBodyType",
    "Country",
    "DataVersion",
    "DockingEvent",
    "DockingLocation",
    "Image",
    "ImageLicense",
    "ImageVariant",
    "ImageVariantType",
    "InfoURL",
    "InfoURLType",
    "Landing",
    "LandingLocation",
    "LandingType",
    "Language",
    "Launch",
    "LaunchStatus",
    "LauncherConfig",
    "LauncherConfigFamily",
    "Location",
    "Mission",
    "MissionPatch",
    "NetPrecision",
    "Orbit",
    "Pad",
    "Payload",
    "PayloadFlight",
    "PayloadType",
    "Program",
    "ProgramType",
    "Rocket",
    "SocialMedia",
    "SocialMediaLink",
    "SpaceStation",
    "SpaceStationStatus",
    "SpaceStationType",
    "Spacecraft",
    "SpacecraftConfig",
    "SpacecraftConfigFamily",
    "SpacecraftConfigType",
    "SpacecraftFlight",
    "SpacecraftStatus",
    "Spacewalk",
    "VidURL",
    "VidURLType",
]
