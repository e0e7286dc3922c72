"""Recent protected-form activity, per IP-hash and site-wide, and the difficulty it calls for.

Counts live in the shared store (counters.py), in fixed windows of ACTIVITY_WINDOW seconds; the
policy sees a sliding estimate over the last window. When the store cannot be read, difficulty
is the highest level: a failing store makes the check harder, never easier.
"""

from __future__ import annotations

import logging

from gazette.challenges import counters
from gazette.challenges.conf import ChallengeSettings
from gazette.challenges.policy import Activity, difficulty_level, sliding_count
from gazette.core import clock
from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)

SUBMISSIONS = "submissions"
FAILURES = "failures"
_SITE = "site"


def note_submission(ip_hash: str, *, config: ChallengeSettings) -> None:
    """Count one protected form sent from this IP-hash (and site-wide)."""
    _note(SUBMISSIONS, ip_hash, config)


def note_failure(ip_hash: str, *, config: ChallengeSettings) -> None:
    """Count one failed verification from this IP-hash (and site-wide)."""
    _note(FAILURES, ip_hash, config)


def recent_activity(ip_hash: str, *, config: ChallengeSettings) -> Activity:
    """Raises counters.CounterStoreUnavailable when the store cannot be read."""
    window = config.activity_window
    now = clock.now().timestamp()
    current = int(now // window) * window
    previous = current - window
    elapsed = (now - current) / window
    names = [(kind, who) for kind in (SUBMISSIONS, FAILURES) for who in (f"ip:{ip_hash}", _SITE)]
    keys = [_key(kind, who, start) for kind, who in names for start in (current, previous)]
    values = counters.current_values(keys)
    estimate = {
        (kind, who): sliding_count(
            values[_key(kind, who, current)], values[_key(kind, who, previous)], elapsed
        )
        for kind, who in names
    }
    ip = f"ip:{ip_hash}"
    return Activity(
        ip_submissions=estimate[SUBMISSIONS, ip],
        ip_failures=estimate[FAILURES, ip],
        site_submissions=estimate[SUBMISSIONS, _SITE],
        site_failures=estimate[FAILURES, _SITE],
    )


def current_level(ip_hash: str, *, config: ChallengeSettings) -> int:
    """The difficulty level a challenge for this IP-hash must have now; raises
    counters.CounterStoreUnavailable when the counts cannot be read."""
    activity = recent_activity(ip_hash, config=config)
    return difficulty_level(activity, config.thresholds, top_level=config.top_level)


def required_level(ip_hash: str, *, config: ChallengeSettings) -> int:
    """current_level(), or the hardest level when the counts cannot be read."""
    try:
        return current_level(ip_hash, config=config)
    except counters.CounterStoreUnavailable:
        once_a_minute.warn(logger, "Activity counts unavailable; demanding the hardest challenge")
        return config.top_level


def counts_for(ip_hash: str, *, failed: bool, config: ChallengeSettings) -> dict[str, int]:
    """What one protected form adds to the activity counts (key → time to live): a submission,
    and a failure when its check failed, each for this IP-hash and site-wide. For a caller that
    counts them together with other counts (counters.increment_many)."""
    window = config.activity_window
    start = int(clock.now().timestamp() // window) * window
    # Two windows: the previous one is still read for the sliding estimate.
    ttl = 2 * window + 1
    kinds = (SUBMISSIONS, FAILURES) if failed else (SUBMISSIONS,)
    return {_key(kind, who, start): ttl for kind in kinds for who in (f"ip:{ip_hash}", _SITE)}


def _note(kind: str, ip_hash: str, config: ChallengeSettings) -> None:
    counts = counts_for(ip_hash, failed=kind == FAILURES, config=config)
    try:
        counters.increment_many(
            {key: ttl for key, ttl in counts.items() if key.startswith(f"activity:{kind}:")}
        )
    except counters.CounterStoreUnavailable:
        # Not counting cannot let anything through: reading fails closed (hardest level).
        logger.warning("Could not count %s", kind)


def _key(kind: str, who: str, window_start: int) -> str:
    return f"activity:{kind}:{who}:{window_start}"
