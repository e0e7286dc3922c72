"""Publishing live events: the one function the services call, inside their transaction.

The event is a row of the event log written in the change's own transaction, so it exists
exactly when the change was kept (a rollback takes it away, a worker dying after the commit
loses nothing). Listeners hear of it once the transaction commits: through Redis pub/sub when
REDIS_URL is set, else within one poll of the log by each worker (docs/live-updates.md).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import redis
from django.db import transaction

from gazette.core import clock
from gazette.core.ordering import order_log_writers
from gazette.live.conf import live_settings
from gazette.live.models import LiveEvent

logger = logging.getLogger(__name__)

# The Redis channel on which every app server hears that the log grew.
WAKE_CHANNEL = "gazette:live:wake"

_clients: dict[str, redis.Redis] = {}


def redis_client(url: str) -> redis.Redis:
    """One client per address and process; short timeouts, a Redis that hangs must not hold a
    reader's request (the log keeps the event, a poll finds it)."""
    client = _clients.get(url)
    if client is None:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        _clients[url] = client
    return client


def publish(*, channel: str, kind: str, data: dict[str, Any]) -> None:
    """Record the event `kind` on `channel` with `data` (JSON, everything a listener shows).

    Must run inside the transaction of the change it tells of; nothing is published if that
    transaction rolls back. Events are numbered in commit order: on PostgreSQL the log writers'
    lock (core/ordering.py, shared with the audit chain, so no two transactions can deadlock
    over the two logs) is held until commit, so a later number is never visible before an
    earlier one; SQLite has one writer at a time already."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("publish() must be called inside the transaction of the change.")
    order_log_writers()
    LiveEvent.objects.create(channel=channel, kind=kind, data=data, created_at=clock.now())
    transaction.on_commit(wake_listeners, robust=True)


def wake_listeners() -> None:
    """Tell every app server's reader that the log grew (the local one too)."""
    from gazette.live import hub  # noqa: PLC0415 - the hub is only loaded where streams are served

    hub.wake_local()
    url = live_settings().redis_url
    if not url:
        return
    try:
        redis_client(url).publish(WAKE_CHANNEL, b"1")
    except redis.RedisError:
        # The event is in the log: the readers' fallback poll delivers it a little later.
        logger.warning("Live updates: Redis could not be told of a new event", exc_info=True)


def prune_events() -> int:
    """Delete events older than the settings keep; how many were deleted."""
    cutoff = clock.now() - timedelta(hours=live_settings().keep_hours)
    deleted, _rows = LiveEvent.objects.filter(created_at__lt=cutoff).delete()
    return deleted
