from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.test import TestCase
from django.utils import timezone

from gazette.comments.models import Comment, Thread
from gazette.moderation.exceptions import (
    AppealAlreadyDecided,
    AppealAlreadyFiled,
    AppealClosed,
    AppealNotAllowed,
    OutcomeNotAvailable,
    OwnDecision,
    PermissionRequired,
    ReasonsRequired,
)
from gazette.moderation.models import Appeal, AuditEntry, Decision, Notice
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, ClauseFactory, post, reviewer, staff_in


class AppealTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = reviewer("en")
        cls.senior = reviewer("en")
        cls.clause = ClauseFactory()

    def setUp(self) -> None:
        self.thread = ThreadFactory()
        self.comment = post(self.thread)
        self.removal = decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )

    def count(self):
        return Thread.objects.values_list("comment_count", flat=True).get(pk=self.thread.pk)


class FileAppealTests(AppealTestCase):
    def test_one_appeal_per_decision(self):
        file_appeal(decision=self.removal, statement="I quoted the minister.")
        with pytest.raises(AppealAlreadyFiled):
            file_appeal(decision=self.removal, statement="Again.")
        assert Appeal.objects.count() == 1
        assert AuditEntry.objects.filter(event="appeal_filed").count() == 1

    def test_appeal_after_the_window_is_refused(self):
        Decision.objects.filter(pk=self.removal.pk).update(
            created_at=timezone.now() - timedelta(days=184)
        )
        self.removal.refresh_from_db()
        with pytest.raises(AppealClosed):
            file_appeal(decision=self.removal, statement="Late.")

    def test_a_reinstatement_cannot_be_appealed(self):
        decision = decisions.reinstate_comment(comment=self.comment, actor=self.moderator)
        with pytest.raises(AppealNotAllowed):
            file_appeal(decision=decision, statement="?")

    def test_a_removal_since_undone_cannot_be_appealed(self):
        decisions.reinstate_comment(comment=self.comment, actor=self.moderator)
        self.removal.refresh_from_db()
        with pytest.raises(AppealNotAllowed):
            file_appeal(decision=self.removal, statement="?")

    def test_the_appeal_is_routed_to_a_reviewer_who_took_no_part(self):
        appeal = file_appeal(decision=self.removal, statement="I quoted the minister.")
        assert appeal.assigned_to == self.senior
        assert appeal.content_language == "en"


class DecideAppealTests(AppealTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.appeal = file_appeal(decision=self.removal, statement="I quoted the minister.")

    def test_a_moderator_cannot_decide_an_appeal_on_their_own_decision(self):
        with pytest.raises(OwnDecision):
            decide_appeal(
                appeal=self.appeal, actor=self.moderator, outcome="reversed", response="x"
            )
        self.appeal.refresh_from_db()
        assert self.appeal.outcome == "pending"
        assert self.count() == 0

    def test_the_database_refuses_a_self_review_too(self):
        with pytest.raises(IntegrityError):
            Appeal.objects.filter(pk=self.appeal.pk).update(
                decided_by=self.moderator,
                decided_at=timezone.now(),
                outcome="upheld",
                status="decided",
                response="x",
            )

    def test_reversed_appeal_reinstates_the_comment_and_its_count(self):
        decide_appeal(
            appeal=self.appeal, actor=self.senior, outcome="reversed", response="Fair quote."
        )
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        assert self.count() == 1
        events = list(AuditEntry.objects.order_by("pk").values_list("event", flat=True))
        assert events[-3:] == ["appeal_upheld", "reinstated", "notice_sent"]
        assert Notice.objects.filter(kind="reinstated").exists()

    def test_upheld_decision_keeps_the_comment_removed_and_tells_the_author(self):
        decide_appeal(appeal=self.appeal, actor=self.senior, outcome="upheld", response="Insult.")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.REMOVED
        assert self.count() == 0
        assert "Insult." in self.appeal.notices.get(kind="decided").body

    def test_an_appeal_is_decided_once(self):
        decide_appeal(appeal=self.appeal, actor=self.senior, outcome="upheld", response="No.")
        with pytest.raises(AppealAlreadyDecided):
            decide_appeal(appeal=self.appeal, actor=self.senior, outcome="reversed", response="x")

    def test_reasons_are_required(self):
        with pytest.raises(ReasonsRequired):
            decide_appeal(appeal=self.appeal, actor=self.senior, outcome="upheld", response=" ")

    def test_only_a_failed_appeal_is_manifestly_unfounded(self):
        with pytest.raises(OutcomeNotAvailable):
            decide_appeal(
                appeal=self.appeal,
                actor=self.senior,
                outcome="reversed",
                response="Fine.",
                manifestly_unfounded=True,
            )

    def test_a_moderator_without_the_senior_role_cannot_decide_appeals(self):
        with pytest.raises(PermissionRequired):
            decide_appeal(
                appeal=self.appeal, actor=staff_in(MODERATOR), outcome="reversed", response="x"
            )
