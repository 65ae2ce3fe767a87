"""What flights and everything nested in them read (LaunchNormal, Landing, crews, docking events)."""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch

from hangar.catalog.querysets.related import (
    agency_mini_related,
    agency_normal_related,
    agency_queryset,
    config_related,
    image_related,
    launcher_config_related,
    program_queryset,
    rel_path,
)


def merge_related(*parts: tuple[list, list]) -> tuple[list, list]:
    joins, prefetches = [], []
    for j, p in parts:
        joins += j
        prefetches += p
    return joins, prefetches


def celestial_body_related(prefix: str) -> tuple[list, list]:
    """``CelestialBodyNormal``/``Detailed`` at ``prefix``: its type and image."""
    return merge_related(([rel_path(prefix, "type")], []), image_related(rel_path(prefix, "image")))


def location_related(prefix: str, with_body: bool) -> tuple[list, list]:
    """``Location`` (``with_body``) or ``LocationSerializerNoCelestialBody`` at ``prefix``."""
    parts = [([rel_path(prefix, "country")], []), image_related(rel_path(prefix, "image"))]
    if with_body:
        parts.append(celestial_body_related(rel_path(prefix, "celestial_body")))
    return merge_related(*parts)


def pad_related(prefix: str) -> tuple[list, list]:
    """``Pad`` at ``prefix``: agencies (``AgencyNormal``), country, image, location with its body."""
    Agency = apps.get_model("catalog", "Agency")
    return merge_related(
        (
            [rel_path(prefix, "country")],
            [Prefetch(rel_path(prefix, "agencies"), queryset=Agency.objects.for_normal())],
        ),
        image_related(rel_path(prefix, "image")),
        location_related(rel_path(prefix, "location"), with_body=True),
    )


def landing_location_related(prefix: str) -> tuple[list, list]:
    """``LandingLocation`` at ``prefix``: its image, location (without body) and body."""
    return merge_related(
        ([prefix] if prefix else [], []),
        image_related(rel_path(prefix, "image")),
        location_related(rel_path(prefix, "location"), with_body=False),
        celestial_body_related(rel_path(prefix, "celestial_body")),
    )


def landing_related(prefix: str) -> tuple[list, list]:
    """``Landing`` at ``prefix``: its type and its landing location with location and body."""
    return merge_related(
        ([rel_path(prefix, "type")], []), landing_location_related(rel_path(prefix, "landing_location"))
    )


def mission_related(prefix: str) -> tuple[list, list]:
    """``Mission`` at ``prefix``: orbit and body, image, agencies, reading and video links."""
    InfoURL = apps.get_model("catalog", "InfoURL")
    VidURL = apps.get_model("catalog", "VidURL")
    return merge_related(
        (
            [rel_path(prefix, "orbit__celestial_body")],
            [
                Prefetch(rel_path(prefix, "agencies"), queryset=agency_queryset("detailed")),
                Prefetch(
                    rel_path(prefix, "info_urls"), queryset=InfoURL.objects.select_related("type", "language")
                ),
                Prefetch(
                    rel_path(prefix, "vid_urls"), queryset=VidURL.objects.select_related("type", "language")
                ),
            ],
        ),
        image_related(rel_path(prefix, "image")),
    )


def launch_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``LaunchNormal`` at ``prefix`` reads."""
    return merge_related(
        ([rel_path(prefix, n) for n in ("status", "net_precision")], []),
        image_related(rel_path(prefix, "image")),
        agency_mini_related(rel_path(prefix, "launch_service_provider")),
        ([rel_path(prefix, "launch_service_provider")], []),
        mission_related(rel_path(prefix, "mission")),
        pad_related(rel_path(prefix, "pad")),
        launch_extra_related(prefix),
    )


def launch_extra_related(prefix: str) -> tuple[list, list]:
    """Rocket (``RocketNormal``: its ``LauncherConfigList``) and programs (``ProgramNormal``) of a launch."""
    config = rel_path(prefix, "rocket__configuration")
    joins, prefetches = launcher_config_related(config, "list")
    return [config, *joins], [*prefetches, Prefetch(rel_path(prefix, "program"), queryset=program_queryset())]


def flight_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``SpacecraftFlightNormal`` at ``prefix`` reads, its ``SpacecraftNormal`` included."""
    craft = rel_path(prefix, "spacecraft")
    return merge_related(
        ([craft, rel_path(craft, "status")], []),
        image_related(rel_path(craft, "image")),
        config_related(rel_path(craft, "spacecraft_config"), detailed=False),
        launch_normal_related(rel_path(prefix, "launch")),
        landing_related(rel_path(prefix, "landing")),
    )


