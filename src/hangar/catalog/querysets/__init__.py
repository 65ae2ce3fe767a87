"""Querysets named for the shape they load: each method selects exactly what one serializer reads.

The rule (pinned by tests): the number of queries for a page never grows with the page size. Foreign
keys are joined (``select_related``); to-many relations are prefetched once per page.
"""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch

from hangar.catalog.querysets.flight_related import (
    as_prefetch,
    astronaut_flight_queryset,
    astronaut_related,
    docking_event_related,
    flight_normal_related,
    landing_location_related,
    landing_related,
    launch_normal_related,
    location_related,
    merge_related,
    pad_related,
    payload_flight_normal_related,
    space_station_related,
)
from hangar.catalog.querysets.related import (
    agency_detailed_related,
    agency_mini_related,
    agency_normal_related,
    config_related,
    image_related,
    launcher_config_related,
    launcher_family_related,
    program_related,
)

# The order a spacecraft lists its flights in (``SpacecraftEndpointDetailed.flights``).
FLIGHTS_IN_LAUNCH_ORDER = ("launch__net", "id")


class SpacecraftQuerySet(models.QuerySet):
    def _loaded(self, detailed: bool):
        joins, prefetches = image_related("image")
        cj, cp = config_related("spacecraft_config", detailed=detailed)
        return self.select_related("status", *joins, *cj).prefetch_related(*prefetches, *cp)

    def for_list(self):
        """Everything ``SpacecraftNormal`` reads."""
        return self._loaded(detailed=False)

    def for_detail(self):
        """Everything ``SpacecraftDetailed`` reads (the configuration as ``SpacecraftConfigDetailed``)."""
        return self._loaded(detailed=True)

    def for_detail_with_flights(self):
        """Everything ``SpacecraftEndpointDetailed`` reads: ``for_detail`` and its flights by launch."""
        Flight = apps.get_model("catalog", "SpacecraftFlight")
        return self.for_detail().prefetch_related(
            Prefetch("flights", queryset=Flight.objects.for_spacecraft())
        )


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


class SpacecraftFlightQuerySet(models.QuerySet):
    def for_list(self):
        """Everything ``SpacecraftFlightNormal`` reads."""
        joins, prefetches = flight_normal_related("")
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_detail(self):
        """Everything ``SpacecraftFlightDetailed`` reads."""
        DockingEvent = apps.get_model("catalog", "DockingEvent")
        craft_joins, craft_prefetches = merge_related(
            image_related("spacecraft__image"), config_related("spacecraft__spacecraft_config", detailed=True)
        )
        joins, prefetches = merge_related(
            (["spacecraft", "spacecraft__status", *craft_joins], craft_prefetches),
            launch_normal_related("launch"),
            landing_related("landing"),
        )
        crews = [
            Prefetch(crew, queryset=astronaut_flight_queryset())
            for crew in ("launch_crew", "onboard_crew", "landing_crew")
        ]
        events = as_prefetch("docking_events", DockingEvent.objects.all(), docking_event_related(""))
        return self.select_related(*joins).prefetch_related(*prefetches, *crews, events)

    def for_spacecraft(self):
        """The flights a ``SpacecraftEndpointDetailed`` lists, in launch order."""
        return self.for_list().order_by(*FLIGHTS_IN_LAUNCH_ORDER)


class DockingEventQuerySet(models.QuerySet):
    def for_chaser(self):
        """Everything ``DockingEventForChaserNormal`` reads."""
        joins, prefetches = docking_event_related("")
        return self.select_related(*joins).prefetch_related(*prefetches)


class _ShapeQuerySet(models.QuerySet):
    """A queryset whose one shape is given by a ``related(prefix)`` function."""

    related = staticmethod(lambda prefix: ([], []))

    def _shaped(self):
        joins, prefetches = self.related("")
        return self.select_related(*joins).prefetch_related(*prefetches)


class LaunchQuerySet(_ShapeQuerySet):
    related = staticmethod(launch_normal_related)

    def for_normal(self):
        """Everything ``LaunchNormal`` reads."""
        return self._shaped()


class LandingQuerySet(_ShapeQuerySet):
    related = staticmethod(landing_related)

    def for_landing(self):
        """Everything ``Landing`` reads."""
        return self._shaped()


class LandingLocationQuerySet(_ShapeQuerySet):
    related = staticmethod(landing_location_related)

    def for_landing_location(self):
        """Everything ``LandingLocation`` reads."""
        return self._shaped()


class PadQuerySet(_ShapeQuerySet):
    related = staticmethod(pad_related)

    def for_pad(self):
        """Everything ``Pad`` reads."""
        return self._shaped()


class LocationQuerySet(_ShapeQuerySet):
    related = staticmethod(lambda prefix: location_related(prefix, with_body=True))

    def for_normal(self):
        """Everything ``Location`` reads."""
        return self._shaped()


class AstronautQuerySet(_ShapeQuerySet):
    related = staticmethod(astronaut_related)

    def for_list(self):
        """Everything ``AstronautDetailed`` (the astronauts endpoint's ``list`` mode) reads."""
        return self._shaped()


class SpaceStationQuerySet(_ShapeQuerySet):
    related = staticmethod(space_station_related)

    def for_normal(self):
        """Everything ``SpaceStationNormal`` reads."""
        return self._shaped()


class PayloadFlightQuerySet(_ShapeQuerySet):
    related = staticmethod(payload_flight_normal_related)

    def for_normal(self):
        """Everything ``PayloadFlightNormal`` reads."""
        return self._shaped()
