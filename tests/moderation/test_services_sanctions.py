import pytest
from django.test import TestCase, override_settings

from gazette.comments.exceptions import CommentRejected
from gazette.moderation.exceptions import PermissionRequired, SanctionInvalid
from gazette.moderation.models import AuditEntry, Notice, Sanction
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services.sanctions import revoke_sanction, sanction_author
from tests.factories import ThreadFactory
from tests.moderation.factories import ClauseFactory, StaffFactory, post, staff_in

SCREENING = "gazette.moderation.screening.screen"


@override_settings(GAZETTE_COMMENT_SCREENING=SCREENING)
class SanctionAuthorTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)
        cls.clause = ClauseFactory(title="No personal attacks")
        cls.reader = StaffFactory()

    def test_suspended_account_cannot_post_and_is_told_why_and_until_when(self):
        thread = ThreadFactory()
        comment = post(thread, user=self.reader)
        sanction_author(
            kind="suspension",
            clause=self.clause,
            reason="Insults.",
            actor=self.moderator,
            user=self.reader,
            days=7,
            comment=comment,
        )
        with pytest.raises(CommentRejected) as refused:
            post(thread, "Back again.", user=self.reader)
        assert "You cannot comment until" in refused.value.message
        assert "No personal attacks" in refused.value.message
        assert Notice.objects.filter(kind="sanctioned", comment=comment).exists()
        assert AuditEntry.objects.filter(event="sanctioned").count() == 1

    def test_ban_by_address_refuses_anonymous_comments_from_it(self):
        sanction_author(
            kind="ban", clause=self.clause, reason="Spam.", actor=self.senior, ip_hash="hash-1"
        )
        with pytest.raises(CommentRejected):
            post(ThreadFactory(), ip_hash="hash-1")

    def test_a_moderator_may_suspend_but_not_ban(self):
        with pytest.raises(PermissionRequired):
            sanction_author(
                kind="ban", clause=self.clause, reason="x", actor=self.moderator, user=self.reader
            )
        assert not Sanction.objects.exists()

    def test_incomplete_sanctions_are_refused(self):
        with pytest.raises(SanctionInvalid):
            sanction_author(kind="warning", clause=self.clause, reason="x", actor=self.moderator)
        with pytest.raises(SanctionInvalid):
            sanction_author(
                kind="suspension",
                clause=self.clause,
                reason="x",
                actor=self.moderator,
                user=self.reader,
            )
        assert not Sanction.objects.exists()

    def test_revoked_suspension_lets_the_author_comment_again(self):
        sanction = sanction_author(
            kind="suspension",
            clause=self.clause,
            reason="Insults.",
            actor=self.moderator,
            user=self.reader,
            days=7,
        )
        revoke_sanction(sanction=sanction, actor=self.moderator)
        assert post(ThreadFactory(), user=self.reader).state == "published"
