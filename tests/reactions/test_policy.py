import pytest

from gazette.reactions.conf import ShowCounts
from gazette.reactions.policy import counts_visible, shares


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], []),
        ([0, 0], [0, 0]),
        ([3, 1], [75, 25]),
        ([1, 1, 1], [34, 33, 33]),
        ([2, 1, 0], [67, 33, 0]),
        ([1, 0, 0, 0, 0, 0, 1], [50, 0, 0, 0, 0, 0, 50]),
        ([1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]),
        ([999, 1], [100, 0]),
    ],
)
def test_shares_are_whole_percentages_that_add_up(counts, expected) -> None:
    assert shares(counts) == expected
    assert sum(expected) in {0, 100}


@pytest.mark.parametrize(
    ("mode", "has_voted", "visible"),
    [
        (ShowCounts.AFTER_VOTE, False, False),
        (ShowCounts.AFTER_VOTE, True, True),
        (ShowCounts.ALWAYS, False, True),
        (ShowCounts.ALWAYS, True, True),
    ],
)
def test_who_sees_the_counts(mode, has_voted, visible) -> None:
    assert counts_visible(mode, has_voted=has_voted) is visible
