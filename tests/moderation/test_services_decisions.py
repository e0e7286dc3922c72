import pytest
from django.core import mail
from django.test import TestCase

from gazette.comments import queries as comment_queries
from gazette.comments.models import Comment, Thread
from gazette.moderation.exceptions import (
    ClauseRequired,
    PermissionRequired,
    TransitionNotAllowed,
)
from gazette.moderation.models import AuditEntry, Decision, Notice, Report
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.reports import report_comment
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, ClauseFactory, post, staff_in


def count(thread):
    return Thread.objects.values_list("comment_count", flat=True).get(pk=thread.pk)


class DecisionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = ClauseFactory(number=3, key="attacks", title="No personal attacks")

    def setUp(self) -> None:
        self.thread = ThreadFactory()
        self.comment = post(self.thread, email="dana@example.org")


class RemoveCommentTests(DecisionTestCase):
    def test_removal_takes_the_comment_out_of_the_count_and_the_thread(self):
        other = post(self.thread, "Another view.")
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.REMOVED
        assert count(self.thread) == 1
        assert list(comment_queries.visible_roots(self.thread.pk)) == [other]

    def test_removal_is_recorded_with_actor_clause_and_note(self):
        decisions.remove_comment(
            explanation=WHY,
            comment=self.comment,
            actor=self.moderator,
            clause=self.clause,
            note="Insult.",
        )
        decision = Decision.objects.get()
        assert (decision.action, decision.from_state, decision.to_state) == (
            "remove",
            "published",
            "removed",
        )
        entry = AuditEntry.objects.get(event="removed")
        assert (entry.actor, entry.clause_key, entry.clause_number, entry.note) == (
            self.moderator,
            "attacks",
            3,
            "Insult.",
        )
        assert entry.policy_version == self.clause.version.number
        assert entry.edition == "en"
        assert entry.section == self.thread.article.section.slug

    def test_author_gets_a_notice_stored_as_sent_and_an_email(self):
        with self.captureOnCommitCallbacks(execute=True):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
            )
        notice = Notice.objects.get()
        assert notice.clause_text == self.clause.text
        assert notice.policy_version == self.clause.version.number
        assert "A moderator removed your comment." in notice.body
        assert "/comment-status/" in notice.body
        assert [message.to for message in mail.outbox] == [["dana@example.org"]]
        assert mail.outbox[0].body == notice.body
        # Changing today's policy does not change what was sent.
        self.clause.text = "Rewritten."
        self.clause.save()
        notice.refresh_from_db()
        assert "Rewritten." not in notice.body

    def test_removal_must_cite_a_clause_and_writes_nothing_without_one(self):
        with pytest.raises(ClauseRequired):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=None
            )
        assert count(self.thread) == 1
        assert not Decision.objects.exists()
        assert not AuditEntry.objects.filter(event="removed").exists()

    def test_a_comment_cannot_be_removed_twice(self):
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        with pytest.raises(TransitionNotAllowed):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
            )
        assert count(self.thread) == 0

    def test_staff_without_the_moderator_role_cannot_remove(self):
        editor = staff_in(EDITOR)
        with pytest.raises(PermissionRequired):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=editor, clause=self.clause
            )
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED

    def test_removal_closes_the_open_reports_as_actioned(self):
        report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:x")
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        assert Report.objects.get().outcome == Report.Outcome.ACTIONED


class HoldApproveReinstateTests(DecisionTestCase):
    def test_hold_then_approve_returns_the_comment_to_the_count(self):
        decisions.hold_comment(explanation=WHY, comment=self.comment, actor=self.moderator)
        assert count(self.thread) == 0
        decisions.approve_comment(comment=self.comment, actor=self.moderator)
        assert count(self.thread) == 1
        events = list(AuditEntry.objects.order_by("pk").values_list("event", flat=True))
        assert events[-3:] == ["held", "notice_sent", "approved"]

    def test_a_published_comment_cannot_be_approved(self):
        with pytest.raises(TransitionNotAllowed):
            decisions.approve_comment(comment=self.comment, actor=self.moderator)

    def test_reinstatement_restores_the_comment_and_the_count(self):
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        decisions.reinstate_comment(comment=self.comment, actor=self.moderator)
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        assert count(self.thread) == 1

    def test_only_removed_comments_can_be_reinstated(self):
        with pytest.raises(TransitionNotAllowed):
            decisions.reinstate_comment(comment=self.comment, actor=self.moderator)

    def test_a_comment_its_author_deleted_is_beyond_moderation(self):
        Comment.objects.filter(pk=self.comment.pk).update(state=Comment.State.DELETED)
        with pytest.raises(TransitionNotAllowed):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
            )


class DismissReportsTests(DecisionTestCase):
    def test_dismissal_closes_reports_and_publishes_a_comment_they_held(self):
        for key in ("anon:a", "anon:b", "anon:c"):  # three reports: the default threshold
            report_comment(comment=self.comment, clause=self.clause, reporter_key=key)
        assert count(self.thread) == 0
        closed = decisions.dismiss_reports(comment=self.comment, actor=self.moderator)
        assert closed == 3
        assert count(self.thread) == 1
        assert set(Report.objects.values_list("outcome", flat=True)) == {"no_action"}

    def test_nothing_to_dismiss_is_refused(self):
        with pytest.raises(TransitionNotAllowed):
            decisions.dismiss_reports(comment=self.comment, actor=self.moderator)


class DecideManyTests(DecisionTestCase):
    def test_bulk_removal_skips_what_was_decided_already(self):
        second = post(self.thread, "Second.")
        third = post(self.thread, "Third.")
        decisions.remove_comment(
            explanation=WHY, comment=third, actor=self.moderator, clause=self.clause
        )
        result = decisions.decide_many(
            explanation=WHY,
            comment_ids=[self.comment.pk, second.pk, third.pk],
            action="remove",
            actor=self.moderator,
            clause=self.clause,
        )
        assert (result.done, result.skipped) == (2, 1)
        assert count(self.thread) == 0

    def test_bulk_removal_without_a_clause_touches_nothing(self):
        with pytest.raises(ClauseRequired):
            decisions.decide_many(
                explanation=WHY,
                comment_ids=[self.comment.pk],
                action="remove",
                actor=self.moderator,
            )
        assert count(self.thread) == 1
