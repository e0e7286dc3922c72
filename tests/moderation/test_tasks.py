from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from gazette.moderation import tasks
from gazette.moderation.models import (
    ClassifierModel,
    Clause,
    ModerationSettings,
    Notice,
    RecentText,
)
from gazette.moderation.roles import MODERATOR
from gazette.moderation.screening.training import train_site_classifier
from gazette.moderation.services import decisions
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, post, staff_in
from tests.moderation.screening.test_classifier import APPROVED, REMOVED


class TrainingTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = Clause.objects.get(version__number=1, key="attacks")
        ModerationSettings.objects.create(
            pk=1, retrain_every=0, profanity_threshold=0, duplicate_resemblance=0, burst_limit=0
        )

    def test_too_few_decisions_train_nothing(self):
        comment = post(ThreadFactory(), "A view.")
        decisions.remove_comment(
            explanation=WHY, comment=comment, actor=self.moderator, clause=self.clause
        )
        assert train_site_classifier() is None
        assert not ClassifierModel.objects.exists()

    def test_moderators_decisions_train_a_model_that_screening_then_uses(self):
        thread = ThreadFactory()
        for n, text in enumerate(REMOVED[:15]):
            comment = post(thread, text, anonymous_id=f"r{n}")
            decisions.remove_comment(
                explanation=WHY, comment=comment, actor=self.moderator, clause=self.clause
            )
        for n, text in enumerate(APPROVED[:15]):
            comment = post(thread, text, anonymous_id=f"a{n}")
            decisions.hold_comment(explanation=WHY, comment=comment, actor=self.moderator)
            decisions.approve_comment(comment=comment, actor=self.moderator)
        model = tasks.retrain_site_classifier.call()
        trained = ClassifierModel.objects.get(pk=model)
        assert (trained.examples, trained.removed_examples, trained.is_active) == (30, 15, True)
        assert trained.accuracy > 0.5

    def test_retraining_is_queued_every_n_decisions(self):
        ModerationSettings.objects.filter(pk=1).update(retrain_every=2)
        thread = ThreadFactory()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            for n in range(2):
                comment = post(thread, f"Point {n}.", anonymous_id=f"x{n}")
                decisions.remove_comment(
                    explanation=WHY, comment=comment, actor=self.moderator, clause=self.clause
                )
        assert any("retrain" in repr(callback) for callback in callbacks)


class MemoryTests(TestCase):
    def test_old_sketches_are_forgotten(self):
        old = timezone.now() - timedelta(days=5)
        RecentText.objects.create(author_key="a", thread_key="t", created_at=old)
        RecentText.objects.create(author_key="b", thread_key="t", created_at=timezone.now())
        assert tasks.forget_recent_texts.call() == 1
        assert list(RecentText.objects.values_list("author_key", flat=True)) == ["b"]


class EmailNoticeTests(TestCase):
    def test_a_stored_notice_is_emailed_exactly_as_stored(self):
        moderator = staff_in(MODERATOR)
        comment = post(ThreadFactory(), "A view.", email="dana@example.org")
        clause = Clause.objects.get(version__number=1, key="attacks")
        decisions.remove_comment(explanation=WHY, comment=comment, actor=moderator, clause=clause)
        notice = Notice.objects.get()
        assert tasks.email_notice.call(notice.pk) is True
        assert (mail.outbox[0].subject, mail.outbox[0].body) == (notice.subject, notice.body)
