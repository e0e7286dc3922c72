"""Notices to a comment's author: what a visitor's own post can make us mail."""

from django.core import mail
from django.test import TestCase, override_settings

from gazette.comments.services import thread_for_article
from gazette.moderation.models import Clause, ModerationSettings, Notice
from gazette.moderation.services import decisions
from tests.factories import ArticleFactory
from tests.moderation.factories import WHY, post, staff_in

ONE_A_DAY = {"RATES": {"confirmation_email": {"ip": "1/86400"}}}


@override_settings(GAZETTE_CHALLENGES=ONE_A_DAY)
class AutomaticNoticeLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Pre-moderation: every new comment is held and its author told so.
        ModerationSettings.objects.create(pk=1, mode="pre")
        cls.thread = thread_for_article(ArticleFactory())

    def post_as(self, number, email):
        with self.captureOnCommitCallbacks(execute=True):
            return post(
                self.thread,
                f"Comment number {number} about the budget.",
                name=f"Reader {number}",
                anonymous_id=f"reader-{number}",
                ip_hash=f"address-{number}",
                email=email,
            )

    def test_one_inbox_gets_its_daily_share_of_notices_whoever_posts(self):
        for number in range(3):
            self.post_as(number, "victim@example.org")
        assert [message.to for message in mail.outbox] == [["victim@example.org"]]
        # The notices are all kept for the authors' status pages.
        assert Notice.objects.count() == 3
        assert Notice.objects.filter(emailed=True).count() == 1

    def test_other_inboxes_are_not_affected(self):
        self.post_as(1, "victim@example.org")
        self.post_as(2, "victim@example.org")
        self.post_as(3, "someone@example.org")
        assert sorted(message.to[0] for message in mail.outbox) == [
            "someone@example.org",
            "victim@example.org",
        ]

    def test_a_moderators_decision_is_always_mailed(self):
        comments = [self.post_as(number, "dana@example.org") for number in range(2)]
        mail.outbox.clear()
        moderator = staff_in("moderator")
        clause = Clause.objects.get(version__number=1, key="attacks")
        with self.captureOnCommitCallbacks(execute=True):
            decisions.remove_comment(
                comment=comments[1], actor=moderator, clause=clause, explanation=WHY
            )
        assert [message.to for message in mail.outbox] == [["dana@example.org"]]
