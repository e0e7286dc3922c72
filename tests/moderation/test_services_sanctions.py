import pytest
from django.test import TestCase
from django.urls import reverse

from gazette.comments.exceptions import CommentRejected
from gazette.moderation.exceptions import PermissionRequired, SanctionInvalid
from gazette.moderation.models import AuditEntry, Notice, Sanction
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services.sanctions import revoke_sanction, sanction_author
from tests.factories import ThreadFactory
from tests.moderation.factories import ClauseFactory, StaffFactory, post, staff_in


class SanctionsTestCase(TestCase):
    """A moderator, a senior moderator, a clause and the reader they may sanction."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)
        # Immediate, so that these tests may suspend or ban at once; the ladder is tested in
        # test_due_process_notice.py.
        cls.clause = ClauseFactory(title="No personal attacks", immediate=True)
        cls.reader = StaffFactory()


class SanctionAuthorTests(SanctionsTestCase):
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
        revoke_sanction(sanction=sanction, actor=self.senior, reason="Wrong reader.")
        assert post(ThreadFactory(), user=self.reader).state == "published"


class RevokeSanctionTests(SanctionsTestCase):
    def setUp(self) -> None:
        self.comment = post(ThreadFactory(), user=self.reader)
        self.sanction = sanction_author(
            kind="suspension",
            clause=self.clause,
            reason="Insults.",
            actor=self.moderator,
            user=self.reader,
            days=7,
            comment=self.comment,
        )

    def test_the_author_is_told_why_and_the_audit_log_keeps_who_and_why(self):
        revoke_sanction(sanction=self.sanction, actor=self.senior, reason="It was another reader.")
        notice = Notice.objects.get(kind="sanction_revoked", comment=self.comment)
        assert "It was another reader." in notice.body
        entry = AuditEntry.objects.get(event="sanction_revoked")
        assert (entry.actor, entry.note, entry.record_id) == (
            self.senior,
            "It was another reader.",
            self.sanction.pk,
        )
        assert not self.sanction.is_in_force

    def test_only_senior_moderators_revoke(self):
        with pytest.raises(PermissionRequired):
            revoke_sanction(sanction=self.sanction, actor=self.moderator, reason="Sorry.")
        self.sanction.refresh_from_db()
        assert self.sanction.is_in_force

    def test_a_revocation_needs_a_reason(self):
        with pytest.raises(SanctionInvalid):
            revoke_sanction(sanction=self.sanction, actor=self.senior, reason="  ")
        assert not AuditEntry.objects.filter(event="sanction_revoked").exists()

    def test_revoking_twice_changes_nothing_more(self):
        revoke_sanction(sanction=self.sanction, actor=self.senior, reason="Error.")
        revoke_sanction(sanction=self.sanction, actor=self.senior, reason="Again.")
        assert AuditEntry.objects.filter(event="sanction_revoked").count() == 1
        assert Notice.objects.filter(kind="sanction_revoked").count() == 1


class RevokeFromTheDeskTests(TestCase):
    """The desk's sanction page lists the author's sanctions; a senior moderator revokes one."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)
        cls.reader = StaffFactory()

    def setUp(self) -> None:
        self.comment = post(ThreadFactory(), user=self.reader)
        self.sanction = sanction_author(
            kind="warning",
            clause=ClauseFactory(),
            reason="Mind the tone.",
            actor=self.moderator,
            user=self.reader,
            comment=self.comment,
        )
        self.page = reverse("moderation:sanction", kwargs={"pk": self.comment.pk})
        self.revoke = reverse("moderation:revoke_sanction", kwargs={"pk": self.sanction.pk})

    def test_a_senior_moderator_sees_the_form_and_revokes(self):
        self.client.force_login(self.senior)
        page = self.client.get(self.page)
        self.assertContains(page, "Revoke this sanction")
        response = self.client.post(self.revoke, {"reason": "Warned the wrong reader."})
        assert response.status_code == 302
        self.sanction.refresh_from_db()
        assert self.sanction.revoked_reason == "Warned the wrong reader."
        self.assertContains(self.client.get(self.page), "Warned the wrong reader.")

    def test_a_moderator_sees_no_form_and_cannot_revoke(self):
        self.client.force_login(self.moderator)
        self.assertNotContains(self.client.get(self.page), "Revoke this sanction")
        self.client.post(self.revoke, {"reason": "Please."})
        self.sanction.refresh_from_db()
        assert self.sanction.revoked_at is None

    def test_without_a_reason_nothing_is_revoked(self):
        self.client.force_login(self.senior)
        self.client.post(self.revoke, {"reason": ""})
        self.sanction.refresh_from_db()
        assert self.sanction.revoked_at is None
