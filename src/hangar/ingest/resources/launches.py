"""Specs of launches as ``LaunchDetailed`` writes them, and of what only it nests: updates, the timeline,
the rocket's first stages with their launchers and landings, its spacecraft and payload stages.

A launch's attempt counters and ``pad_turnaround`` are derived (``catalog.stats.launches``), so they are
not read. The stages nested in ``RocketDetailed`` omit their launch; it is the launch whose rocket lists
them (set in ``ingest.load``).
"""

from hangar.ingest.spec import children, fk, m2m, mention, owned, register, reverse_fk, scalar

register("LauncherStatus", "catalog.LauncherStatus", scalar("name", "str", required=True))
# Lookups of their own (/config/…): the stages and missions that use them name them as text.
register("FirstStageType", "catalog.FirstStageType", scalar("name", "str", required=True))
register("MissionType", "catalog.MissionType", scalar("name", "str", required=True))
register(
    "Launcher",
    "catalog.Launcher",
    scalar("flight_proven", "bool"),
    scalar("serial_number", "str", null=True),
    scalar("is_placeholder", "bool"),
    fk("status", "LauncherStatus", null=True),
    fk("image", "Image", null=True),
    scalar("details", "str"),
    # Served as upstream reports them (catalog.stats derives none of a launcher's values).
    scalar("successful_landings", "int", null=True),
    scalar("attempted_landings", "int", null=True),
    scalar("flights", "int", null=True),
    scalar("last_launch_date", "datetime", null=True),
    scalar("first_launch_date", "datetime", null=True),
    scalar("fastest_turnaround", "duration", null=True),
    fk("launcher_config", "LauncherConfig", null=True),
)
register(
    "FirstStage",
    "catalog.FirstStage",
    scalar("type", "str"),
    scalar("reused", "bool", null=True),
    scalar("launcher_flight_number", "int", null=True),
    fk("launcher", "Launcher", required=True),
    scalar("previous_flight_date", "datetime", null=True),
    scalar("turn_around_time", "duration"),
    # Null when not recovered and for a launcher's first flight: errata of the official file (README).
    fk("landing", "Landing", null=True),
    # A LaunchMini, often of a launch on a later page: linked when that launch is stored.
    mention("previous_flight", "Launch"),
    # Its rocket is the one that lists it (Rocket.launcher_stage): a stage first seen on the landings
    # endpoint, which omits it, is skipped until its launch is imported (ingest.load).
)
register(
    "Rocket",
    "catalog.Rocket",
    fk("configuration", "LauncherConfig", required=True),
    # A rocket's first stages are its own (deleted with it): the list given replaces the stored one.
    children("launcher_stage", "FirstStage", parent_attr="rocket"),
    # Flights are objects of their own (/spacecraft_flights/, /payload_flights/): listed ones point here.
    reverse_fk("spacecraft_stage", "SpacecraftFlight", attr="rocket"),
    reverse_fk("payloads", "PayloadFlight", attr="rocket"),
)
register(
    "TimelineEventType",
    "catalog.TimelineEventType",
    scalar("abbrev", "str", required=True),
    scalar("description", "str"),
)
register(
    "TimelineEvent",
    "catalog.TimelineEvent",
    fk("type", "TimelineEventType", null=True),
    scalar("relative_time", "duration", null=True),
)
register(
    "Launch",
    "catalog.Launch",
    scalar("name", "str"),
    # Needed to store a new launch only: LaunchMini (a docking's flights, a stage's previous flight)
    # names a launch by id, url and name.
    scalar("slug", "str", on_create=True),
    scalar("launch_designator", "str", null=True),
    fk("status", "LaunchStatus", null=True),
    scalar("last_updated", "datetime", on_create=True),
    scalar("net", "datetime", on_create=True),
    fk("net_precision", "NetPrecision", null=True),
    scalar("window_end", "datetime", on_create=True),
    scalar("window_start", "datetime", on_create=True),
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
    # LaunchDetailed's own parts (LaunchNormal stops at the counters).
    scalar("flightclub_url", "str", null=True),
    # A launch's updates (spec in resources.events) are the ones listed: one no longer listed is deleted.
    children("updates", "Update", parent_attr="launch"),
    owned("info_urls", "InfoURL", parent_attr="launch"),
    owned("vid_urls", "VidURL", parent_attr="launch"),
    owned("timeline", "TimelineEvent", parent_attr="launch"),
    m2m("mission_patches", "MissionPatch"),
    id_kind="uuid",
)
