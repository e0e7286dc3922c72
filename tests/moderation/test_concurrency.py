"""Two moderators acting on one comment, or two reviewers on one appeal, at once make one
decision (real threads, PostgreSQL)."""

import pytest
from django.test import TransactionTestCase

from gazette.comments.models import Comment, Thread
from gazette.moderation.exceptions import ItemClaimed, ModerationError
from gazette.moderation.models import (
    Appeal,
    AuditEntry,
    Clause,
    Decision,
    ModerationSettings,
    QueueClaim,
    Report,
    Sanction,
)
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import claims, decisions
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from gazette.moderation.services.reports import NotReportable, report_comment
from gazette.moderation.services.sanctions import sanction_author
from tests.comments.test_concurrency import WORKERS, run_at_once
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, post, reviewer, staff_in


@pytest.mark.postgres
class ConcurrentDecisionTests(TransactionTestCase):
    # Restore rows that data migrations made (the policy, roles), which the flush removes.
    serialized_rollback = True

    def setUp(self):
        self.thread = ThreadFactory()
        self.comment = post(self.thread)
        self.moderators = [staff_in(MODERATOR) for _ in range(WORKERS)]
        self.clause = Clause.objects.get(version__number=1, key="attacks")

    def test_many_removals_at_once_make_one_decision_and_count_once(self):
        def remove(moderator):
            return lambda: decisions.remove_comment(
                explanation=WHY,
                comment=Comment.objects.get(pk=self.comment.pk),
                actor=moderator,
                clause=self.clause,
            )

        errors = run_at_once([remove(moderator) for moderator in self.moderators])
        assert len(errors) == WORKERS - 1
        assert all(isinstance(error, ModerationError) for error in errors)
        assert Decision.objects.count() == 1
        assert AuditEntry.objects.filter(event="removed").count() == 1
        assert Thread.objects.get(pk=self.thread.pk).comment_count == 0

    def test_many_moderators_claiming_at_once_leave_one_claim(self):
        def claim(moderator):
            return lambda: claims.claim_item(
                comment=Comment.objects.get(pk=self.comment.pk), actor=moderator
            )

        errors = run_at_once([claim(moderator) for moderator in self.moderators])
        assert len(errors) == WORKERS - 1
        assert all(isinstance(error, ItemClaimed) for error in errors)
        assert QueueClaim.objects.filter(comment=self.comment).count() == 1

    def test_approve_and_remove_racing_leave_one_outcome(self):
        decisions.hold_comment(explanation=WHY, comment=self.comment, actor=self.moderators[0])

        def act(index, moderator):
            comment = Comment.objects.get(pk=self.comment.pk)
            if index % 2:
                return lambda: decisions.approve_comment(comment=comment, actor=moderator)
            return lambda: decisions.remove_comment(
                explanation=WHY, comment=comment, actor=moderator, clause=self.clause
            )

        run_at_once([act(index, moderator) for index, moderator in enumerate(self.moderators)])
        state = Comment.objects.get(pk=self.comment.pk).state
        chain = list(
            Decision.objects.order_by("created_at", "pk").values_list("from_state", "to_state")
        )
        # Each decision started from the state the previous one left: none acted on a stale view.
        assert all(chain[i][1] == chain[i + 1][0] for i in range(len(chain) - 1))
        assert chain[-1][1] == state
        assert Thread.objects.get(pk=self.thread.pk).comment_count == int(state == "published")

    def test_reports_at_once_hold_the_comment_once(self):
        ModerationSettings.objects.update_or_create(pk=1, defaults={"report_threshold": 3})

        def reporter(number):
            return lambda: report_comment(
                comment=self.comment, clause=self.clause, reporter_key=f"anon:{number}"
            )

        errors = run_at_once([reporter(number) for number in range(WORKERS)])
        # Once three reports hold the comment, it is no longer published: later ones are refused.
        assert all(isinstance(error, NotReportable) for error in errors)
        assert Report.objects.count() == 3
        assert Decision.objects.filter(action="hold").count() == 1
        assert Comment.objects.get(pk=self.comment.pk).state == "pending"
        assert Thread.objects.get(pk=self.thread.pk).comment_count == 0


@pytest.mark.postgres
class ConcurrentAppealTests(TransactionTestCase):
    serialized_rollback = True

    def test_reviewers_deciding_one_appeal_at_once_reverse_it_once(self):
        thread = ThreadFactory()
        comment = post(thread)
        clause = Clause.objects.get(version__number=1, key="attacks")
        removal = decisions.remove_comment(
            comment=comment, actor=staff_in(MODERATOR), clause=clause, explanation=WHY
        )
        appeal = file_appeal(decision=removal, statement="A quote.")
        reviewers = [reviewer("en") for _ in range(WORKERS)]

        def decide(person):
            return lambda: decide_appeal(
                appeal=Appeal.objects.get(pk=appeal.pk),
                actor=person,
                outcome="reversed",
                response="A fair quote.",
            )

        errors = run_at_once([decide(person) for person in reviewers])
        assert len(errors) == WORKERS - 1
        assert all(isinstance(error, ModerationError) for error in errors)
        assert AuditEntry.objects.filter(event="appeal_upheld").count() == 1
        assert Decision.objects.filter(action="reinstate").count() == 1
        assert Thread.objects.get(pk=thread.pk).comment_count == 1


@pytest.mark.postgres
class ConcurrentStrikeTests(TransactionTestCase):
    serialized_rollback = True

    def test_simultaneous_strikes_climb_the_ladder_a_rung_each(self):
        reader = staff_in(MODERATOR)
        # Three strikes: a warning and two suspensions (a ban, the fourth, is for seniors).
        moderators = [staff_in(MODERATOR) for _ in range(3)]
        clause = Clause.objects.get(version__number=1, key="attacks")

        def strike(moderator):
            return lambda: sanction_author(
                clause=clause,
                reason="Insults aimed at other readers.",
                actor=moderator,
                user=reader,
            )

        assert run_at_once([strike(moderator) for moderator in moderators]) == []
        kinds = list(Sanction.objects.order_by("pk").values_list("kind", "ends_at"))
        assert [kind for kind, _ends in kinds] == ["warning", "suspension", "suspension"]
        assert kinds[1][1] < kinds[2][1]  # 7 days, then 30
