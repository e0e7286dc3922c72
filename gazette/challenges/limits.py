"""Named rate limits for the readers' actions, each counted per reader and per IP-hash.

    try:
        key = reader_key(user_id=reader.user_id, anonymous_id=reader.anonymous_id)
        limit_action("comment", reader_key=key, ip_hash=reader.ip_hash)
    except RateLimited as exc:
        return too_many_requests(request, exc)

The rates live in settings.GAZETTE_CHALLENGES["RATES"] (defaults in conf.py).
"""

from __future__ import annotations

from gazette.challenges.conf import challenge_settings
from gazette.challenges.ratelimit import hit


def limit_action(action: str, *, reader_key: str, ip_hash: str) -> None:
    """Count one `action` for this reader and for their IP-hash.

    Raises RateLimited when either count is over its limit (or the store is down), and
    KeyError for an action with no configured rate, which is a programming error.
    """
    rates = challenge_settings().rates[action]
    hit(f"{action}:reader", reader_key, rates.reader)
    hit(f"{action}:ip", ip_hash, rates.ip)


def reader_key(*, user_id: int | None, anonymous_id: str) -> str:
    """One key per reader: their account when signed in, else their first-party cookie ID."""
    return f"user:{user_id}" if user_id is not None else f"anon:{anonymous_id}"