def payload_flight_normal_related(prefix: str) -> tuple[list, list]:
    """Everything ``PayloadFlightNormal`` at ``prefix`` reads."""
    payload = rel_path(prefix, "payload")
    return merge_related(
        ([payload, rel_path(payload, "type")], []),
        agency_normal_related(rel_path(payload, "manufacturer")),
        agency_normal_related(rel_path(payload, "operator")),
        image_related(rel_path(payload, "image")),
        payload_extra_related(payload),
        launch_normal_related(rel_path(prefix, "launch")),
        landing_related(rel_path(prefix, "landing")),
    )


def payload_extra_related(prefix: str) -> tuple[list, list]:
    """Programs of a ``PayloadNormal``, as ``ProgramMini``."""
    Program = apps.get_model("catalog", "Program")
    joins, prefetches = image_related("image")
    programs = Program.objects.select_related(*joins).prefetch_related(*prefetches)
    return [], [Prefetch(rel_path(prefix, "program"), queryset=programs)]


def as_prefetch(lookup: str, queryset: models.QuerySet, related: tuple[list, list]) -> Prefetch:
    joins, prefetches = related
    return Prefetch(lookup, queryset=queryset.select_related(*joins).prefetch_related(*prefetches))


def nullable_fk_prefetch(lookup: str, model: str, related: tuple[list, list]) -> Prefetch:
    return as_prefetch(lookup, apps.get_model("catalog", model).objects.all(), related)


def docking_event_related(prefix: str) -> tuple[list, list]:
    """``DockingEventForChaserNormal`` at ``prefix``: location, station, and the targets.

    The targets are prefetched as their own querysets rather than joined: each is a large graph and at
    most one of them is set per event.
    """
    location = rel_path(prefix, "docking_location")
    station = rel_path(location, "spacestation")
    payload = rel_path(location, "payload")
    target = rel_path(prefix, "space_station_target")
    return merge_related(
        ([location, station, payload, rel_path(payload, "type"), target], []),
        space_station_related(target),
        image_related(rel_path(station, "image")),
        config_related(rel_path(location, "spacecraft"), detailed=False),
        agency_mini_related(rel_path(payload, "manufacturer")),
        agency_mini_related(rel_path(payload, "operator")),
        ([rel_path(payload, "manufacturer"), rel_path(payload, "operator")], []),
        image_related(rel_path(payload, "image")),
        (
            [],
            [
                nullable_fk_prefetch(
                    rel_path(prefix, "flight_vehicle_target"), "SpacecraftFlight", flight_normal_related("")
                ),
                nullable_fk_prefetch(
                    rel_path(prefix, "payload_flight_target"),
                    "PayloadFlight",
                    payload_flight_normal_related(""),
                ),
            ],
        ),
    )


def astronaut_related(prefix: str) -> tuple[list, list]:
    """``AstronautDetailed`` at ``prefix``."""
    return merge_related(
        ([rel_path(prefix, n) for n in ("status", "type", "agency")], [rel_path(prefix, "nationality")]),
        agency_mini_related(rel_path(prefix, "agency")),
        image_related(rel_path(prefix, "image")),
        astronaut_extra_related(prefix),
    )


def astronaut_flight_queryset() -> models.QuerySet:
    """``AstronautFlight`` with its ``AstronautDetailed``."""
    AstronautFlight = apps.get_model("catalog", "AstronautFlight")
    joins, prefetches = merge_related((["role"], []), astronaut_related("astronaut"))
    return AstronautFlight.objects.select_related(*joins).prefetch_related(*prefetches)


def space_station_related(prefix: str) -> tuple[list, list]:
    """``SpaceStationNormal`` at ``prefix``."""
    return merge_related(
        ([rel_path(prefix, "status"), rel_path(prefix, "type")], []), image_related(rel_path(prefix, "image"))
    )


def astronaut_extra_related(prefix: str) -> tuple[list, list]:
    """Social media links of an ``AstronautDetailed`` (each with its network and logo)."""
    Link = apps.get_model("catalog", "SocialMediaLink")
    links = Link.objects.select_related("social_media__logo__license").prefetch_related(
        "social_media__logo__variants__type"
    )
    return [], [Prefetch(rel_path(prefix, "social_media_links"), queryset=links)]
