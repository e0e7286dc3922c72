"""Counters in fixed time windows, shared by every app server process.

With Redis (or any cache whose increment is atomic) the counts live in the cache. When the shared
cache is Django's database cache they live in the WindowCounter table instead, incremented with
F(): the database cache's own increment reads and rewrites the value, so two requests at once
would count as one. Any failure of the store raises CounterStoreUnavailable; callers fail closed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import timedelta

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import IntegrityError, transaction
from django.db.models import F

from gazette.challenges.models import WindowCounter
from gazette.core import clock

logger = logging.getLogger(__name__)

_MAX_KEY_LENGTH = 200


class CounterStoreUnavailable(Exception):  # noqa: N818 - a state, as our domain errors are
    """Neither the cache nor the database could count."""


def increment(key: str, *, ttl: int) -> int:
    """Add one to `key` and return the new count; the count is forgotten after `ttl` seconds.

    Keys must name their window (e.g. end in the window's start), so a key is never reused.
    """
    try:
        if _counts_in_database():
            return _increment_row(_stored_key(key), ttl)
        cache = caches["default"]
        cache.add(key, 0, timeout=ttl)
        return int(cache.incr(key))
    except Exception as exc:  # Redis, database or pickling errors alike: fail closed
        logger.exception("Counter store failed")
        raise CounterStoreUnavailable from exc


def current_values(keys: Sequence[str]) -> dict[str, int]:
    """The counts of `keys` (0 for a key never counted), read in one round trip."""
    try:
        if _counts_in_database():
            stored = {_stored_key(key): key for key in keys}
            rows = WindowCounter.objects.filter(key__in=stored, expires_at__gt=clock.now())
            found = {stored[row.key]: row.count for row in rows}
        else:
            found = {key: int(value) for key, value in caches["default"].get_many(keys).items()}
    except Exception as exc:
        logger.exception("Counter store failed")
        raise CounterStoreUnavailable from exc
    return {key: found.get(key, 0) for key in keys}


def purge_expired() -> int:
    """Delete database counters whose window is over; returns how many were deleted."""
    deleted, _by_model = WindowCounter.objects.filter(expires_at__lte=clock.now()).delete()
    return deleted


def _counts_in_database() -> bool:
    return isinstance(caches["default"], DatabaseCache)


def _stored_key(key: str) -> str:
    if len(key) <= _MAX_KEY_LENGTH:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _increment_row(key: str, ttl: int) -> int:
    expires_at = clock.now() + timedelta(seconds=ttl)
    with transaction.atomic():
        # The UPDATE takes the row lock; reading inside the same transaction therefore sees our
        # own increment and nobody else's until we commit.
        if not WindowCounter.objects.filter(key=key).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    WindowCounter.objects.create(key=key, count=1, expires_at=expires_at)
            except IntegrityError:
                # Another request created the row between our UPDATE and INSERT.
                WindowCounter.objects.filter(key=key).update(count=F("count") + 1)
        return WindowCounter.objects.values_list("count", flat=True).get(key=key)
