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
