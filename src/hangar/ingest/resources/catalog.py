"""Specs of the catalog shapes: images, agencies, programs, launcher and spacecraft configurations,
spacecraft."""

from hangar.catalog.models import AGENCY_STATS, CONFIG_STATS, LAUNCH_STATS
from hangar.ingest.spec import children, fk, listed, m2m, name_ref, register, reverse_fk, scalar

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
    *(scalar(k, "int", null=True) for k in AGENCY_STATS),
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
    fk("type", "ProgramType", on_create=True),  # ProgramMini (in payloads) has no type
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
