"""Turn upstream LL2 JSON into typed records, or reject it with the exact JSON path of the problem.

Parsing is declarative: each catalog model has a ``Spec`` listing the upstream keys it reads and how.
A nested object is parsed with its own spec wherever it appears, so a spacecraft page yields records for
the spacecraft, their configurations, agencies, families, images, licences, … all keyed on upstream ids.

Rules:
- ``id`` is required on every object; keys a spec marks ``required`` must be present.
- A key absent from the input is absent from the record (the loader then keeps the stored value).
- Unknown keys are ignored (upstream adds fields over time); ``response_mode`` and ``url`` are ignored.
- The same object met twice in one input is merged; later keys win.
"""

import datetime as dt
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

import isodate


class ParseError(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- value kinds --------------------------------------------------------------------------------------


def _describe(value) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _int(value, path):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(path, f"expected an integer, got {_describe(value)}")
    if not -(2**63) <= value < 2**63:
        raise ParseError(path, f"integer out of range: {value}")
    return value


def _str(value, path):
    if not isinstance(value, str):
        raise ParseError(path, f"expected a string, got {_describe(value)}")
    if "\x00" in value:
        raise ParseError(path, "strings may not contain NUL characters")
    return value


def _bool(value, path):
    if not isinstance(value, bool):
        raise ParseError(path, f"expected true or false, got {_describe(value)}")
    return value


def _float(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParseError(path, f"expected a number, got {_describe(value)}")
    return float(value)


def _date(value, path):
    try:
        return dt.date.fromisoformat(_str(value, path))
    except ValueError:
        raise ParseError(path, f"expected a date like 2024-01-31, got {_describe(value)}") from None


def _datetime(value, path):
    try:
        parsed = dt.datetime.fromisoformat(_str(value, path).replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(
            path, f"expected a date-time like 2024-01-31T12:00:00Z, got {_describe(value)}"
        ) from None
    if parsed.tzinfo is None:
        raise ParseError(path, f"expected a date-time with a time zone, got {_describe(value)}")
    return parsed


def _duration(value, path):
    try:
        parsed = isodate.parse_duration(_str(value, path))
    except (isodate.ISO8601Error, ValueError):
        raise ParseError(
            path, f"expected an ISO 8601 duration like P61DT13H26M, got {_describe(value)}"
        ) from None
    if not isinstance(parsed, dt.timedelta):
        raise ParseError(path, f"durations in years or months are ambiguous, got {_describe(value)}")
    return parsed


def _uuid(value, path):
    try:
        return uuid.UUID(_str(value, path))
    except ValueError:
        raise ParseError(path, f"expected a UUID, got {_describe(value)}") from None


KINDS = {
    "int": _int,
    "uuid": _uuid,
    "str": _str,
    "bool": _bool,
    "float": _float,
    "date": _date,
    "datetime": _datetime,
    "duration": _duration,
}


# --- specs --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One upstream key of an object.

    ``kind`` is a scalar kind (see ``KINDS``), ``"fk"``/``"m2m"``/``"children"`` (a nested object or list
    of objects of spec ``target``), ``"reverse_fk"``/``"listed"`` (a list of objects of spec ``target``
    that point here, or merely mention this one), ``"name_ref"`` (the name of another object of spec
    ``target``, as upstream writes an agency's ``parent``) or ``"owned"`` (a list of id-less objects
    replaced as a whole, stored with the parent in ``attr`` and their ``position``).
    """

    key: str
    kind: str
    target: str = ""
    null: bool = False
    required: bool = False
    attr: str = ""  # model field name, when it differs from the key

    @property
    def name(self) -> str:
        return self.attr or self.key


def scalar(key, kind, null=False, required=False, attr=""):
    return Field(key, kind, null=null, required=required, attr=attr)


def fk(key, target, null=False, required=False):
    return Field(key, "fk", target, null=null, required=required)


def m2m(key, target):
    return Field(key, "m2m", target)


def children(key, target, parent_attr):
    """A list of objects owned by this one: the stored set is replaced by the list given."""
    return Field(key, "children", target, attr=parent_attr)


def reverse_fk(key, target, attr):
    """A list of objects whose ``attr`` points back at this one (an agency's ``spacecraft_list``).

    Each listed object is imported with ``attr`` set here; objects not listed are left as they are, since
    the list may come from a store that lags (unlike ``children``, nothing is deleted).
    """
    return Field(key, "reverse_fk", target, attr=attr)


def listed(key, target):
    """A list of objects imported for themselves; the relation is written from their side (a family's
    ``spacecraft`` are configurations whose own ``family`` list names it)."""
    return Field(key, "listed", target)


LIST_KINDS = ("m2m", "children", "reverse_fk", "listed", "owned")


def name_ref(key, target):
    return Field(key, "name_ref", target, null=True)


def owned(key, target, parent_attr):
    """A list of objects without ids (a mission's ``info_urls``): the stored list is replaced by it."""
    return Field(key, "owned", target, attr=parent_attr)


@dataclass(frozen=True)
class Spec:
    model: str  # "app_label.Model"
    fields: tuple[Field, ...]
    id_kind: str = "int"


SPECS: dict[str, Spec] = {}


def register(name: str, model: str, *fields: Field, id_kind: str = "int") -> None:
    SPECS[name] = Spec(model, tuple(fields), id_kind)


STATS = ("total_launch_count", "successful_launches", "failed_launches", "attempted_landings")

register(
    "ImageLicense",
    "catalog.ImageLicense",
    scalar("name", "str"),
    scalar("priority", "int"),
    scalar("link", "str", null=True),
)
register("ImageVariantType", "catalog.ImageVariantType", scalar("name", "str"))
register(
    "ImageVariant",
    "catalog.ImageVariant",
    fk("type", "ImageVariantType", required=True),
    scalar("image_url", "str", required=True),
)
register(
    "Image",
    "catalog.Image",
    scalar("name", "str", required=True),
    scalar("image_url", "str", required=True),
    scalar("thumbnail_url", "str", required=True),
    scalar("credit", "str", null=True),
    fk("license", "ImageLicense", required=True),
    scalar("single_use", "bool"),
    children("variants", "ImageVariant", parent_attr="image"),
)
register(
    "Country",
    "catalog.Country",
    scalar("name", "str"),
    scalar("alpha_2_code", "str"),
    scalar("alpha_3_code", "str"),
    scalar("nationality_name", "str"),
    scalar("nationality_name_composed", "str"),
)
register("AgencyType", "catalog.AgencyType", scalar("name", "str"))
register(
    "SocialMedia",
    "catalog.SocialMedia",
    scalar("name", "str"),
    scalar("url", "str", null=True),
    fk("logo", "Image", null=True),
)
register(
    "SocialMediaLink",
    "catalog.SocialMediaLink",
    fk("social_media", "SocialMedia", required=True),
    scalar("url", "str", null=True),
)
register(
    "Agency",
    "catalog.Agency",
    scalar("name", "str", required=True),
    scalar("abbrev", "str"),
    fk("type", "AgencyType", required=True),
    scalar("featured", "bool"),
    m2m("country", "Country"),
    scalar("description", "str", null=True),
    scalar("administrator", "str", null=True),
    scalar("founding_year", "int", null=True),
    scalar("launchers", "str"),
    scalar("spacecraft", "str"),
    name_ref("parent", "Agency"),
    fk("image", "Image", null=True),
    fk("logo", "Image", null=True),
    fk("social_logo", "Image", null=True),
    *(
        scalar(k, "int", null=True)
        for k in (
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
            "consecutive_successful_landings",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "successful_landings_spacecraft",
            "failed_landings_spacecraft",
            "attempted_landings_spacecraft",
            "successful_landings_payload",
            "failed_landings_payload",
            "attempted_landings_payload",
        )
    ),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    m2m("social_media_links", "SocialMediaLink"),
    # AgencyEndpointDetailed's lists; the launchers in it carry no manufacturer, this sets it.
    reverse_fk("launcher_list", "LauncherConfig", attr="manufacturer"),
    reverse_fk("spacecraft_list", "SpacecraftConfig", attr="agency"),
)
register("ProgramType", "catalog.ProgramType", scalar("name", "str"))
register(
    "MissionPatch",
    "catalog.MissionPatch",
    scalar("name", "str", required=True),
    scalar("priority", "int"),
    scalar("image_url", "str", required=True),
    fk("agency", "Agency", null=True),
)
register(
    "Program",
    "catalog.Program",
    scalar("name", "str", required=True),
    fk("image", "Image", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("description", "str", null=True),
    m2m("agencies", "Agency"),
    scalar("start_date", "datetime", null=True),
    scalar("end_date", "datetime", null=True),
    m2m("mission_patches", "MissionPatch"),
    fk("type", "ProgramType", required=True),
)
LAUNCH_STATS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
    "consecutive_successful_landings",
)
register(
    "LauncherConfigFamily",
    "catalog.LauncherConfigFamily",
    scalar("name", "str", required=True),
    m2m("manufacturer", "Agency"),
    fk("parent", "LauncherConfigFamily", null=True),
    scalar("description", "str"),
    scalar("active", "bool"),
    scalar("maiden_flight", "date", null=True),
    *(scalar(k, "int", null=True) for k in LAUNCH_STATS),
)
register(
    "LauncherConfig",
    "catalog.LauncherConfig",
    scalar("name", "str", required=True),
    m2m("families", "LauncherConfigFamily"),
    scalar("full_name", "str"),
    scalar("variant", "str"),
    scalar("active", "bool"),
    scalar("is_placeholder", "bool"),
    fk("manufacturer", "Agency", null=True),
    m2m("program", "Program"),
    scalar("reusable", "bool"),
    fk("image", "Image", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("description", "str"),
    scalar("alias", "str"),
    scalar("min_stage", "int", null=True),
    scalar("max_stage", "int", null=True),
    scalar("length", "float", null=True),
    scalar("diameter", "float", null=True),
    scalar("maiden_flight", "date", null=True),
    scalar("launch_cost", "int", null=True),
    *(scalar(k, "float", null=True) for k in ("launch_mass", "leo_capacity", "gto_capacity", "geo_capacity")),
    *(scalar(k, "float", null=True) for k in ("sso_capacity", "to_thrust", "apogee")),
    *(scalar(k, "int", null=True) for k in LAUNCH_STATS),
    scalar("fastest_turnaround", "duration", null=True),
)
register("SpacecraftStatus", "catalog.SpacecraftStatus", scalar("name", "str", required=True))
register("SpacecraftConfigType", "catalog.SpacecraftConfigType", scalar("name", "str", required=True))
CONFIG_STATS = ("spacecraft_flown", *STATS, "successful_landings", "failed_landings")
register(
    "SpacecraftConfigFamily",
    "catalog.SpacecraftConfigFamily",
    scalar("name", "str", required=True),
    scalar("description", "str"),
    fk("manufacturer", "Agency", null=True),
    fk("parent", "SpacecraftConfigFamily", null=True),
    scalar("maiden_flight", "date", null=True),
    *(scalar(k, "int", null=True) for k in CONFIG_STATS),
    listed("spacecraft", "SpacecraftConfig"),
)
register(
    "SpacecraftConfig",
    "catalog.SpacecraftConfig",
    scalar("name", "str", required=True),
    fk("type", "SpacecraftConfigType", required=True),
    fk("agency", "Agency", required=True),
    m2m("family", "SpacecraftConfigFamily"),
    scalar("in_use", "bool"),
    fk("image", "Image", null=True),
    scalar("capability", "str"),
    scalar("history", "str"),
    scalar("details", "str"),
    scalar("maiden_flight", "date", null=True),
    scalar("height", "float", null=True),
    scalar("diameter", "float", null=True),
    scalar("human_rated", "bool"),
    scalar("crew_capacity", "int", null=True),
    scalar("payload_capacity", "int", null=True),
    scalar("payload_return_capacity", "int", null=True),
    scalar("flight_life", "str", null=True),
    scalar("wiki_link", "str"),
    scalar("info_link", "str"),
    *(scalar(k, "int", null=True) for k in CONFIG_STATS),
    scalar("fastest_turnaround", "duration", null=True),
)
register(
    "Spacecraft",
    "catalog.Spacecraft",
    scalar("name", "str", required=True),
    scalar("serial_number", "str", null=True),
    scalar("is_placeholder", "bool"),
    fk("image", "Image", null=True),
    scalar("in_space", "bool"),
    scalar("time_in_space", "duration", null=True),
    scalar("time_docked", "duration", null=True),
    scalar("flights_count", "int", null=True),
    scalar("mission_ends_count", "int", null=True),
    fk("status", "SpacecraftStatus", required=True),
    scalar("description", "str"),
    fk("spacecraft_config", "SpacecraftConfig", required=True),
    scalar("fastest_turnaround", "duration", null=True),
    listed("flights", "SpacecraftFlight"),
)

# --- flights and what they nest (detailed spacecraft, spacecraft_flights) --------------------------------
# A flight's `duration` and `turn_around_time` are derived (catalog.stats), so they are not read.

register("CelestialBodyType", "catalog.CelestialBodyType", scalar("name", "str"))
register(
    "CelestialBody",
    "catalog.CelestialBody",
    scalar("name", "str", required=True),
    fk("type", "CelestialBodyType"),
    scalar("diameter", "float", null=True),
    scalar("mass", "float", null=True),
    scalar("gravity", "float", null=True),
    scalar("length_of_day", "str", null=True),
    scalar("atmosphere", "bool"),
    fk("image", "Image"),
    scalar("description", "str", null=True),
    scalar("wiki_url", "str", null=True),
    *(
        scalar(k, "int")
        for k in (
            "total_attempted_launches",
            "successful_launches",
            "failed_launches",
            "total_attempted_landings",
            "successful_landings",
            "failed_landings",
        )
    ),
)
LOCATION_FIELDS = (
    scalar("name", "str"),
    scalar("active", "bool"),
    fk("country", "Country", null=True),
    scalar("description", "str", null=True),
    fk("image", "Image", null=True),
    scalar("map_image", "str", null=True),
    scalar("longitude", "float", null=True),
    scalar("latitude", "float", null=True),
    scalar("timezone_name", "str"),
    scalar("total_launch_count", "int", null=True),
    scalar("total_landing_count", "int", null=True),
)
# A landing location's `location` comes without its celestial body: the stored one (if any) is kept.
register("Location", "catalog.Location", fk("celestial_body", "CelestialBody"), *LOCATION_FIELDS)
register(
    "Pad",
    "catalog.Pad",
    scalar("active", "bool"),
    m2m("agencies", "Agency"),
    scalar("name", "str"),
    fk("image", "Image", null=True),
    scalar("description", "str", null=True),
    scalar("info_url", "str", null=True),
    scalar("wiki_url", "str", null=True),
    scalar("map_url", "str", null=True),
    scalar("latitude", "float", null=True),
    scalar("longitude", "float", null=True),
    fk("country", "Country", null=True),
    scalar("map_image", "str", null=True),
    scalar("total_launch_count", "int", null=True),
    scalar("orbital_launch_attempt_count", "int", null=True),
    scalar("fastest_turnaround", "duration", null=True),
    fk("location", "Location", null=True),
)
register(
    "LandingLocation",
    "catalog.LandingLocation",
    scalar("name", "str"),
    scalar("active", "bool"),
    scalar("abbrev", "str"),
    scalar("description", "str", null=True),
    fk("location", "Location", required=True),
    scalar("longitude", "float", null=True),
    scalar("latitude", "float", null=True),
    fk("image", "Image", null=True),
    scalar("successful_landings", "int", null=True),
    scalar("attempted_landings", "int", null=True),
    scalar("failed_landings", "int", null=True),
    fk("celestial_body", "CelestialBody", required=True),
)
register(
    "LandingType",
    "catalog.LandingType",
    scalar("name", "str"),
    scalar("abbrev", "str"),
    scalar("description", "str", null=True),
)
register(
    "Landing",
    "catalog.Landing",
    scalar("attempt", "bool"),
    scalar("success", "bool", null=True),
    scalar("description", "str"),
    scalar("downrange_distance", "float", null=True),
    fk("landing_location", "LandingLocation", required=True),
    fk("type", "LandingType", required=True),
)
register(
    "LaunchStatus",
    "catalog.LaunchStatus",
    scalar("name", "str", required=True),
    scalar("abbrev", "str"),
    scalar("description", "str"),
)
register(
    "NetPrecision",
    "catalog.NetPrecision",
    scalar("name", "str"),
    scalar("abbrev", "str"),
    scalar("description", "str"),
)
register(
    "Orbit",
    "catalog.Orbit",
    scalar("name", "str", required=True),
    scalar("abbrev", "str", required=True),
    fk("celestial_body", "CelestialBody", required=True),
)
register("InfoURLType", "catalog.InfoURLType", scalar("name", "str", required=True))
register("VidURLType", "catalog.VidURLType", scalar("name", "str", required=True))
register(
    "Language", "catalog.Language", scalar("name", "str", required=True), scalar("code", "str", required=True)
)
LINK_FIELDS = (
    scalar("priority", "int"),
    scalar("source", "str", null=True),
    scalar("title", "str", null=True),
    scalar("description", "str", null=True),
    scalar("feature_image", "str", null=True),
    scalar("url", "str", required=True),
)
register(
    "InfoURL",
    "catalog.InfoURL",
    *LINK_FIELDS,
    fk("type", "InfoURLType", null=True),
    fk("language", "Language", null=True),
)
register(
    "VidURL",
    "catalog.VidURL",
    *LINK_FIELDS,
    scalar("publisher", "str", null=True),
    fk("type", "VidURLType", null=True),
    fk("language", "Language", null=True),
    scalar("start_time", "datetime", null=True),
    scalar("end_time", "datetime", null=True),
    scalar("live", "bool"),
)
register(
    "Mission",
    "catalog.Mission",
    scalar("name", "str", required=True),
    scalar("type", "str"),
    scalar("description", "str"),
    fk("image", "Image", null=True),
    fk("orbit", "Orbit", required=True),
    m2m("agencies", "Agency"),
    owned("info_urls", "InfoURL", parent_attr="mission"),
    owned("vid_urls", "VidURL", parent_attr="mission"),
)
register("Rocket", "catalog.Rocket", fk("configuration", "LauncherConfig", required=True))
register(
    "Launch",
    "catalog.Launch",
    scalar("name", "str"),
    scalar("slug", "str", required=True),
    scalar("launch_designator", "str", null=True),
    fk("status", "LaunchStatus", null=True),
    scalar("last_updated", "datetime", required=True),
    scalar("net", "datetime", required=True),
    fk("net_precision", "NetPrecision", null=True),
    scalar("window_end", "datetime", required=True),
    scalar("window_start", "datetime", required=True),
    fk("image", "Image", null=True),
    scalar("infographic", "str", null=True),
    scalar("probability", "int", null=True),
    scalar("weather_concerns", "str", null=True),
    scalar("failreason", "str", null=True),
    scalar("hashtag", "str", null=True),
    fk("launch_service_provider", "Agency", null=True),
    fk("rocket", "Rocket", null=True),
    fk("mission", "Mission", null=True),
    fk("pad", "Pad", null=True),
    scalar("webcast_live", "bool"),
    m2m("program", "Program"),
    *(
        scalar(k, "int", null=True)
        for k in (
            "orbital_launch_attempt_count",
            "location_launch_attempt_count",
            "pad_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count_year",
            "location_launch_attempt_count_year",
            "pad_launch_attempt_count_year",
            "agency_launch_attempt_count_year",
        )
    ),
    id_kind="uuid",
)
register("AstronautStatus", "catalog.AstronautStatus", scalar("name", "str", required=True))
register("AstronautType", "catalog.AstronautType", scalar("name", "str", required=True))
register(
    "AstronautRole", "catalog.AstronautRole", scalar("role", "str", required=True), scalar("priority", "int")
)
register(
    "Astronaut",
    "catalog.Astronaut",
    scalar("name", "str", required=True),
    fk("status", "AstronautStatus", required=True),
    fk("agency", "Agency", null=True),
    fk("image", "Image", null=True),
    fk("type", "AstronautType", required=True),
    scalar("in_space", "bool"),
    scalar("time_in_space", "duration", null=True),
    scalar("eva_time", "duration"),
    scalar("age", "int", null=True),
    scalar("date_of_birth", "date", null=True),
    scalar("date_of_death", "date", null=True),
    m2m("nationality", "Country"),
    scalar("bio", "str"),
    scalar("wiki", "str", null=True),
    scalar("last_flight", "datetime", null=True),
    scalar("first_flight", "datetime", null=True),
    m2m("social_media_links", "SocialMediaLink"),
)
register(
    "AstronautFlight",
    "catalog.AstronautFlight",
    fk("role", "AstronautRole", required=True),
    fk("astronaut", "Astronaut", required=True),
)
register("SpaceStationStatus", "catalog.SpaceStationStatus", scalar("name", "str", required=True))
register("SpaceStationType", "catalog.SpaceStationType", scalar("name", "str", required=True))
register(
    "SpaceStation",
    "catalog.SpaceStation",
    scalar("name", "str", required=True),
    fk("image", "Image", null=True),
    fk("status", "SpaceStationStatus"),
    scalar("founded", "date"),
    scalar("deorbited", "date", null=True),
    scalar("description", "str"),
    scalar("orbit", "str", null=True),
    fk("type", "SpaceStationType"),
)
register("PayloadType", "catalog.PayloadType", scalar("name", "str"))
register(
    "Payload",
    "catalog.Payload",
    scalar("name", "str"),
    fk("type", "PayloadType", required=True),
    fk("manufacturer", "Agency", required=True),
    fk("operator", "Agency", required=True),
    fk("image", "Image", null=True),
    scalar("wiki_link", "str"),
    scalar("info_link", "str"),
    m2m("program", "Program"),
    scalar("cost", "int", null=True),
    scalar("mass", "float", null=True),
    scalar("description", "str"),
)
register(
    "PayloadFlight",
    "catalog.PayloadFlight",
    scalar("destination", "str", null=True),
    scalar("amount", "int"),
    fk("payload", "Payload", required=True),
    fk("launch", "Launch", required=True),
    fk("landing", "Landing", required=True),
)
register(
    "DockingLocation",
    "catalog.DockingLocation",
    scalar("name", "str", required=True),
    fk("spacestation", "SpaceStation", null=True),
    fk("spacecraft", "SpacecraftConfig", null=True),
    fk("payload", "Payload", null=True),
)
register(
    "DockingEvent",
    "catalog.DockingEvent",
    scalar("docking", "datetime", required=True),
    scalar("departure", "datetime", null=True),
    fk("docking_location", "DockingLocation", required=True),
    fk("space_station_target", "SpaceStation", null=True),
    fk("flight_vehicle_target", "SpacecraftFlight", null=True),
    fk("payload_flight_target", "PayloadFlight", null=True),
)
register(
    "SpacecraftFlight",
    "catalog.SpacecraftFlight",
    scalar("destination", "str", null=True),
    scalar("mission_end", "datetime", null=True),
    fk("spacecraft", "Spacecraft", required=True),
    fk("launch", "Launch", required=True),
    # Required and non-null in the official file (SpacecraftFlightNormal.landing).
    fk("landing", "Landing", required=True),
    m2m("launch_crew", "AstronautFlight"),
    m2m("onboard_crew", "AstronautFlight"),
    m2m("landing_crew", "AstronautFlight"),
    children("docking_events", "DockingEvent", parent_attr="flight_vehicle_chaser"),
)

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
    "space_stations": "SpaceStation",
    "pads": "Pad",
    "locations": "Location",
    "payload_flights": "PayloadFlight",
}

_ENDPOINT_RE = re.compile(r"/2\.3\.0/(?P<endpoint>[a-z_]+(?:/[a-z_]+)?)/(?:[0-9a-fA-F-]+/)?(?:\?|$)")


def endpoint_spec(url) -> str | None:
    if not isinstance(url, str):
        return None
    match = _ENDPOINT_RE.search(url)
    return ENDPOINTS.get(match.group("endpoint")) if match else None


# --- records ------------------------------------------------------------------------------------------


@dataclass
class Batch:
    """Everything one input holds, keyed by spec name and upstream id."""

    records: dict[str, dict[int, dict]] = field(default_factory=lambda: defaultdict(dict))
    m2m: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    children: dict[tuple[str, str], dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    name_refs: dict[tuple[str, str], dict[int, str | None]] = field(default_factory=lambda: defaultdict(dict))
    # Id-less objects a parent owns (a mission's info_urls): (spec, key) → parent id → records, in order.
    owned: dict[tuple[str, str], dict[int, list[dict]]] = field(default_factory=lambda: defaultdict(dict))

    def size(self) -> int:
        return sum(len(r) for r in self.records.values())


def parse_object(batch: Batch, spec_name: str, data, path: str):
    """Parse one object of spec ``spec_name`` into ``batch``; return its id."""
    if not isinstance(data, dict):
        raise ParseError(path, f"expected an object, got {_describe(data)}")
    if "id" not in data:
        raise ParseError(path, "missing required key 'id'")
    spec = SPECS[spec_name]
    obj_id = KINDS[spec.id_kind](data["id"], f"{path}.id")
    record = batch.records[spec_name].setdefault(obj_id, {})
    _parse_fields(batch, spec_name, obj_id, record, data, path)
    return obj_id


def _parse_list(value, sub: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ParseError(sub, f"expected a list, got {_describe(value)}")
    return value


def _parse_fields(batch: Batch, spec_name: str, obj_id, record: dict, data: dict, path: str) -> None:
    for f in SPECS[spec_name].fields:
        sub = f"{path}.{f.key}"
        if f.key not in data:
            if f.required:
                raise ParseError(path, f"missing required key {f.key!r}")
            continue
        value = data[f.key]
        if value is None and f.kind not in LIST_KINDS:
            if not f.null:
                raise ParseError(sub, "may not be null")
            if f.kind == "name_ref":
                batch.name_refs[(spec_name, f.name)][obj_id] = None
            else:
                record[f.name] = None
            continue
        if f.kind == "fk":
            record[f.name] = parse_object(batch, f.target, value, sub)
        elif f.kind == "owned":
            items = []
            for i, item in enumerate(_parse_list(value, sub)):
                if not isinstance(item, dict):
                    raise ParseError(f"{sub}[{i}]", f"expected an object, got {_describe(item)}")
                owned: dict = {}
                _parse_fields(batch, f.target, None, owned, item, f"{sub}[{i}]")
                items.append(owned)
            batch.owned[(spec_name, f.key)][obj_id] = items
        elif f.kind in LIST_KINDS:
            items = _parse_list(value, sub)
            ids = [parse_object(batch, f.target, item, f"{sub}[{i}]") for i, item in enumerate(items)]
            if f.kind in ("children", "reverse_fk"):
                for child_id in ids:
                    batch.records[f.target][child_id][f.name] = obj_id
            if f.kind == "children":
                batch.children[(spec_name, f.name)][obj_id] = ids
            elif f.kind == "m2m":
                batch.m2m[(spec_name, f.name)][obj_id] = ids
        elif f.kind == "name_ref":
            batch.name_refs[(spec_name, f.name)][obj_id] = _str(value, sub)
        else:
            record[f.name] = KINDS[f.kind](value, sub)


def parse_document(data, kind: str | None = None, batch: Batch | None = None) -> Batch:
    """Parse a list page (``{count, next, previous, results}``) or a single object.

    ``kind`` names the spec (or endpoint) when the objects carry no ``url`` to recognise them by.
    """
    batch = batch if batch is not None else Batch()
    if kind is not None:
        kind = ENDPOINTS.get(kind, kind)
        if kind not in SPECS:
            raise ParseError("$", f"unknown kind {kind!r}; known: {', '.join(sorted(ENDPOINTS))}")
    if isinstance(data, dict) and "results" in data and "id" not in data:
        results = data["results"]
        if not isinstance(results, list):
            raise ParseError("$.results", f"expected a list, got {_describe(results)}")
        page_kind = kind or endpoint_spec(data.get("next")) or endpoint_spec(data.get("previous"))
        for i, item in enumerate(results):
            item_kind = page_kind or endpoint_spec(item.get("url") if isinstance(item, dict) else None)
            if item_kind is None:
                raise ParseError(f"$.results[{i}]", "cannot tell what this object is (no url); pass --kind")
            parse_object(batch, item_kind, item, f"$.results[{i}]")
        return batch
    if not isinstance(data, dict):
        raise ParseError("$", f"expected a list page or an object, got {_describe(data)}")
    obj_kind = kind or endpoint_spec(data.get("url"))
    if obj_kind is None:
        raise ParseError("$", "cannot tell what this object is (no url); pass --kind")
    parse_object(batch, obj_kind, data, "$")
    return batch
