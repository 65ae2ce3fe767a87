"""Specs of what the Starship dashboard shows beside launches and events: road closures and notices,
with their ``/config/`` lookups. The dashboard object itself has no id: it is not imported, its parts are
(launches, events, updates, launchers and spacecraft arrive through their own endpoints)."""

from hangar.ingest.spec import fk, register, scalar

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
