import pytest

from gazette.challenges.policy import (
    Activity,
    Thresholds,
    difficulty_level,
    is_too_easy,
    should_hold,
    sliding_count,
)

THRESHOLDS = Thresholds(
    ip_submissions=(10, 20, 40),
    ip_failures=(3, 6, 12),
    site_submissions=(100, 200, 400),
    site_failures=(30, 60, 120),
)


@pytest.mark.parametrize(
    ("activity", "level"),
    [
        (Activity(), 0),
        (Activity(ip_submissions=9.9), 0),
        (Activity(ip_submissions=10), 1),
        (Activity(ip_submissions=20), 2),
        (Activity(ip_submissions=40), 3),
        (Activity(ip_submissions=4000), 3),
        (Activity(ip_failures=3), 1),
        (Activity(ip_failures=12), 3),
        (Activity(site_submissions=199), 1),
        (Activity(site_failures=60), 2),
        # The strongest signal decides; signals do not add up.
        (Activity(ip_submissions=10, ip_failures=3, site_submissions=100), 1),
        (Activity(ip_submissions=10, site_failures=120), 3),
    ],
)
def test_difficulty_rises_with_the_strongest_signal(activity, level):
    assert difficulty_level(activity, THRESHOLDS, top_level=3) == level


def test_difficulty_never_passes_the_top_level():
    assert difficulty_level(Activity(ip_failures=100), THRESHOLDS, top_level=1) == 1


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(0.0, 10 + 40), (0.25, 10 + 30), (0.5, 10 + 20), (1.0, 10), (1.5, 10), (-1.0, 50)],
)
def test_the_previous_window_fades_out_as_the_current_one_passes(elapsed, expected):
    assert sliding_count(10, 40, elapsed) == expected


@pytest.mark.parametrize(
    ("minutes_after_attack", "level"),
    # 45 failures in the window before (level 3); nothing since. Difficulty steps back down.
    [(0, 3), (5, 3), (7.5, 2), (9, 1), (9.5, 0), (10, 0)],
)
def test_difficulty_relaxes_after_an_attack_stops(minutes_after_attack, level):
    failures = sliding_count(0, 45, minutes_after_attack / 10)
    assert difficulty_level(Activity(ip_failures=failures), THRESHOLDS, top_level=3) == level


@pytest.mark.parametrize(
    ("solved", "required", "too_easy"),
    [(1_000, 1_000, False), (5_000, 1_000, False), (999, 1_000, True)],
)
def test_a_solution_must_be_at_least_as_hard_as_required(solved, required, too_easy):
    assert is_too_easy(solved, required) is too_easy


@pytest.mark.parametrize(
    ("honeypot", "no_js", "seconds", "hold"),
    [
        (False, False, 45.0, False),
        (False, False, 3.0, False),
        (False, False, 2.9, True),
        (False, False, None, True),
        (True, False, 45.0, True),
        (False, True, 45.0, True),
    ],
)
def test_forms_with_signs_of_a_program_are_held(honeypot, no_js, seconds, hold):
    decision = should_hold(
        honeypot_filled=honeypot,
        without_javascript=no_js,
        fill_seconds=seconds,
        min_fill_seconds=3.0,
    )
    assert decision is hold


@pytest.mark.parametrize("steps", [(0, 5), (5, 5), (10, 5), (-1,)])
def test_thresholds_must_rise(steps):
    with pytest.raises(ValueError, match="increasing"):
        Thresholds(ip_submissions=steps, ip_failures=(), site_submissions=(), site_failures=())
