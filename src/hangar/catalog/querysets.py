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


# --- flights and everything nested in them (LaunchNormal, Landing, crews, docking events) -------------


def _merge(*parts: tuple[list, list]) -> tuple[list, list]:
    joins, prefetches = [], []
    for j, p in parts:
        joins += j
        prefetches += p
    return joins, prefetches


def celestial_body_related(prefix: str) -> tuple[list, list]:
    """``CelestialBodyNormal``/``Detailed`` at ``prefix``: its type and image."""
    return _merge(([_path(prefix, "type")], []), image_related(_path(prefix, "image")))


def location_related(prefix: str, with_body: bool) -> tuple[list, list]:
    """``Location`` (``with_body``) or ``LocationSerializerNoCelestialBody`` at ``prefix``."""
    parts = [([_path(prefix, "country")], []), image_related(_path(prefix, "image"))]
    if with_body:
        parts.append(celestial_body_related(_path(prefix, "celestial_body")))
    return _merge(*parts)


def pad_related(prefix: str) -> tuple[list, list]:
    """``Pad`` at ``prefix``: agencies (``AgencyNormal``), country, image, location with its body."""
    Agency = apps.get_model("catalog", "Agency")
    return _merge(
        (
            [_path(prefix, "country")],
            [Prefetch(_path(prefix, "agencies"), queryset=Agency.objects.for_normal())],
        ),
        image_related(_path(prefix, "image")),
        location_related(_path(prefix, "location"), with_body=True),
    )


def landing_related(prefix: str) -> tuple[list, list]:
    """``Landing`` at ``prefix``: its type and its landing location with location and body."""
    site = _path(prefix, "landing_location")
    return _merge(
        ([_path(prefix, "type")], []),
        image_related(_path(site, "image")),
        location_related(_path(site, "location"), with_body=False),
        celestial_body_related(_path(site, "celestial_body")),
    )


def mission_related(prefix: str) -> tuple[list, list]:
    """``Mission`` at ``prefix``: orbit and body, image, agencies, reading and video links."""
    InfoURL = apps.get_model("catalog", "InfoURL")
    VidURL = apps.get_model("catalog", "VidURL")
    return _merge(
        (
            [_path(prefix, "orbit__celestial_body")],
            [
                Prefetch(_path(prefix, "agencies"), queryset=agency_queryset("detailed")),
                Prefetch(
                    _path(prefix, "info_urls"), queryset=InfoURL.objects.select_related("type", "language")
                ),
                Prefetch(
                    _path(prefix, "vid_urls"), queryset=VidURL.objects.select_related("type", "language")
                ),
            ],
        ),
        image_related(_path(prefix, "image")),
    )


def launch_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``LaunchNormal`` at ``prefix`` reads."""
    return _merge(
        ([_path(prefix, n) for n in ("status", "net_precision")], []),
        image_related(_path(prefix, "image")),
        agency_mini_related(_path(prefix, "launch_service_provider")),
        ([_path(prefix, "launch_service_provider")], []),
        mission_related(_path(prefix, "mission")),
        pad_related(_path(prefix, "pad")),
        launch_extra_related(prefix),
    )


def launch_extra_related(prefix: str) -> tuple[list, list]:
    """Rocket (``RocketNormal``: its ``LauncherConfigList``) and programs (``ProgramNormal``) of a launch."""
    config = _path(prefix, "rocket__configuration")
    joins, prefetches = launcher_config_related(config, "list")
    return [config, *joins], [*prefetches, Prefetch(_path(prefix, "program"), queryset=program_queryset())]


def flight_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``SpacecraftFlightNormal`` at ``prefix`` reads, its ``SpacecraftNormal`` included."""
    craft = _path(prefix, "spacecraft")
    return _merge(
        ([craft, _path(craft, "status")], []),
        image_related(_path(craft, "image")),
        config_related(_path(craft, "spacecraft_config"), detailed=False),
        launch_normal_related(_path(prefix, "launch")),
        landing_related(_path(prefix, "landing")),
    )


