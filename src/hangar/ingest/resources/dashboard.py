"""Specs of what the Starship dashboard shows beside launches and events: road closures and notices,
with their ``/config/`` lookups; and what a saved dashboard object holds.

The dashboard object has no id and is not stored itself: ``hangar import`` of one takes its parts as
objects of their own (``DASHBOARD_PARTS``; ``ingest.parse.parse_dashboard``). Its ``updates`` are the
Starship program's (they wait for the program, as a mention, when it is not stored yet); which
launches and events belong to the program comes from their own shapes (a launch's ``program`` list;
``EventNormal`` has none, so an event first seen there joins the program when ``/events/`` is
imported). ``live_streams`` are the video links of those launches and events: derived, not read.
"""

from hangar.ingest.spec import fk, register, scalar

# The dashboard's keys (its key set recognises a saved one) and the spec of each list's items.
DASHBOARD_PARTS = {
    "updates": "Update",
    "road_closures": "RoadClosure",
    "notices": "Notice",
    "vehicles": "Launcher",
    "orbiters": "Spacecraft",
}
DASHBOARD_WINDOWS = {"launches": "Launch", "events": "Event"}  # in ``upcoming`` and ``previous``
DASHBOARD_KEYS = frozenset((*DASHBOARD_PARTS, "live_streams", "upcoming", "previous"))

register("RoadClosureStatus", "catalog.RoadClosureStatus", scalar("name", "str", required=True))
register(
    "RoadClosure",
    "catalog.RoadClosure",
    scalar("title", "str", required=True),
    fk("status", "RoadClosureStatus", required=True),
    scalar("window_start", "datetime", required=True),
    scalar("window_end", "datetime", required=True),
)
register("NoticeType", "catalog.NoticeType", scalar("name", "str", required=True))
register(
    "Notice",
    "catalog.Notice",
    fk("type", "NoticeType", required=True),
    scalar("date", "datetime", required=True),
    scalar("url", "str", required=True),
)
