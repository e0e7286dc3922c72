from datetime import timedelta

import pytest
from django.utils import timezone

from gazette.moderation import policy
from gazette.moderation.models import Sanction
from gazette.moderation.policy import Action, Finding, State
from tests.moderation.factories import SanctionFactory

NOW = timezone.now()

ALL = [(state, action) for state in State for action in Action]
EXPECTED = {
    (State.PENDING, Action.APPROVE): State.PUBLISHED,
    (State.PENDING, Action.REMOVE): State.REMOVED,
    (State.PUBLISHED, Action.REMOVE): State.REMOVED,
    (State.PUBLISHED, Action.HOLD): State.PENDING,
    (State.REMOVED, Action.REINSTATE): State.PUBLISHED,
}


@pytest.mark.parametrize(("state", "action"), ALL)
def test_every_state_and_action_is_allowed_or_refused_by_the_table(state, action):
    assert policy.next_state(state, action) == EXPECTED.get((state, action))


def test_a_comment_deleted_by_its_author_is_beyond_moderation():
    assert all(policy.next_state(State.DELETED, action) is None for action in Action)


def test_unknown_states_and_actions_are_refused():
    assert policy.next_state("lost", "approve") is None
    assert policy.next_state("pending", "burn") is None


@pytest.mark.parametrize(
    ("actions", "expected"),
    [([], "publish"), (["hold"], "hold"), (["hold", "reject"], "reject"), (["reject"], "reject")],
)
def test_screening_takes_the_strictest_finding(actions, expected):
    findings = [Finding("term", action, "m") for action in actions]
    assert policy.screening_action(findings) == expected


@pytest.mark.parametrize(
    ("action", "appealed", "age_days", "allowed"),
    [
        ("remove", False, 1, True),
        ("remove", True, 1, False),
        ("remove", False, 179, True),
        ("remove", False, 184, False),
        ("approve", False, 1, False),
        ("hold", False, 1, True),
        ("reinstate", False, 1, False),
    ],
)
def test_removals_and_holds_may_be_appealed_once_within_six_months(
    action, appealed, age_days, allowed
):
    decided_at = NOW - timedelta(days=age_days)
    assert (
        policy.may_appeal(action=action, already_appealed=appealed, decided_at=decided_at, now=NOW)
        is allowed
    )


def test_nobody_decides_an_appeal_against_their_own_decision():
    assert not policy.may_decide_appeal(decider_id=5, decided_by_id=5)
    assert policy.may_decide_appeal(decider_id=6, decided_by_id=5)
    assert policy.may_decide_appeal(decider_id=6, decided_by_id=None)  # an automatic decision


@pytest.mark.parametrize(
    ("kind", "ends_in_days", "revoked", "in_force"),
    [
        ("suspension", 3, False, True),
        ("suspension", -1, False, False),
        ("suspension", 3, True, False),
        ("ban", None, False, True),
        ("ban", None, True, False),
        ("warning", None, False, False),
    ],
)
def test_sanction_in_force(kind, ends_in_days, revoked, in_force):
    ends_at = None if ends_in_days is None else NOW + timedelta(days=ends_in_days)
    assert (
        policy.sanction_in_force(
            kind=kind,
            starts_at=NOW - timedelta(days=1),
            ends_at=ends_at,
            revoked=revoked,
            now=NOW,
        )
        is in_force
    )


def test_burst_counts_only_new_authors():
    assert policy.is_burst(recent_count=4, limit=5, is_new_author=True)
    assert not policy.is_burst(recent_count=3, limit=5, is_new_author=True)
    assert not policy.is_burst(recent_count=9, limit=5, is_new_author=False)


@pytest.mark.parametrize(
    ("site", "section", "article", "expected"),
    [
        ("post", None, None, ("post", "site")),
        ("pre", None, None, ("pre", "site")),
        ("post", "pre", None, ("pre", "section")),
        ("pre", "post", None, ("post", "section")),
        ("post", "pre", "post", ("post", "article")),
        ("pre", "post", "pre", ("pre", "article")),
        ("post", None, "pre", ("pre", "article")),
        ("pre", None, "post", ("post", "article")),
        ("post", "", "", ("post", "site")),
        ("post", "sometimes", None, ("pre", "section")),
        (None, None, None, ("pre", "site")),
    ],
)
def test_mode_in_force_prefers_the_article_then_the_section_then_the_site(
    site, section, article, expected
):
    found = policy.mode_in_force(site=site, section=section, article=article)
    assert found == expected
    assert policy.moderation_mode(site=site, section=section, article=article) == expected[0]


@pytest.mark.parametrize(
    ("approved", "threshold", "sanctioned", "expected"),
    [
        (0, 3, False, False),
        (2, 3, False, False),
        (3, 3, False, True),
        (40, 3, False, True),
        (3, 3, True, False),
        (40, 3, True, False),
        (5, 0, False, False),
        (1, 1, False, True),
    ],
)
def test_only_an_author_with_enough_published_comments_and_no_sanction_skips_premoderation(
    approved, threshold, sanctioned, expected
):
    assert (
        policy.bypasses_premoderation(
            approved_count=approved, trusted_threshold=threshold, ever_sanctioned=sanctioned
        )
        is expected
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "starts_in_hours", "ends_in_days", "revoked"),
    [
        ("warning", -1, None, False),
        ("suspension", -1, 3, False),
        ("suspension", -1, -1, False),
        ("suspension", 2, 3, False),
        ("suspension", -1, 3, True),
        ("ban", -1, None, False),
        ("ban", -1, None, True),
    ],
)
def test_the_database_and_the_rule_agree_on_what_is_in_force(
    kind, starts_in_hours, ends_in_days, revoked
):
    now = timezone.now()
    sanction = SanctionFactory(
        kind=kind,
        starts_at=now + timedelta(hours=starts_in_hours),
        ends_at=now + timedelta(days=ends_in_days) if ends_in_days is not None else None,
        revoked_at=now if revoked else None,
    )
    in_database = Sanction.objects.in_force().filter(pk=sanction.pk).exists()
    assert in_database == sanction.is_in_force


@pytest.mark.parametrize(
    ("unfounded", "expected"),
    [(0, None), (2, None), (3, "warning"), (4, "suspension"), (7, "suspension")],
)
def test_unfounded_appeals_earn_a_warning_at_the_limit_then_a_suspension(unfounded, expected):
    assert policy.appeal_misuse(unfounded_in_period=unfounded, limit=3) == expected


def test_a_reporter_of_the_comment_does_not_decide_its_appeal():
    assert not policy.may_decide_appeal(decider_id=6, decided_by_id=5, reporter_ids=frozenset({6}))
    assert policy.may_decide_appeal(decider_id=7, decided_by_id=5, reporter_ids=frozenset({6}))


@pytest.mark.parametrize(
    ("languages", "language", "reads"),
    [
        ({"kk"}, "kk-cyrl", True),
        ({"kk"}, "kk-latn", True),
        ({"en", "ru"}, "kk", False),
        ({"ru"}, "ru", True),
        (set(), "en", False),
    ],
)
def test_a_reviewer_reads_the_language_whatever_its_script(languages, language, reads):
    assert policy.reads_language(languages=frozenset(languages), language=language) is reads


def test_the_appeal_window_is_at_least_six_months():
    assert policy.APPEAL_WINDOW_DAYS >= 183
    assert policy.appeal_deadline(NOW) == NOW + timedelta(days=policy.APPEAL_WINDOW_DAYS)