def payload_flight_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``PayloadFlightNormal`` at ``prefix`` reads."""
    payload = _path(prefix, "payload")
    return _merge(
        ([payload, _path(payload, "type")], []),
        agency_normal_related(_path(payload, "manufacturer")),
        agency_normal_related(_path(payload, "operator")),
        image_related(_path(payload, "image")),
        payload_extra_related(payload),
        launch_normal_related(_path(prefix, "launch")),
        landing_related(_path(prefix, "landing")),
    )


def payload_extra_related(prefix: str) -> tuple[list, list]:
    """Programs of a ``PayloadNormal``, as ``ProgramMini``."""
    Program = apps.get_model("catalog", "Program")
    joins, prefetches = image_related("image")
    programs = Program.objects.select_related(*joins).prefetch_related(*prefetches)
    return [], [Prefetch(_path(prefix, "program"), queryset=programs)]


def _as_prefetch(lookup: str, queryset: models.QuerySet, related: tuple[list, list]) -> Prefetch:
    joins, prefetches = related
    return Prefetch(lookup, queryset=queryset.select_related(*joins).prefetch_related(*prefetches))


def _nullable_fk_prefetch(lookup: str, model: str, related: tuple[list, list]) -> Prefetch:
    return _as_prefetch(lookup, apps.get_model("catalog", model).objects.all(), related)


def docking_event_related(prefix: str) -> tuple[list, list]:
    """``DockingEventForChaserNormal`` at ``prefix``: location, station, and the targets.

    The targets are prefetched as their own querysets rather than joined: each is a large graph and at
    most one of them is set per event.
    """
    location = _path(prefix, "docking_location")
    station = _path(location, "spacestation")
    payload = _path(location, "payload")
    target = _path(prefix, "space_station_target")
    return _merge(
        ([location, station, payload, _path(payload, "type"), target], []),
        space_station_related(target),
        image_related(_path(station, "image")),
        config_related(_path(location, "spacecraft"), detailed=False),
        agency_mini_related(_path(payload, "manufacturer")),
        agency_mini_related(_path(payload, "operator")),
        ([_path(payload, "manufacturer"), _path(payload, "operator")], []),
        image_related(_path(payload, "image")),
        (
            [],
            [
                _nullable_fk_prefetch(
                    _path(prefix, "flight_vehicle_target"), "SpacecraftFlight", flight_normal_related("")
                ),
                _nullable_fk_prefetch(
                    _path(prefix, "payload_flight_target"), "PayloadFlight", payload_flight_normal_related("")
                ),
            ],
        ),
    )


def astronaut_related(prefix: str) -> tuple[list, list]:
    """``AstronautDetailed`` at ``prefix``."""
    return _merge(
        ([_path(prefix, n) for n in ("status", "type", "agency")], [_path(prefix, "nationality")]),
        agency_mini_related(_path(prefix, "agency")),
        image_related(_path(prefix, "image")),
        astronaut_extra_related(prefix),
    )


def astronaut_flight_queryset() -> models.QuerySet:
    """``AstronautFlight`` with its ``AstronautDetailed``."""
    AstronautFlight = apps.get_model("catalog", "AstronautFlight")
    joins, prefetches = _merge((["role"], []), astronaut_related("astronaut"))
    return AstronautFlight.objects.select_related(*joins).prefetch_related(*prefetches)


def space_station_related(prefix: str) -> tuple[list, list]:
    """``SpaceStationNormal`` at ``prefix``."""
    return _merge(
        ([_path(prefix, "status"), _path(prefix, "type")], []), image_related(_path(prefix, "image"))
    )


def astronaut_extra_related(prefix: str) -> tuple[list, list]:
    """Social media links of an ``AstronautDetailed`` (each with its network and logo)."""
    Link = apps.get_model("catalog", "SocialMediaLink")
    links = Link.objects.select_related("social_media__logo__license").prefetch_related(
        "social_media__logo__variants__type"
    )
    return [], [Prefetch(_path(prefix, "social_media_links"), queryset=links)]


class SpacecraftFlightQuerySet(models.QuerySet):
    def for_list(self):
        """Everything ``SpacecraftFlightNormal`` reads."""
        joins, prefetches = flight_normal_related("")
        return self.select_related(*joins).prefetch_related(*prefetches)

    def for_detail(self):
        """Everything ``SpacecraftFlightDetailed`` reads."""
        DockingEvent = apps.get_model("catalog", "DockingEvent")
        craft_joins, craft_prefetches = _merge(
            image_related("spacecraft__image"), config_related("spacecraft__spacecraft_config", detailed=True)
        )
        joins, prefetches = _merge(
            (["spacecraft", "spacecraft__status", *craft_joins], craft_prefetches),
            launch_normal_related("launch"),
            landing_related("landing"),
        )
        crews = [
            Prefetch(crew, queryset=astronaut_flight_queryset())
            for crew in ("launch_crew", "onboard_crew", "landing_crew")
        ]
        events = _as_prefetch("docking_events", DockingEvent.objects.all(), docking_event_related(""))
        return self.select_related(*joins).prefetch_related(*prefetches, *crews, events)

    def for_spacecraft(self):
        """The flights a ``SpacecraftEndpointDetailed`` lists, in launch order."""
        return self.for_list().order_by("launch__net", "id")


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
