"""Every endpoint Hangar serves, read from the router: what the generic tests run over.

A new endpoint registered in ``hangar.api.urls`` is covered by every generic test (query counts,
schema conformance, fast-path parity, crawl) without touching a test.
"""

from dataclasses import dataclass

from hangar.api.urls import router


@dataclass(frozen=True)
class Endpoint:
    prefix: str
    viewset: type
    basename: str

    @property
    def path(self) -> str:
        return f"/2.3.0/{self.prefix}/"

    @property
    def lists(self) -> bool:
        return hasattr(self.viewset, "list")

    @property
    def modes(self) -> list:
        modes = getattr(self.viewset, "modes", None)
        return list(modes) if modes else [None]

    @property
    def model(self):
        return self.viewset.queryset.model

    def url(self, pk=None, mode=None, fmt=None, **params) -> str:
        query = {"format": fmt, "mode": mode, **params}
        text = "&".join(f"{k}={v}" for k, v in query.items() if v is not None)
        path = self.path if pk is None else f"{self.path}{pk}/"
        return f"{path}?{text}" if text else path


ENDPOINTS = [Endpoint(*entry) for entry in router.registry]
