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
    OwnDecision,
    PermissionRequired,
)
from gazette.moderation.models import Appeal, AuditEntry, Decision, Notice
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, ClauseFactory, post, staff_in


class AppealTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(SENIOR_MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)
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
            created_at=timezone.now() - timedelta(days=15)
        )
        self.removal.refresh_from_db()
        with pytest.raises(AppealClosed):
            file_appeal(decision=self.removal, statement="Late.")

    def test_only_removals_can_be_appealed(self):
        decision = decisions.reinstate_comment(comment=self.comment, actor=self.moderator)
        with pytest.raises(AppealNotAllowed):
            file_appeal(decision=decision, statement="?")


class DecideAppealTests(AppealTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.appeal = file_appeal(decision=self.removal, statement="I quoted the minister.")

    def test_a_moderator_cannot_decide_an_appeal_on_their_own_decision(self):
        with pytest.raises(OwnDecision):
            decide_appeal(appeal=self.appeal, actor=self.moderator, upheld=True)
        self.appeal.refresh_from_db()
        assert self.appeal.outcome == "pending"
        assert self.count() == 0

    def test_the_database_refuses_a_self_review_too(self):
        with pytest.raises(IntegrityError):
            Appeal.objects.filter(pk=self.appeal.pk).update(decided_by=self.moderator)

    def test_upheld_appeal_reinstates_the_comment_and_its_count(self):
        decide_appeal(appeal=self.appeal, actor=self.senior, upheld=True, response="Fair quote.")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        assert self.count() == 1
        events = list(AuditEntry.objects.order_by("pk").values_list("event", flat=True))
        assert events[-3:] == ["appeal_upheld", "reinstated", "notice_sent"]
        assert Notice.objects.filter(kind="reinstated").exists()

    def test_rejected_appeal_keeps_the_comment_removed_and_tells_the_author(self):
        decide_appeal(appeal=self.appeal, actor=self.senior, upheld=False, response="Insult.")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.REMOVED
        assert self.count() == 0
        notice = Notice.objects.get(kind="appeal_rejected")
        assert "Insult." in notice.body

    def test_an_appeal_is_decided_once(self):
        decide_appeal(appeal=self.appeal, actor=self.senior, upheld=False)
        with pytest.raises(AppealAlreadyDecided):
            decide_appeal(appeal=self.appeal, actor=self.senior, upheld=True)

    def test_a_moderator_without_the_senior_role_cannot_decide_appeals(self):
        with pytest.raises(PermissionRequired):
            decide_appeal(appeal=self.appeal, actor=staff_in(MODERATOR), upheld=True)
