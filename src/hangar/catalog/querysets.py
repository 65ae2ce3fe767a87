"""Querysets named for the shape they load: each method selects exactly what one serializer reads.

The rule (pinned by tests): the number of queries for a page never grows with the page size. Foreign
keys are joined (``select_related``); to-many relations are prefetched once per page.
"""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch


def _path(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


def image_related(prefix: str) -> tuple[list, list]:
    """Joins and prefetches that render the ``Image`` at ``prefix`` (license, variants and their type)."""
    return [_path(prefix, "license")], [_path(prefix, "variants__type")]


def agency_mini_related(prefix: str) -> tuple[list, list]:
    return [_path(prefix, "type")], []


def agency_normal_related(prefix: str) -> tuple[list, list]:
    joins = [_path(prefix, "type"), _path(prefix, "parent")]
    prefetches = [_path(prefix, "country")]
    for image in ("image", "logo", "social_logo"):
        j, p = image_related(_path(prefix, image))
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
    return joins, [*prefetches, Prefetch(_path(prefix, "social_media_links"), queryset=links)]


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
        return [], [Prefetch(_path(prefix, "families"), queryset=launcher_family_queryset(detailed=False))]
    joins, prefetches = image_related(_path(prefix, "image"))
    prefetches += [
        Prefetch(_path(prefix, "families"), queryset=launcher_family_queryset(detailed=True)),
        Prefetch(_path(prefix, "program"), queryset=program_queryset()),
    ]
    if shape == "detailed":
        aj, ap = agency_detailed_related(_path(prefix, "manufacturer"))
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
    joins, prefetches = image_related(_path(prefix, "image"))
    joins.append(_path(prefix, "type"))
    aj, ap = (agency_normal_related if detailed else agency_mini_related)(_path(prefix, "agency"))
    joins += aj
    prefetches += ap
    prefetches.append(Prefetch(_path(prefix, "family"), queryset=family_queryset(detailed)))
    return joins, prefetches


class SpacecraftQuerySet(models.QuerySet):
    def _loaded(self, detailed: bool):
        joins, prefetches = image_related("image")
        cj, cp = config_related("spacecraft_config", detailed=detailed)
        return self.select_related("status", *joins, *cj).prefetch_related(*prefetches, *cp)

    def for_list(self):
        """Everything ``SpacecraftNormal`` reads."""
        return self._loaded(detailed=False)

    def for_detail(self):
        """Everything ``SpacecraftEndpointDetailed`` reads (its flights are added by the flights module)."""
        return self._loaded(detailed=True)


class SpacecraftConfigQuerySet(models.QuerySet):
    def for_list(self):
        """Everything ``SpacecraftConfigNormal`` reads."""
        joins, prefetches = config_related("", detailed=False)
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_detail(self):
        """Everything ``SpacecraftConfigDetailed`` reads."""
        joins, prefetches = config_related("", detailed=True)
        return self.select_related(*joins).prefetch_related(*prefetches)


class SpacecraftConfigFamilyQuerySet(models.QuerySet):
    def for_mini(self):
        """Everything ``SpacecraftConfigFamilyMini`` reads: the family's own columns."""
        return self

    def for_normal(self):
        """Everything ``SpacecraftConfigFamilyNormal`` reads."""
        return self.select_related("manufacturer__type", "parent")

    def for_detail(self):
        """Everything ``SpacecraftConfigFamilyEndpointDetailed`` reads, its configurations in id order."""
        Config = apps.get_model("catalog", "SpacecraftConfig")
        joins, prefetches = agency_normal_related("manufacturer")
        configs = Prefetch("configs", queryset=Config.objects.for_list().order_by("id"))
        return self.select_related(*joins, "parent__manufacturer__type", "parent__parent").prefetch_related(
            *prefetches, configs
        )


class AgencyQuerySet(models.QuerySet):
    def for_mini(self):
        """Everything ``AgencyMini`` reads."""
        joins, _ = agency_mini_related("")
        return self.select_related(*joins)

    def for_normal(self):
        """Everything ``AgencyNormal`` reads."""
        joins, prefetches = agency_normal_related("")
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_detailed(self):
        """Everything ``AgencyDetailed`` reads."""
        joins, prefetches = agency_detailed_related("")
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_endpoint_detailed(self):
        """Everything ``AgencyEndpointDetailed`` reads: ``AgencyDetailed`` and the agency's launcher and
        spacecraft configurations (each in id order)."""
        LauncherConfig = apps.get_model("catalog", "LauncherConfig")
        SpacecraftConfig = apps.get_model("catalog", "SpacecraftConfig")
        launchers = LauncherConfig.objects.for_no_manufacturer().order_by("id")
        spacecraft = SpacecraftConfig.objects.for_detail().order_by("id")
        return self.for_detailed().prefetch_related(
            Prefetch("launcher_configs", queryset=launchers),
            Prefetch("spacecraft_configs", queryset=spacecraft),
        )


class LauncherConfigQuerySet(models.QuerySet):
    def _loaded(self, shape: str):
        joins, prefetches = launcher_config_related("", shape)
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_list(self):
        """Everything ``LauncherConfigList`` reads."""
        return self._loaded("list")

    def for_no_manufacturer(self):
        """Everything ``LauncherConfigDetailedSerializerNoManufacturer`` reads."""
        return self._loaded("no_manufacturer")

    def for_detail(self):
        """Everything ``LauncherConfigDetailed`` reads."""
        return self._loaded("detailed")


class LauncherConfigFamilyQuerySet(models.QuerySet):
    def for_detail(self):
        """Everything ``LauncherConfigFamilyDetailed`` reads."""
        joins, prefetches = launcher_family_related(detailed=True)
        return self.select_related(*joins).prefetch_related(*prefetches)


class ProgramQuerySet(models.QuerySet):
    def for_normal(self):
        """Everything ``ProgramNormal`` reads."""
        joins, prefetches = program_related()
        return self.select_related(*joins).prefetch_related(*prefetches)
