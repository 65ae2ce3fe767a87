"""Specs of events (``EventEndpointList``/``Normal``/``Detailed``) and their type; their updates.

An event's ``info_urls`` and ``vid_urls`` are owned lists like a mission's; its ``updates`` are its
children (an update of an event belongs to it alone); the rest are relations to objects imported in
their own right, as their nested shapes carry them.
"""

from hangar.ingest.spec import children, fk, m2m, mention, owned, register, scalar

register("EventType", "catalog.EventType", scalar("name", "str", required=True))
register(
    "Update",
    "catalog.Update",
    scalar("profile_image", "str", null=True),
    scalar("comment", "str", null=True),
    scalar("info_url", "str", null=True),
    scalar("created_by", "str", null=True),
    scalar("created_on", "datetime", required=True),
    # Not a key of upstream's Update: the Starship dashboard's updates are its program's (parse_dashboard).
    mention("program", "Program"),
)
register(
    "Event",
    "catalog.Event",
    scalar("name", "str", required=True),
    owned("info_urls", "InfoURL", parent_attr="event"),
    owned("vid_urls", "VidURL", parent_attr="event"),
    fk("image", "Image", null=True),
    scalar("date", "datetime", null=True),
    scalar("slug", "str", required=True),
    fk("type", "EventType", required=True),
    scalar("description", "str"),
    scalar("webcast_live", "bool"),
    scalar("location", "str", null=True),
    fk("date_precision", "NetPrecision", null=True),
    scalar("duration", "duration", null=True),
    children("updates", "Update", parent_attr="event"),
    scalar("last_updated", "datetime"),
    m2m("agencies", "Agency"),
    m2m("launches", "Launch"),
    m2m("expeditions", "Expedition"),
    m2m("spacestations", "SpaceStation"),
    m2m("program", "Program"),
    m2m("astronauts", "Astronaut"),
)
