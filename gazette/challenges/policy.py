"""Pure decisions of the challenges app: how hard the next challenge is, whether a solved one is
hard enough, and whether a form should be held for moderation. No database, cache or clock."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    """Recent protected-form submissions and failed verifications, from one IP-hash and from
    everyone, over the activity window (a sliding estimate, hence floats)."""

    ip_submissions: float = 0.0
    ip_failures: float = 0.0
    site_submissions: float = 0.0
    site_failures: float = 0.0


@dataclass(frozen=True)
class Thresholds:
    """For each signal, the counts at which difficulty rises to level 1, 2, 3, …"""

    ip_submissions: tuple[int, ...]
    ip_failures: tuple[int, ...]
    site_submissions: tuple[int, ...]
    site_failures: tuple[int, ...]

    def __post_init__(self) -> None:
        for steps in (
            self.ip_submissions,
            self.ip_failures,
            self.site_submissions,
            self.site_failures,
        ):
            if any(step <= 0 for step in steps) or list(steps) != sorted(set(steps)):
                raise ValueError("thresholds must be positive counts in increasing order")


def sliding_count(current: int, previous: int, elapsed_fraction: float) -> float:
    """Estimate the count over the last full window from two fixed windows: all of the current
    one, plus the part of the previous one that still lies inside the last window's length.

    This is what lets difficulty relax smoothly once an attack stops, instead of all at once
    when a fixed window rolls over.
    """
    fraction = min(max(elapsed_fraction, 0.0), 1.0)
    return current + previous * (1.0 - fraction)


def difficulty_level(activity: Activity, thresholds: Thresholds, *, top_level: int) -> int:
    """The level the next challenge needs: the highest any single signal has reached."""
    reached = max(
        _steps_reached(activity.ip_submissions, thresholds.ip_submissions),
        _steps_reached(activity.ip_failures, thresholds.ip_failures),
        _steps_reached(activity.site_submissions, thresholds.site_submissions),
        _steps_reached(activity.site_failures, thresholds.site_failures),
    )
    return min(reached, top_level)


def _steps_reached(count: float, steps: tuple[int, ...]) -> int:
    return sum(1 for step in steps if count >= step)


def is_too_easy(solved_max_number: int, required_max_number: int) -> bool:
    """A solution counts only if its challenge was at least as hard as the one we demand now."""
    return solved_max_number < required_max_number


def should_hold(
    *,
    honeypot_filled: bool,
    without_javascript: bool,
    fill_seconds: float | None,
    min_fill_seconds: float,
) -> bool:
    """Whether a form that passed its checks still goes to a moderator before it is published.

    A filled honeypot, a form sent without the proof of work (only possible when the site holds
    no-JavaScript forms rather than refusing them), a missing or broken render stamp, or a form
    sent faster than a person can fill it are all held: signals of a program, never proof.
    """
    return (
        honeypot_filled
        or without_javascript
        or fill_seconds is None
        or fill_seconds < min_fill_seconds
    )
