"""Counters in fixed time windows, shared by every app server process.

With Redis (or any cache whose increment is atomic) the counts live in the cache. When the shared
cache is Django's database cache they live in the WindowCounter table instead, each added to in the
database itself (an upsert): the database cache's own increment reads and rewrites the value, so
two requests at once would count as one. Any failure of the store raises CounterStoreUnavailable;
callers fail closed.

All the counts of one request go together: `increment_many` is one statement in the database (one
row lock per key, taken in key order so two requests never wait on each other in a circle), or
one pipeline to Redis.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from gazette.challenges.models import WindowCounter
from gazette.core import clock
from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)

_MAX_KEY_LENGTH = 200


class CounterStoreUnavailable(Exception):  # noqa: N818 - a state, as our domain errors are
    """Neither the cache nor the database could count."""


def increment(key: str, *, ttl: int) -> int:
    """Add one to `key` and return the new count; the count is forgotten after `ttl` seconds.

    Keys must name their window (e.g. end in the window's start), so a key is never reused.
    """
    return increment_many({key: ttl})[key]


def increment_many(ttls: Mapping[str, int]) -> dict[str, int]:
    """Add one to each key (mapped to its time to live in seconds) and return the new counts,
    all in one round trip: one statement in the database, one pipeline to Redis. In the
    database it joins the caller's transaction, if any, and holds each key's row lock until
    that commits, so the counts it returns are exact."""
    if not ttls:
        return {}
    try:
        cache = caches["default"]
        if isinstance(cache, DatabaseCache):
            return _upsert_rows(ttls)
        if isinstance(cache, RedisCache):
            return _redis_pipeline(cache, ttls)
        return {key: _cache_increment(cache, key, ttl) for key, ttl in ttls.items()}
    except Exception as exc:  # Redis, database or pickling errors alike: fail closed
        once_a_minute.warn(logger, "Counter store failed", exc=exc)
        raise CounterStoreUnavailable from exc


def current_values(keys: Sequence[str]) -> dict[str, int]:
    """The counts of `keys` (0 for a key never counted), read in one round trip."""
    try:
        if in_database():
            stored = {_stored_key(key): key for key in keys}
            rows = WindowCounter.objects.filter(key__in=stored, expires_at__gt=clock.now())
            found = {stored[row.key]: row.count for row in rows}
        else:
            found = {key: int(value) for key, value in caches["default"].get_many(keys).items()}
    except Exception as exc:
        once_a_minute.warn(logger, "Counter store failed", exc=exc)
        raise CounterStoreUnavailable from exc
    return {key: found.get(key, 0) for key in keys}


def purge_expired(*, dry_run: bool = False) -> int:
    """Delete database counters whose window is over; returns how many were (or, with
    `dry_run`, would be) deleted."""
    expired = WindowCounter.objects.filter(expires_at__lte=clock.now())
    if dry_run:
        return expired.count()
    deleted, _by_model = expired.delete()
    return deleted


def in_database() -> bool:
    """Whether counts live in the WindowCounter table (the shared cache is the database)."""
    return isinstance(caches["default"], DatabaseCache)


def _stored_key(key: str) -> str:
    if len(key) <= _MAX_KEY_LENGTH:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _upsert_rows(ttls: Mapping[str, int]) -> dict[str, int]:
    """INSERT … ON CONFLICT DO UPDATE SET count = count + 1 … RETURNING: SQLite (3.35+) and
    PostgreSQL alike add to the stored count themselves, so no count is lost between two
    requests, and the new values come back in the same statement."""
    now = clock.now()
    stored = {_stored_key(key): (key, ttl) for key, ttl in ttls.items()}
    ops = connection.ops
    table = ops.quote_name(WindowCounter._meta.db_table)
    key_col, count_col, expires_col = (ops.quote_name(c) for c in ("key", "count", "expires_at"))
    rows = sorted(stored.items())
    params: list[Any] = []
    for stored_key, (_key, ttl) in rows:
        expires_at = ops.adapt_datetimefield_value(now + timedelta(seconds=ttl))
        params.extend([stored_key, expires_at])
    values = ", ".join(["(%s, 1, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({key_col}, {count_col}, {expires_col}) VALUES {values} "  # noqa: S608 - names from our model, values as parameters
        f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + 1 "
        f"RETURNING {key_col}, {count_col}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        returned = cursor.fetchall()
    return {stored[stored_key][0]: int(count) for stored_key, count in returned}


def _redis_pipeline(cache: RedisCache, ttls: Mapping[str, int]) -> dict[str, int]:
    """SET NX (the window's expiry, only when the key is new) and INCR for every key, in one
    pipeline (a MULTI/EXEC transaction)."""
    keys = {key: cache.make_and_validate_key(key) for key in ttls}
    # Django exposes no pipeline; its client hands out the redis-py connection that has one.
    client = cache._cache.get_client(write=True)
    pipeline = client.pipeline()
    for key, ttl in ttls.items():
        pipeline.set(keys[key], 0, ex=ttl, nx=True)
        pipeline.incr(keys[key])
    results = pipeline.execute()
    return {key: int(results[2 * index + 1]) for index, key in enumerate(ttls)}


def _cache_increment(cache: Any, key: str, ttl: int) -> int:
    cache.add(key, 0, timeout=ttl)
    return int(cache.incr(key))
