"""One hub per worker process: it reads the event log once for every stream it serves.

A thread of its own waits to be woken (a Redis message, or a publisher in this process) or for
the next poll, reads the events after the last one it saw (one query, whatever the number of
streams), encodes each once and hands them to the event loop, which gives each to the streams
listening to its channel: filtering is in memory, by channel. Recent events stay in a ring, so
a stream that resumes from a recent id, or a new one asking for the last minute, needs no query.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections import Counter, defaultdict, deque
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import redis
from asgiref.sync import sync_to_async
from django.db import DatabaseError, close_old_connections, connection
from django.db.models import Max

from gazette.core import clock
from gazette.live.conf import LiveSettings, live_settings
from gazette.live.events import WAKE_CHANNEL, redis_client
from gazette.live.models import LiveEvent

logger = logging.getLogger(__name__)

RING_SIZE = 2000
BATCH = 1000


class Frame(NamedTuple):
    """An event as every stream sends it: its id, its channel, its bytes, when it was written
    (on this process's monotonic clock)."""

    id: int
    channel: str
    data: bytes
    at: float


def encode(event_id: int, kind: str, data: Any) -> bytes:
    payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return f"id: {event_id}\nevent: {kind}\ndata: {payload}\n\n".encode()


class StreamsExhausted(Exception):  # noqa: N818 - named for the state it reports
    """No stream can be opened now: `per_address` says whether this address has its share."""

    def __init__(self, *, per_address: bool) -> None:
        super().__init__("per address" if per_address else "in total")
        self.per_address = per_address


class Listener:
    """One open stream: the channels it hears and the frames waiting for it."""

    __slots__ = ("address", "channels", "frames", "overflowed", "waiter")

    def __init__(self, channels: frozenset[str], address: str) -> None:
        self.channels = channels
        self.address = address
        self.frames: list[Frame] = []
        self.waiter: asyncio.Future[None] | None = None
        self.overflowed = False

    def push(self, frame: Frame, backlog: int) -> None:
        if self.overflowed:
            return
        if len(self.frames) >= backlog:
            # A client that cannot keep up is let go; it resumes from its last id.
            self.overflowed = True
            self.frames.clear()
        else:
            self.frames.append(frame)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


class Hub:
    def __init__(self, *, conf: LiveSettings | None = None, run_reader: bool = True) -> None:
        self.conf = conf or live_settings()
        self.run_reader = run_reader
        self.loop: asyncio.AbstractEventLoop | None = None
        self.ready: asyncio.Future[None] | None = None
        self.by_channel: defaultdict[str, set[Listener]] = defaultdict(set)
        self.addresses: Counter[str] = Counter()
        self.open_count = 0
        self.ring: deque[Frame] = deque(maxlen=RING_SIZE)
        # Every event with an id above the floor is in the ring.
        self.floor = 0
        self.last_id = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- in the event loop

    async def ensure_started(self) -> None:
        if self.ready is None:
            self.loop = asyncio.get_running_loop()
            self.ready = self.loop.create_future()
            try:
                rows = await sync_to_async(self._initial_rows)()
            except Exception as exc:
                self.ready.set_exception(exc)
                self.ready = None
                raise
            self._install(rows)
            self.ready.set_result(None)
            if self.run_reader:
                self._thread = threading.Thread(target=self._run, name="live-reader", daemon=True)
                self._thread.start()
        await self.ready

    def _install(self, rows: list[tuple[int, str, str, Any, datetime]]) -> None:
        now, monotonic = clock.now(), time.monotonic()
        for event_id, channel, kind, data, created_at in rows:
            at = monotonic - (now - created_at).total_seconds()
            self.ring.append(Frame(event_id, channel, encode(event_id, kind, data), at))

    def open(self, channels: frozenset[str], address: str) -> Listener:
        if self.open_count >= self.conf.max_streams:
            raise StreamsExhausted(per_address=False)
        if self.addresses[address] >= self.conf.max_streams_per_address:
            raise StreamsExhausted(per_address=True)
        listener = Listener(channels, address)
        for channel in channels:
            self.by_channel[channel].add(listener)
        self.addresses[address] += 1
        self.open_count += 1
        return listener

    def close(self, listener: Listener) -> None:
        for channel in listener.channels:
            listeners = self.by_channel.get(channel)
            if listeners is not None:
                listeners.discard(listener)
                if not listeners:
                    del self.by_channel[channel]
        self.addresses[listener.address] -= 1
        if self.addresses[listener.address] <= 0:
            del self.addresses[listener.address]
        self.open_count -= 1

    def dispatch(self, frames: list[Frame]) -> None:
        backlog = self.conf.backlog
        for frame in frames:
            if len(self.ring) == self.ring.maxlen:
                self.floor = self.ring[0].id
            self.ring.append(frame)
            for listener in self.by_channel.get(frame.channel, ()):
                listener.push(frame, backlog)

    def kept_since(self, channels: frozenset[str], after_id: int) -> list[Frame] | None:
        """The events after `after_id` on these channels, if the ring still holds them all."""
        if after_id < self.floor:
            return None
        return [f for f in self.ring if f.id > after_id and f.channel in channels]

    def recent(self, channels: frozenset[str], seconds: float) -> list[Frame]:
        since = time.monotonic() - seconds
        return [f for f in self.ring if f.at >= since and f.channel in channels]

    # ---------------------------------------------------------------- reading the log

    def _initial_rows(self) -> list[tuple[int, str, str, Any, datetime]]:
        """The last minute's events (for first connections), and where reading starts."""
        cutoff = clock.now() - timedelta(seconds=self.conf.first_replay_seconds)
        rows = list(
            LiveEvent.objects.filter(created_at__gte=cutoff)
            .order_by("-id")
            .values_list("id", "channel", "kind", "data", "created_at")[:RING_SIZE]
        )
        rows.reverse()
        if rows:
            self.floor = rows[0][0] - 1
            self.last_id = rows[-1][0]
        else:
            self.last_id = LiveEvent.objects.aggregate(last=Max("id"))["last"] or 0
            self.floor = self.last_id
        return rows

    def read_new(self) -> int:
        """Read the events after the last one seen and hand them to the streams; how many."""
        rows = list(
            LiveEvent.objects.filter(id__gt=self.last_id)
            .order_by("id")
            .values_list("id", "channel", "kind", "data")[:BATCH]
        )
        if not rows:
            return 0
        self.last_id = rows[-1][0]
        at = time.monotonic()
        frames = [Frame(i, channel, encode(i, kind, data), at) for i, channel, kind, data in rows]
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.dispatch, frames)
        return len(frames)

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def _run(self) -> None:
        url = self.conf.redis_url
        pubsub = None
        while not self._stop.is_set():
            try:
                if url:
                    pubsub = pubsub or self._subscribe(url)
                    self._wait_for_redis(pubsub)
                else:
                    self._wake.wait(self.conf.poll_ms / 1000)
                    self._wake.clear()
                self.read_new()
            except redis.RedisError:
                logger.warning("Live updates: Redis unavailable, reading the log", exc_info=True)
                pubsub = None
                self._wake.wait(self.conf.poll_ms / 1000)
                self._safe_read()
            except DatabaseError:
                logger.warning("Live updates: the event log could not be read", exc_info=True)
                connection.close()
                self._stop.wait(1)
        close_old_connections()

    def _safe_read(self) -> None:
        try:
            self.read_new()
        except DatabaseError:
            connection.close()

    @staticmethod
    def _subscribe(url: str) -> Any:
        pubsub = redis_client(url).pubsub(ignore_subscribe_messages=True)  # type: ignore[no-untyped-call]  # redis leaves it untyped
        pubsub.subscribe(WAKE_CHANNEL)
        return pubsub

    def _wait_for_redis(self, pubsub: Any) -> bool:
        """Until a publisher says the log grew (or a second passes: a lost message, or one
        published while Redis was away, is found by reading anyway). Messages that arrived
        meanwhile are drained: one read serves them all."""
        deadline = time.monotonic() + 1.0
        while (remaining := deadline - time.monotonic()) > 0:
            # None also for a message it ignores (the subscription's confirmation): wait on.
            if pubsub.get_message(timeout=remaining) is not None:
                while pubsub.get_message(timeout=0) is not None:
                    pass
                return True
        return False


_hub: Hub | None = None


def process_hub() -> Hub:
    global _hub  # noqa: PLW0603 - one hub per worker process, made on the first stream
    if _hub is None:
        _hub = Hub()
    return _hub


def wake_local() -> None:
    """A publisher in this process: read the log now rather than at the next poll."""
    if _hub is not None:
        _hub.wake()
