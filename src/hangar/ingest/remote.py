"""Reading an LL2 server within its rate limit: the request budget and the retrying HTTP client.

The budget is a sliding window (``15/hour``: at most 15 requests in any hour) over the requests logged
in the database (``MirrorRequest``), so restarting a run never resets it. It is given (``--budget``) or
read from the source's ``/api-throttle/`` (which upstream does not count against the limit); what the
source says is already used counts too. Every request, retries included, is logged before it is sent:
the budget is never exceeded, even by a request whose answer was lost.

Failures are retried by stamina with exponential backoff: timeouts, cut connections, 5xx answers and
bodies that are not complete JSON. A 429 or 503 waits what its ``Retry-After`` says (then the budget).
"""

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import stamina
from django.utils import timezone

from hangar.ingest.models import MirrorRequest

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_BUDGET_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?\s*$")


MARGIN = (1.0, 0.02)  # seconds, share of the period: see Window


class RemoteError(RuntimeError):
    """The source cannot be read (after the retries); the message names the URL and why."""


@dataclass(frozen=True)
class Budget:
    """``requests`` per ``seconds``, over a sliding window; ``Budget(0, 0)`` is no limit (what a Hangar
    without throttling states at ``/api-throttle/``)."""

    requests: int
    seconds: int

    @property
    def unlimited(self) -> bool:
        return self.requests == 0

    @classmethod
    def parse(cls, text: str) -> "Budget":
        """``15/hour``, ``300/day``, ``100/10minutes``; a ValueError names what is accepted."""
        match = _BUDGET_RE.match(text or "")
        if not match or int(match.group(1)) < 1:
            raise ValueError(
                f"{text!r} is not a budget: write REQUESTS/PERIOD, e.g. 15/hour, 300/day, 60/10minutes"
            )
        count = int(match.group(2) or 1)
        return cls(int(match.group(1)), count * _PERIODS[match.group(3)])

    def __str__(self) -> str:
        if self.unlimited:
            return "unlimited"
        for name, seconds in reversed(_PERIODS.items()):
            if self.seconds % seconds == 0:
                n = self.seconds // seconds
                return f"{self.requests}/{'' if n == 1 else n}{name}"
        return f"{self.requests}/{self.seconds}second"  # pragma: no cover (every period divides by 1)

    def interval(self) -> float:
        return 0.0 if self.unlimited else self.seconds / self.requests


class Window:
    """The requests sent to one source over the budget's window, as logged in the database.

    A request stays in the window a little longer than the budget's period (``MARGIN``: one second
    and 2%): a server counts it when it arrives, a moment after it was logged here, and must never
    see one request too many in its own window.
    """

    def __init__(self, source: str, budget: Budget, clock=timezone.now, sleep=time.sleep):
        self.source, self.budget, self.clock, self.sleep = source, budget, clock, sleep

    def span(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.budget.seconds * (1 + MARGIN[1]) + MARGIN[0])

    def _sent(self, now: dt.datetime) -> list[dt.datetime]:
        since = now - self.span()
        MirrorRequest.objects.filter(source=self.source, at__lte=since).delete()
        return list(MirrorRequest.objects.filter(source=self.source).values_list("at", flat=True))

    def wait(self) -> float:
        """Seconds until one more request fits the window (0 when it fits now)."""
        if self.budget.unlimited:
            return 0.0
        now = self.clock()
        sent = self._sent(now)
        if len(sent) < self.budget.requests:
            return 0.0
        # The oldest request that must leave the window before one more fits.
        oldest = sorted(sent)[len(sent) - self.budget.requests]
        return max(0.0, (oldest + self.span() - now).total_seconds())

    def take(self) -> None:
        """Wait until a request fits, then log it as sent."""
        while (delay := self.wait()) > 0:
            self.sleep(min(delay, 60.0) + 0.01)
        MirrorRequest.objects.create(source=self.source, at=self.clock())

    def used_elsewhere(self, used: int) -> None:
        """The source says ``used`` requests of the window are spent: log those we do not know of (as
        sent now, which is conservative: the real ones leave the window sooner)."""
        if self.budget.unlimited:
            return
        missing = used - len(self._sent(self.clock()))
        MirrorRequest.objects.bulk_create(
            [MirrorRequest(source=self.source, at=self.clock()) for _ in range(max(0, missing))]
        )


