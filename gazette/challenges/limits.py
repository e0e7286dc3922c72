"""The one rate limiter for readers' actions: every vote, comment, reply, like, report, appeal,
sign-up, password reset, confirmation e-mail and captcha challenge is counted here, per reader and
per IP-hash, under a named rate.

    try:
        limit_action("comment", reader_of(request))
    except RateLimited as exc:
        return too_many_requests(request, exc)

The rates are named in `conf.DEFAULT_RATES` and configured through
settings.GAZETTE_CHALLENGES["RATES"] (environment: GAZETTE_RATES, as JSON); docs/challenges.md
lists them. Counting happens in the shared store and fails closed (ratelimit.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gazette.challenges.conf import challenge_settings
from gazette.challenges.ratelimit import RateLimited, Window, hit, hit_all
from gazette.core.network import address_hash


class Actor(Protocol):
    """Whoever acts: a reader (accounts.readers.Reader) or anything with the same two keys."""

    @property
    def key(self) -> str: ...

    @property
    def ip_hash(self) -> str: ...


@dataclass(frozen=True)
class Address:
    """An actor known only by address: a captcha challenge is fetched before the reader has a
    cookie of ours, so both of its counts fall on the IP-hash."""

    ip_hash: str

    @property
    def key(self) -> str:
        return f"ip:{self.ip_hash}"


def limit_action(action: str, actor: Actor) -> None:
    """Count one `action` for this reader and for their IP-hash.

    Raises RateLimited when either count is over its limit (or the store is down), and
    KeyError for an action with no configured rate, which is a programming error.
    """
    hit_all(action_windows(action, actor))


def action_windows(action: str, actor: Actor) -> list[Window]:
    """The two windows one `action` of this reader counts in (theirs and their IP-hash's), for
    a caller that counts them together with other counts (HumanCheckForm does)."""
    rates = challenge_settings().rates[action]
    return [
        Window.current(f"{action}:reader", actor.key, rates.reader),
        Window.current(f"{action}:ip", actor.ip_hash, rates.ip),
    ]


def limit_address(action: str, address_key: str) -> None:
    """Count one `action` towards a destination (an e-mail address's hash), whoever asks:
    a reader cannot use the site to flood someone else's inbox from many addresses."""
    hit(f"{action}:address", address_key, challenge_settings().rates[action].ip)


def may_mail(address: str) -> bool:
    """Count one e-mail a visitor's action makes us send to `address` (a confirmation link, an
    automatic notice) under the per-address daily limit, whoever asks and from wherever.

    False when the address has had its share (or the store is down): the caller then sends
    nothing, and the action itself goes on.
    """
    try:
        limit_address("confirmation_email", address_hash(address))
    except RateLimited:
        return False
    return True
