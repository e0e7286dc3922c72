"""Pure decisions about polls: what share each answer has, who sees counts."""

from __future__ import annotations

from collections.abc import Sequence

from gazette.reactions.conf import ShowCounts

PERCENT = 100


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
