"""The challenges app's settings: one frozen object built from settings.GAZETTE_CHALLENGES at call
time (so override_settings works), with defaults for everything but the site's own secrets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal, cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

from gazette.challenges.policy import Thresholds
from gazette.challenges.ratelimit import Rate

NoJsPolicy = Literal["refuse", "hold"]
NO_JS_POLICIES: tuple[NoJsPolicy, ...] = ("refuse", "hold")

# Every reader action limit_action() counts, each per reader and per IP-hash. Windows are in
# seconds; "5/600" is five per ten minutes. docs/challenges.md explains each one.
DEFAULT_RATES: dict[str, dict[str, str]] = {
    "comment": {"reader": "5/600", "ip": "20/600"},
    "reply": {"reader": "10/600", "ip": "40/600"},
    "like": {"reader": "60/600", "ip": "300/600"},
    # Clearing cookies gives a new reader ID but not a new address: the address rate keeps one
    # person from stuffing a poll.
    "vote": {"reader": "30/600", "ip": "30/3600"},
    "report": {"reader": "10/3600", "ip": "30/3600"},
    "appeal": {"reader": "5/3600", "ip": "20/3600"},
    "signup": {"reader": "3/3600", "ip": "10/3600"},
    "password_reset": {"reader": "5/3600", "ip": "20/3600"},
    # A guest asking for the link to their data (the address's own daily limit applies too).
    "data_request": {"reader": "5/3600", "ip": "20/3600"},
    # Per destination: e-mails asking one address to confirm something, whoever asks.
    "confirmation_email": {"reader": "5/86400", "ip": "5/86400"},
    "challenge": {"reader": "120/600", "ip": "120/600"},
    # Looking a comment over before it is sent (the nudge): screening without a write.
    "nudge": {"reader": "20/600", "ip": "60/600"},
    # Reports of what the Content-Security-Policy blocked, logged (challenges/csp.py).
    "csp_report": {"reader": "30/600", "ip": "30/600"},
}

DEFAULTS: dict[str, Any] = {
    # Signs every challenge. Empty means "derive one from SECRET_KEY".
    "HMAC_KEY": "",
    "EXPIRES_SECONDS": 600,
    # The largest secret number of a challenge at each difficulty level, easiest first. A
    # browser tries on average half of them; docs/challenges.md has the measured times (from
    # well under a second at level 0 to several seconds on a phone at level 3).
    "LEVELS": [20_000, 100_000, 250_000, 1_000_000],
    # Counts per ACTIVITY_WINDOW at which difficulty rises one level (level 1, 2, 3, …).
    "THRESHOLDS": {
        "ip_submissions": [10, 30, 80],
        "ip_failures": [5, 15, 40],
        "site_submissions": [300, 1_500, 6_000],
        "site_failures": [100, 500, 2_000],
    },
    "ACTIVITY_WINDOW": 600,
    # A reader without JavaScript: "refuse" the form, or "hold" what they send for moderation.
    "NO_JS": "hold",
    # Forms sent sooner than this after they were shown are held for moderation.
    "MIN_FILL_SECONDS": 3.0,
    "RATES": DEFAULT_RATES,
}


@dataclass(frozen=True)
class ActionRates:
    reader: Rate
    ip: Rate


@dataclass(frozen=True)
class ChallengeSettings:
    hmac_key: str
    expires: timedelta
    levels: tuple[int, ...]
    thresholds: Thresholds
    activity_window: int
    no_js: NoJsPolicy
    min_fill_seconds: float
    rates: Mapping[str, ActionRates]

    @property
    def top_level(self) -> int:
        return len(self.levels) - 1

    def max_number(self, level: int) -> int:
        return self.levels[min(max(level, 0), self.top_level)]


def challenge_settings() -> ChallengeSettings:
    """The current settings, validated; a mistake raises ImproperlyConfigured."""
    configured: Mapping[str, Any] = getattr(settings, "GAZETTE_CHALLENGES", {})
    unknown = set(configured) - set(DEFAULTS)
    if unknown:
        raise ImproperlyConfigured(f"Unknown GAZETTE_CHALLENGES keys: {sorted(unknown)}")
    values = {**DEFAULTS, **configured}
    try:
        return ChallengeSettings(
            hmac_key=str(values["HMAC_KEY"]) or _derived_hmac_key(),
            expires=timedelta(seconds=_positive(values["EXPIRES_SECONDS"], "EXPIRES_SECONDS")),
            levels=_levels(values["LEVELS"]),
            thresholds=_thresholds(values["THRESHOLDS"]),
            activity_window=int(_positive(values["ACTIVITY_WINDOW"], "ACTIVITY_WINDOW")),
            no_js=_no_js(values["NO_JS"]),
            min_fill_seconds=float(values["MIN_FILL_SECONDS"]),
            rates=_rates(values["RATES"]),
        )
    except (TypeError, ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"GAZETTE_CHALLENGES is malformed: {exc}") from exc


def _derived_hmac_key() -> str:
    # A key of its own, so a leaked challenge signature says nothing about SECRET_KEY's other
    # uses; rotating SECRET_KEY rotates it too (open challenges then fail and are re-fetched).
    return salted_hmac("gazette.challenges.altcha-hmac-key", "v1", algorithm="sha256").hexdigest()


def _positive(value: object, name: str) -> float:
    number = float(cast(float, value))
    if number <= 0:
        raise ValueError(f"{name} must be positive")
    return number


def _levels(value: object) -> tuple[int, ...]:
    levels = tuple(int(item) for item in cast(list[int], value))
    if not levels or any(level <= 0 for level in levels) or list(levels) != sorted(set(levels)):
        raise ValueError("LEVELS must be positive numbers in increasing order")
    return levels


def _thresholds(value: object) -> Thresholds:
    table = {**DEFAULTS["THRESHOLDS"], **cast(Mapping[str, list[int]], value)}
    return Thresholds(
        ip_submissions=tuple(table["ip_submissions"]),
        ip_failures=tuple(table["ip_failures"]),
        site_submissions=tuple(table["site_submissions"]),
        site_failures=tuple(table["site_failures"]),
    )


def _no_js(value: object) -> NoJsPolicy:
    for policy in NO_JS_POLICIES:
        if value == policy:
            return policy
    raise ValueError(f"NO_JS must be one of {NO_JS_POLICIES}")


def _rates(value: object) -> dict[str, ActionRates]:
    """The default table with the configured rates over it; an action may give only one of
    its two rates. An unknown action is a mistake (nothing would ever count it)."""
    configured = cast(Mapping[str, Mapping[str, str]], value)
    unknown = set(configured) - set(DEFAULT_RATES)
    if unknown:
        raise ValueError(f"unknown rate names {sorted(unknown)}; known: {sorted(DEFAULT_RATES)}")
    table = {
        action: {**pair, **configured.get(action, {})} for action, pair in DEFAULT_RATES.items()
    }
    return {
        action: ActionRates(reader=Rate.parse(pair["reader"]), ip=Rate.parse(pair["ip"]))
        for action, pair in table.items()
    }