class Retry(Exception):
    """A failed attempt worth another: ``after`` is the source's Retry-After in seconds, if it gave one."""

    def __init__(self, message: str, after: float | None = None):
        super().__init__(message)
        self.after = after


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        try:
            when = dt.datetime.strptime(raw, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=dt.UTC)
        except ValueError:
            return None
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _backoff(exc: Exception) -> bool | float:
    if isinstance(exc, Retry):
        return exc.after if exc.after is not None else True
    return isinstance(exc, httpx.TransportError)


class Source:
    """One LL2 server: JSON pages fetched within the budget, failures retried."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        timeout: float = 30.0,
        attempts: int = 8,
        wait_initial: float = 0.5,
        wait_max: float = 60.0,
        wait_jitter: float = 1.0,
        transport: httpx.BaseTransport | None = None,
        on_request: Callable[[str], None] = lambda _: None,
    ):
        self.base_url = base_url.rstrip("/")
        headers = {"Accept": "application/json", "User-Agent": "hangar-mirror"}
        if api_key:
            headers["Authorization"] = f"Token {api_key}"
        self.client = httpx.Client(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=transport
        )
        self.attempts = attempts
        self.waits = {"wait_initial": wait_initial, "wait_max": wait_max, "wait_jitter": wait_jitter}
        self.window: Window | None = None
        self.on_request = on_request
        self.sent = 0  # requests sent by this object, retries included

    def close(self) -> None:
        self.client.close()

    def discover_budget(self, fallback: Budget) -> tuple[Budget, str]:
        """The budget ``/2.3.0/api-throttle/`` states (not counted upstream), else ``fallback``."""
        try:
            response = self.client.get("/2.3.0/api-throttle/", params={"format": "json"})
            data = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            data = None
        if isinstance(data, list) and data:  # the official file says an array; upstream sends an object
            data = data[0]
        try:
            budget = Budget(int(data["your_request_limit"]), int(data["limit_frequency_secs"]))
            used = int(data.get("current_use") or 0)
        except (TypeError, KeyError, ValueError):
            return fallback, "given"
        if budget.requests == 0 and budget.seconds == 0:
            budget = Budget(0, 0)  # the server sets no limit for this caller
        elif budget.requests < 1 or budget.seconds < 1:
            return fallback, "given"
        self.window = Window(self.base_url, budget)
        self.window.used_elsewhere(used)
        return budget, "/api-throttle/"

    def use_budget(self, budget: Budget, **kwargs) -> None:
        self.window = Window(self.base_url, budget, **kwargs)

    def _attempt(self, path: str, params: dict) -> dict:
        if self.window is not None:
            self.window.take()
        self.sent += 1
        self.on_request(path)
        try:
            response = self.client.get(path, params=params)
        except httpx.TimeoutException as exc:
            raise Retry(f"timed out ({exc.__class__.__name__})") from None
        if response.status_code in (429, 503):
            raise Retry(f"HTTP {response.status_code}", _retry_after(response))
        if response.status_code >= 500:
            raise Retry(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise RemoteError(f"{response.url}: HTTP {response.status_code}: {response.text[:200]}")
        try:
            return json.loads(response.content)
        except ValueError:
            raise Retry("the body is not complete JSON") from None

    def get(self, path: str, params: dict) -> dict:
        """The JSON at ``path`` with ``params``; RemoteError once the retries are spent."""
        try:
            for attempt in stamina.retry_context(
                on=_backoff, attempts=self.attempts, timeout=None, **self.waits
            ):
                with attempt:
                    return self._attempt(path, params)
        except (Retry, httpx.TransportError) as exc:
            raise RemoteError(f"{self.base_url}{path}: {exc} (after {self.attempts} attempts)") from None
        raise AssertionError("unreachable")  # pragma: no cover
