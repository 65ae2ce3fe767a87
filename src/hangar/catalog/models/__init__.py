"""Catalog models, one module per family of real-world things; import them from here."""

from hangar.catalog.models.agency import Agency, AgencyType, Country, SocialMedia, SocialMediaLink
from hangar.catalog.models.image import Image, ImageLicense, ImageVariant, ImageVariantType
from hangar.catalog.models.launcher import LauncherConfig, LauncherConfigFamily
from hangar.catalog.models.program import MissionPatch, Program, ProgramType
from hangar.catalog.models.spacecraft import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)

__all__ = [
    "Agency",
    "AgencyType",
    "Country",
    "Image",
    "ImageLicense",
    "ImageVariant",
    "ImageVariantType",
    "LauncherConfig",
    "LauncherConfigFamily",
    "MissionPatch",
    "Program",
    "ProgramType",
    "SocialMedia",
    "SocialMediaLink",
    "Spacecraft",
    "SpacecraftConfig",
    "SpacecraftConfigFamily",
    "SpacecraftConfigType",
    "SpacecraftStatus",
]
