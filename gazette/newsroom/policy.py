"""Pure decisions of the newsroom dashboard over plain values: the confidence interval of a poll's
share of "yes", shares, medians, the brackets of the share histogram and the periods offered.

No database access here; queries.py feeds these functions counts it read from the rollups.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# 95 % two-sided: the normal quantile the Wilson score interval is drawn with.
Z_95 = 1.959963984540054
# The periods the overview offers, in days; "from-to" is the other choice.
PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30
# An article enters the histogram of poll shares from this many votes: below it the interval is
# wider than a bracket, and one vote would fill the 100 % bracket.
HISTOGRAM_MIN_VOTES = 10
HISTOGRAM_BRACKETS = 10
# The longest period a from-to choice may span (the rollups are daily; ten years is plenty).
LONGEST_PERIOD_DAYS = 3660


@dataclass(frozen=True)
class Interval:
    """A share and its 95 % Wilson score interval, each from 0 to 1."""

    share: float
    low: float
    high: float


def wilson_interval(yes: int, total: int, *, z: float = Z_95) -> Interval | None:
    """The share of `yes` among `total` answers and its Wilson score interval; None for none.

    Wilson's interval stays inside [0, 1] and stays wide for few votes, so 3 votes out of 3 read
    as "somewhere between 44 % and 100 %", never as a plain 100 %.
    """
    if total <= 0:
        return None
    if not 0 <= yes <= total:
        raise ValueError("yes must be between 0 and total")
    share = yes / total
    z2 = z * z
    centre = (share + z2 / (2 * total)) / (1 + z2 / total)
    spread = (
        z * math.sqrt(share * (1 - share) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    )
    return Interval(share=share, low=max(0.0, centre - spread), high=min(1.0, centre + spread))


def share(part: int, whole: int) -> float | None:
    """`part` of `whole` from 0 to 1; None when there is no whole."""
    return part / whole if whole > 0 else None


def median(values: Iterable[float]) -> float | None:
    chosen = list(values)
    return float(statistics.median(chosen)) if chosen else None


def histogram(shares: Iterable[float], brackets: int = HISTOGRAM_BRACKETS) -> list[int]:
    """How many shares fall in each of `brackets` equal brackets of [0, 1]; 1 is in the last."""
    counts = [0] * brackets
    for value in shares:
        counts[min(brackets - 1, int(value * brackets))] += 1
    return counts


@dataclass(frozen=True)
class Period:
    """The days of a dashboard view, both ends included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def last_days(days: int, today: date) -> Period:
    """The `days` days that end today."""
    return Period(first=today - timedelta(days=days - 1), last=today)


def chosen_period(first: date, last: date) -> Period | None:
    """A from-to choice, or None when it runs backwards or spans more than allowed."""
    if last < first or (last - first).days >= LONGEST_PERIOD_DAYS:
        return None
    return Period(first=first, last=last)


def week_start(day: date) -> date:
    """The Monday of `day`'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())
