"""What each catalog shape reads, as (joins, prefetches) for a relation path prefix.

Composable so that a shape nested anywhere (an agency inside a family inside a configuration) is loaded
by the one function that knows that shape.
"""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch


def rel_path(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


def image_related(prefix: str) -> tuple[list, list]:
    """Joins and prefetches that render the ``Image`` at ``prefix`` (license, variants and their type)."""
    return [rel_path(prefix, "license")], [rel_path(prefix, "variants__type")]


def agency_mini_related(prefix: str) -> tuple[list, list]:
    return [rel_path(prefix, "type")], []


def agency_normal_related(prefix: str) -> tuple[list, list]:
    joins = [rel_path(prefix, "type"), rel_path(prefix, "parent")]
    prefetches = [rel_path(prefix, "country")]
    for image in ("image", "logo", "social_logo"):
        j, p = image_related(rel_path(prefix, image))
        joins += j
        prefetches += p
    return joins, prefetches


def agency_detailed_related(prefix: str) -> tuple[list, list]:
    """``AgencyNormal`` plus its social media links (each with its network and logo)."""
    joins, prefetches = agency_normal_related(prefix)
    Link = apps.get_model("catalog", "SocialMediaLink")
    links = Link.objects.select_related("social_media__logo__license").prefetch_related(
        "social_media__logo__variants__type"
    )
    return joins, [*prefetches, Prefetch(rel_path(prefix, "social_media_links"), queryset=links)]


AGENCY_SHAPES = {
    "mini": agency_mini_related,
    "normal": agency_normal_related,
    "detailed": agency_detailed_related,
}


def agency_queryset(shape: str) -> models.QuerySet:
    """Agencies reached through a to-many relation, loaded for ``shape`` (mini, normal or detailed)."""
    joins, prefetches = AGENCY_SHAPES[shape]("")
    return apps.get_model("catalog", "Agency").objects.select_related(*joins).prefetch_related(*prefetches)


def program_related() -> tuple[list, list]:
    """Joins and prefetches that ``ProgramNormal`` reads (agencies, mission patches, type, image)."""
    Patch = apps.get_model("catalog", "MissionPatch")
    joins, prefetches = image_related("image")
    return ["type", *joins], [
        *prefetches,
        Prefetch("agencies", queryset=agency_queryset("mini")),
        Prefetch("mission_patches", queryset=Patch.objects.select_related("agency__type")),
    ]


def program_queryset() -> models.QuerySet:
    joins, prefetches = program_related()
    return apps.get_model("catalog", "Program").objects.select_related(*joins).prefetch_related(*prefetches)


def launcher_family_related(detailed: bool) -> tuple[list, list]:
    """Joins and prefetches that ``LauncherConfigFamilyMini`` or ``…Detailed`` read."""
    if not detailed:
        return [], []
    return ["parent__parent"], [
        Prefetch("manufacturer", queryset=agency_queryset("detailed")),
        Prefetch("parent__manufacturer", queryset=agency_queryset("normal")),
    ]


def launcher_family_queryset(detailed: bool) -> models.QuerySet:
    joins, prefetches = launcher_family_related(detailed)
    Family = apps.get_model("catalog", "LauncherConfigFamily")
    return Family.objects.select_related(*joins).prefetch_related(*prefetches)


def launcher_config_related(prefix: str, shape: str) -> tuple[list, list]:
    """Joins and prefetches for a launcher configuration in ``shape``: ``list`` (``LauncherConfigList``),
    ``no_manufacturer`` (``LauncherConfigDetailedSerializerNoManufacturer``) or ``detailed``."""
    if shape == "list":
        return [], [Prefetch(rel_path(prefix, "families"), queryset=launcher_family_queryset(detailed=False))]
    joins, prefetches = image_related(rel_path(prefix, "image"))
    prefetches += [
        Prefetch(rel_path(prefix, "families"), queryset=launcher_family_queryset(detailed=True)),
        Prefetch(rel_path(prefix, "program"), queryset=program_queryset()),
    ]
    if shape == "detailed":
        aj, ap = agency_detailed_related(rel_path(prefix, "manufacturer"))
        joins += aj
        prefetches += ap
    return joins, prefetches


def family_queryset(detailed: bool) -> models.QuerySet:
    """The families of a configuration, as ``SpacecraftConfigFamilyNormal`` or ``…Detailed`` read them."""
    Family = apps.get_model("catalog", "SpacecraftConfigFamily")
    if not detailed:
        return Family.objects.select_related("manufacturer__type", "parent")
    joins, prefetches = agency_normal_related("manufacturer")
    return Family.objects.select_related(
        *joins, "parent__manufacturer__type", "parent__parent"
    ).prefetch_related(*prefetches)


def config_related(prefix: str, detailed: bool) -> tuple[list, list]:
    """Joins and prefetches for a ``SpacecraftConfigNormal``/``Detailed`` reached through ``prefix``."""
    joins, prefetches = image_related(rel_path(prefix, "image"))
    joins.append(rel_path(prefix, "type"))
    aj, ap = (agency_normal_related if detailed else agency_mini_related)(rel_path(prefix, "agency"))
    joins += aj
    prefetches += ap
    prefetches.append(Prefetch(rel_path(prefix, "family"), queryset=family_queryset(detailed)))
    return joins, prefetches
