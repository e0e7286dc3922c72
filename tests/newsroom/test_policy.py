from datetime import date

import pytest

from gazette.newsroom import policy


@pytest.mark.parametrize(
    ("yes", "total", "low", "high"),
    [
        (3, 3, 0.4385, 1.0),
        (0, 3, 0.0, 0.5615),
        (1, 2, 0.0945, 0.9055),
        (50, 100, 0.4038, 0.5962),
        (80, 100, 0.7112, 0.8666),
        (800, 1000, 0.7741, 0.8236),
    ],
)
def test_wilson_interval_is_wide_for_few_votes_and_narrows_with_more(yes, total, low, high):
    interval = policy.wilson_interval(yes, total)
    assert interval is not None
    assert (round(interval.low, 4), round(interval.high, 4)) == (low, high)
    assert interval.share == yes / total


def test_no_votes_have_no_interval():
    assert policy.wilson_interval(0, 0) is None


def test_more_yes_than_votes_is_refused():
    with pytest.raises(ValueError, match="between 0 and total"):
        policy.wilson_interval(4, 3)


@pytest.mark.parametrize(("part", "whole", "expected"), [(1, 4, 0.25), (0, 5, 0.0), (3, 0, None)])
def test_share(part, whole, expected):
    assert policy.share(part, whole) == expected


@pytest.mark.parametrize(
    ("values", "expected"), [([], None), ([3], 3.0), ([1, 5, 2], 2.0), ([1, 2, 3, 4], 2.5)]
)
def test_median(values, expected):
    assert policy.median(values) == expected


def test_histogram_puts_a_full_share_in_the_last_bracket():
    assert policy.histogram([0.0, 0.05, 0.1, 0.55, 0.99, 1.0]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


@pytest.mark.parametrize(
    ("first", "last", "days"),
    [(date(2026, 1, 1), date(2026, 1, 1), 1), (date(2026, 1, 1), date(2026, 12, 31), 365)],
)
def test_a_chosen_period_includes_both_days(first, last, days):
    period = policy.chosen_period(first, last)
    assert period is not None
    assert period.days == days


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2026, 1, 2), date(2026, 1, 1)), (date(2000, 1, 1), date(2026, 1, 1))],
)
def test_a_backward_or_too_long_period_is_refused(first, last):
    assert policy.chosen_period(first, last) is None


def test_last_days_end_today():
    period = policy.last_days(7, date(2026, 12, 7))
    assert (period.first, period.last, period.days) == (date(2026, 12, 1), date(2026, 12, 7), 7)


def test_weeks_start_on_monday():
    assert policy.week_start(date(2026, 12, 6)) == date(2026, 11, 30)
