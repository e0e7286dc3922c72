"""Rate limits shared by every app, counted in the shared store (Redis, or the database).

Fixed windows: each (scope, key) may act `limit` times per `window` seconds. The count lives
where all app server processes see it (gazette.challenges.counters), never in one process's
memory. If the store cannot be reached the check fails closed: the action is refused, not
waved through.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from gazette.challenges import counters
from gazette.core import clock
from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)

SECONDS_PER_MINUTE = 60


@dataclass(frozen=True)
class Rate:
    limit: int
    window: int  # seconds

    @classmethod
    def parse(cls, text: str) -> Rate:
        """'30/3600' → 30 actions per hour."""
        limit_text, _sep, window_text = text.partition("/")
        problem = f"Not a rate: {text!r} (write actions/seconds, e.g. 30/3600)"
        try:
            limit, window = int(limit_text), int(window_text)
        except ValueError:
            raise ValueError(problem) from None
        if limit < 0 or window <= 0:
            raise ValueError(problem)
        return cls(limit=limit, window=window)


class RateLimited(Exception):  # noqa: N818 - named for the state, as our domain errors are
    """Too many actions; `retry_after` says in how many seconds the window resets, `status` is
    the HTTP status that says so (429)."""

    status = 429

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        if retry_after < SECONDS_PER_MINUTE:
            self.message = ngettext(
                "You are doing that too often. Please wait %(count)d second and try again.",
                "You are doing that too often. Please wait %(count)d seconds and try again.",
                retry_after,
            ) % {"count": retry_after}
        else:
            minutes = math.ceil(retry_after / SECONDS_PER_MINUTE)
            self.message = ngettext(
                "You are doing that too often. Please wait %(count)d minute and try again.",
                "You are doing that too often. Please wait %(count)d minutes and try again.",
                minutes,
            ) % {"count": minutes}
        super().__init__(self.message)


class LimitsUnavailable(RateLimited):
    """The store that counts actions cannot be reached (Redis down): the action is refused, as
    every unchecked action is, but the reader is told the truth, with 503 rather than 429."""

    status = 503
    RETRY_SECONDS = 30

    def __init__(self) -> None:
        self.retry_after = self.RETRY_SECONDS
        self.message = gettext("This is temporarily unavailable. Please try again shortly.")
        Exception.__init__(self, self.message)


@dataclass(frozen=True)
class Window:
    """The current window of one (scope, key) under a rate: its counter's key and lifetime, and
    how long until it resets."""

    scope: str
    cache_key: str
    rate: Rate
    retry_after: int

    @classmethod
    def current(cls, scope: str, key: str, rate: Rate) -> Window:
        now = clock.now().timestamp()
        window_start = int(now // rate.window) * rate.window
        return cls(
            scope=scope,
            cache_key=f"rl:{scope}:{key}:{window_start}",
            rate=rate,
            retry_after=max(1, math.ceil(window_start + rate.window - now)),
        )

    @property
    def ttl(self) -> int:
        return self.rate.window + 1


def counts_of(windows: Sequence[Window]) -> dict[str, int]:
    """What counting these windows adds to the store: key → time to live."""
    return {window.cache_key: window.ttl for window in windows}


def enforce(windows: Sequence[Window], counts: Mapping[str, int] | None) -> None:
    """Raise RateLimited if any window's new count is over its limit, or if the counts are
    unknown (None, or a key missing: the store could not count), which refuses the action."""
    for window in windows:
        count = None if counts is None else counts.get(window.cache_key)
        if count is None:
            once_a_minute.warn(logger, "Rate limit store unavailable; refusing actions")
            raise LimitsUnavailable
        if count > window.rate.limit:
            raise RateLimited(window.retry_after)


def hit_all(windows: Sequence[Window]) -> None:
    """Count one action in each window, in one round trip to the store; raise RateLimited once
    any window is full or the store is down."""
    try:
        counts: dict[str, int] | None = counters.increment_many(counts_of(windows))
    except counters.CounterStoreUnavailable:
        counts = None
    enforce(windows, counts)


def hit(scope: str, key: str, rate: Rate) -> None:
    """Count one action of `key` in `scope`; raise RateLimited once the window is full."""
    hit_all([Window.current(scope, key, rate)])
