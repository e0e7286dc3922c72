"""The live updates' settings (settings.GAZETTE_LIVE), read at call time."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

# Who may listen to a channel that is not public: the permission, checked when a stream opens.
STAFF_CHANNELS = {"moderation": "moderation.moderate_comments"}


@dataclass(frozen=True)
class LiveSettings:
    redis_url: str = ""
    # How often each worker reads the event log when there is no Redis to wake it.
    poll_ms: int = 150
    # Open streams one worker process serves in all, and to one address.
    max_streams: int = 4000
    max_streams_per_address: int = 8
    heartbeat_seconds: int = 15
    # A stream that carried no event for this long is closed (the browser comes back later).
    idle_seconds: int = 600
    # How long events are kept for streams that resume.
    keep_hours: int = 24
    # The reconnection delay a stream asks for, and the longer one after an idle close.
    retry_ms: int = 3000
    idle_retry_ms: int = 60000
    # A stream resuming from further back than this many events is told to reload instead.
    replay_limit: int = 500
    # A first connection (no Last-Event-ID) is sent the last seconds' events of its channels:
    # a kept page may be this old, and the page applies them idempotently.
    first_replay_seconds: int = 60
    # Events waiting for a slow stream; beyond this the stream is closed and resumes later.
    backlog: int = 256


def live_settings() -> LiveSettings:
    raw = dict(getattr(settings, "GAZETTE_LIVE", {}))
    known = {key.lower(): value for key, value in raw.items()}
    fields = LiveSettings.__dataclass_fields__
    return LiveSettings(**{key: value for key, value in known.items() if key in fields})
