"""Pure decisions about polls: who a voter is, what share each answer has, who sees counts."""

from __future__ import annotations

from collections.abc import Sequence

from gazette.accounts.readers import Reader
from gazette.reactions.conf import ShowCounts

PERCENT = 100


def reader_key(reader: Reader) -> str:
    """The one identity a vote is kept under: the account when signed in, else the cookie ID.

    Prefixes keep the two spaces apart, so an anonymous ID can never pose as an account.
    """
    if reader.user_id is not None:
        return f"u:{reader.user_id}"
    return f"a:{reader.anonymous_id}"


def shares(counts: Sequence[int]) -> list[int]:
    """Whole percentages for `counts` that add up to 100 (largest remainder), or all 0.

    Rounding each share on its own can show 33 + 33 + 33 = 99; a poll's bars should add up.
    """
    total = sum(counts)
    if total <= 0:
        return [0 for _count in counts]
    exact = [count * PERCENT / total for count in counts]
    floors = [int(value) for value in exact]
    missing = PERCENT - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: (floors[i] - exact[i], i))
    for index in by_remainder[:missing]:
        floors[index] += 1
    return floors


def counts_visible(mode: ShowCounts, *, has_voted: bool) -> bool:
    return mode is ShowCounts.ALWAYS or has_voted
