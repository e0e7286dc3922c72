"""Rate limits shared by every app, counted in the shared store (Redis, or the database).

Fixed windows: each (scope, key) may act `limit` times per `window` seconds. The count lives
where all app server processes see it (gazette.challenges.counters), never in one process's
memory. If the store cannot be reached the check fails closed: the action is refused, not
waved through.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from django.utils.translation import ngettext

from gazette.challenges import counters
from gazette.core import clock

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
    """Too many actions; `retry_after` says in how many seconds the window resets."""

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


def hit(scope: str, key: str, rate: Rate) -> None:
    """Count one action of `key` in `scope`; raise RateLimited once the window is full."""
    now = clock.now().timestamp()
    window_start = int(now // rate.window) * rate.window
    cache_key = f"rl:{scope}:{key}:{window_start}"
    retry_after = max(1, math.ceil(window_start + rate.window - now))
    try:
        count = counters.increment(cache_key, ttl=rate.window + 1)
    except counters.CounterStoreUnavailable:
        logger.warning("Rate limit store unavailable; refusing %s", scope)
        raise RateLimited(retry_after) from None
    if count > rate.limit:
        raise RateLimited(retry_after)
