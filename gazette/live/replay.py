"""Reads of the event log for a stream that resumes from further back than its hub keeps."""

from __future__ import annotations

from django.db import close_old_connections, connection

from gazette.live.hub import Frame, encode
from gazette.live.models import LiveEvent


def events_after(channels: frozenset[str], after_id: int, limit: int) -> list[Frame] | None:
    """The events on `channels` after `after_id`, in order; None when more than `limit` were
    missed (the page is better reloaded than replayed)."""
    try:
        rows = list(
            LiveEvent.objects.filter(channel__in=channels, id__gt=after_id)
            .order_by("id")
            .values_list("id", "channel", "kind", "data")[: limit + 1]
        )
    finally:
        tidy_connection()
    if len(rows) > limit:
        return None
    return [Frame(i, channel, encode(i, kind, data), 0.0) for i, channel, kind, data in rows]


def tidy_connection() -> None:
    """After a read on the thread the streams share: the connection is dropped when too old or
    broken, as after a request (never inside a transaction, as in a test)."""
    if not connection.in_atomic_block:
        close_old_connections()
