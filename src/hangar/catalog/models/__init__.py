"""Catalog models, one module per family of real-world things; import them from here."""

from hangar.catalog.models.agency import Agency, AgencyType, Country
from hangar.catalog.models.image import Image, ImageLicense, ImageVariant, ImageVariantType
from hangar.catalog.models.spacecraft import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)
from hangar.catalog.models.version import DataVersion

__all__ = [
    "Agency",
    "AgencyType",
    "Country",
    "DataVersion",
    "Image",
    "ImageLicense",
    "ImageVariant",
    "ImageVariantType",
    "Spacecraft",
    "SpacecraftConfig",
    "SpacecraftConfigFamily",
    "SpacecraftConfigType",
    "SpacecraftStatus",
]
