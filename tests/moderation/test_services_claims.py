from datetime import timedelta

import pytest
from django.test import TestCase

from gazette.comments.models import Comment
from gazette.core import clock
from gazette.live.channels import MODERATION
from gazette.live.models import LiveEvent
from gazette.moderation.exceptions import ItemClaimed, PermissionRequired
from gazette.moderation.models import CLAIM_LIFETIME, AuditEntry, QueueClaim
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.services import claims, decisions
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, ClauseFactory, post, staff_in


def events(kind):
    return list(
        LiveEvent.objects.filter(channel=MODERATION, kind=kind)
        .order_by("pk")
        .values_list("data", flat=True)
    )


class ClaimTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.mira = staff_in(MODERATOR, display_name="Mira")
        cls.timur = staff_in(MODERATOR, display_name="Timur")
        cls.clause = ClauseFactory(number=3, key="attacks", title="No personal attacks")

    def setUp(self) -> None:
        self.thread = ThreadFactory()
        self.comment = post(self.thread)

    def lapse(self, comment):
        """The claim on `comment` was made longer ago than a claim lasts."""
        QueueClaim.objects.filter(comment=comment).update(
            claimed_at=clock.now() - CLAIM_LIFETIME - timedelta(seconds=1)
        )


class ClaimItemTests(ClaimTestCase):
    def test_claim_is_recorded_and_told_to_the_queues(self):
        claim = claims.claim_item(comment=self.comment, actor=self.mira)
        assert QueueClaim.objects.get(comment=self.comment).moderator == self.mira
        assert claim.until == claim.claimed_at + CLAIM_LIFETIME
        [told] = events("claimed")
        assert told["id"] == self.comment.pk
        assert told["by"] == "Mira"
        assert told["by_id"] == self.mira.pk
        assert told["until"] == claim.until.isoformat()

    def test_claim_held_by_another_is_refused_naming_the_holder_and_the_time(self):
        claim = claims.claim_item(comment=self.comment, actor=self.mira)
        with pytest.raises(ItemClaimed) as refused:
            claims.claim_item(comment=self.comment, actor=self.timur)
        assert "Mira" in refused.value.message
        assert claims.since_or_until(claim.claimed_at) in refused.value.message
        assert refused.value.status == 409
        assert QueueClaim.objects.get(comment=self.comment).moderator == self.mira

    def test_a_lapsed_claim_is_taken_without_taking_over(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        self.lapse(self.comment)
        claim = claims.claim_item(comment=self.comment, actor=self.timur)
        assert claim.moderator == self.timur
        assert claim.taken_over_from is None
        assert not AuditEntry.objects.filter(event="claim_taken_over").exists()

    def test_take_over_is_recorded_on_the_claim_and_in_the_audit_log(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        claim = claims.claim_item(comment=self.comment, actor=self.timur, take_over=True)
        assert claim.moderator == self.timur
        assert claim.taken_over_from == self.mira
        entry = AuditEntry.objects.get(event="claim_taken_over")
        assert entry.actor == self.timur
        assert entry.comment_id == self.comment.pk
        assert entry.note == "Mira"
        assert QueueClaim.objects.count() == 1

    def test_claiming_another_item_gives_up_the_first(self):
        other = post(self.thread, "Another view on the verdict.")
        claims.claim_item(comment=self.comment, actor=self.mira)
        claims.claim_item(comment=other, actor=self.mira)
        assert list(QueueClaim.objects.values_list("comment_id", flat=True)) == [other.pk]
        assert events("released") == [{"id": self.comment.pk}]

    def test_staff_without_the_moderator_role_may_not_claim(self):
        with pytest.raises(PermissionRequired):
            claims.claim_item(comment=self.comment, actor=staff_in(EDITOR))
        assert not QueueClaim.objects.exists()


class ReleaseItemTests(ClaimTestCase):
    def test_release_frees_the_item_and_tells_the_queues(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        assert claims.release_item(comment=self.comment, actor=self.mira)
        assert not QueueClaim.objects.exists()
        assert events("released") == [{"id": self.comment.pk}]

    def test_another_moderators_release_leaves_the_claim(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        assert not claims.release_item(comment=self.comment, actor=self.timur)
        assert QueueClaim.objects.get().moderator == self.mira
        assert events("released") == []


class DecidingClaimedItemsTests(ClaimTestCase):
    def test_deciding_an_item_another_moderator_holds_is_refused(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        with pytest.raises(ItemClaimed):
            decisions.remove_comment(
                comment=self.comment, actor=self.timur, clause=self.clause, explanation=WHY
            )
        assert Comment.objects.get(pk=self.comment.pk).state == Comment.State.PUBLISHED
        assert events("decided") == []

    def test_taking_over_first_lets_the_moderator_decide(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        claims.claim_item(comment=self.comment, actor=self.timur, take_over=True)
        decisions.remove_comment(
            comment=self.comment, actor=self.timur, clause=self.clause, explanation=WHY
        )
        assert Comment.objects.get(pk=self.comment.pk).state == Comment.State.REMOVED

    def test_deciding_ends_the_deciders_claim(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        decisions.remove_comment(
            comment=self.comment, actor=self.mira, clause=self.clause, explanation=WHY
        )
        assert not QueueClaim.objects.exists()

    def test_a_lapsed_claim_does_not_stop_a_decision(self):
        claims.claim_item(comment=self.comment, actor=self.mira)
        self.lapse(self.comment)
        decisions.remove_comment(
            comment=self.comment, actor=self.timur, clause=self.clause, explanation=WHY
        )
        assert not QueueClaim.objects.exists()

    def test_bulk_decisions_skip_items_another_moderator_holds(self):
        other = post(self.thread, "Another view on the verdict.")
        claims.claim_item(comment=self.comment, actor=self.mira)
        result = decisions.decide_many(
            comment_ids=[self.comment.pk, other.pk],
            action="remove",
            actor=self.timur,
            clause=self.clause,
            explanation=WHY,
        )
        assert (result.done, result.skipped) == (1, 1)
        assert Comment.objects.get(pk=self.comment.pk).state == Comment.State.PUBLISHED
