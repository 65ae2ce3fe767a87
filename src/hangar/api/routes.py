"""Every route the router serves, described: what it serves, its modes and components, its upstream twin.

The ``/docs/`` page and the README's endpoint table (``tools/endpoint_table.py``) are both written from
these rows, so neither can list an endpoint that is not served or miss one that is.
"""

from dataclasses import dataclass

UPSTREAM = "https://ll.thespacedevs.com"


@dataclass(frozen=True)
class Route:
    prefix: str
    lists: bool
    modes: tuple[tuple[str, str], ...]  # (mode, component) in the view's order; ("", component) for lookups
    list_mode: str | None
    detail_mode: str | None

    @property
    def path(self) -> str:
        return f"/2.3.0/{self.prefix}/"

    @property
    def upstream(self) -> str:
        return UPSTREAM + self.path

    def defaults(self, mode: str) -> list[str]:
        """Which views (``list``, ``detail``) answer in ``mode`` when no mode is asked for."""
        marks = (("list", self.lists and self.list_mode), ("detail", self.detail_mode))
        return [view for view, default in marks if mode and default == mode]

    @property
    def mode_rows(self) -> list[tuple[str, str, list[str]]]:
        """(mode, component, the views it is the default of) for each mode."""
        return [(mode, name, self.defaults(mode)) for mode, name in self.modes]


def component(serializer) -> str:
    """The upstream component a serializer produces: its name, as the naming rule has it."""
    return serializer.__name__.removesuffix("Serializer")


def routes() -> list[Route]:
    from hangar.api.urls import router

    rows = []
    for prefix, viewset, _ in sorted(router.registry, key=lambda entry: entry[0]):
        modes = getattr(viewset, "modes", None)
        rows.append(
            Route(
                prefix=prefix,
                lists=hasattr(viewset, "list"),
                modes=tuple((m, component(s)) for m, s in modes.items())
                if modes
                else (("", component(viewset.serializer_class)),),
                list_mode=viewset.list_mode if modes else None,
                detail_mode=viewset.detail_mode if modes else None,
            )
        )
    return rows
