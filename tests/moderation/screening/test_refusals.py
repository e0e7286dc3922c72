from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from gazette.comments.exceptions import CommentRejected
from gazette.moderation import policy
from gazette.moderation.models import ScreeningRefusal
from gazette.moderation.screening.refusals import minimise_old_refusals
from gazette.moderation.services.appeals import appeal_refusal
from tests.factories import ThreadFactory
from tests.moderation.factories import ScreeningTermFactory, post


class MinimiseOldRefusalsTests(TestCase):
    def setUp(self) -> None:
        ScreeningTermFactory(phrase="scoundrel", action="block", clause_key="attacks")
        thread = ThreadFactory()
        for number in range(2):
            with pytest.raises(CommentRejected):
                post(thread, f"The scoundrel number {number}.", anonymous_id=f"w{number}")
        self.kept, self.appealed = ScreeningRefusal.objects.order_by("pk")

    def test_past_the_window_a_refused_text_is_blanked_unless_its_appeal_is_pending(self):
        appeal_refusal(refusal=self.appealed, statement="A character in a novel.")
        old = timezone.now() - timedelta(days=policy.APPEAL_WINDOW_DAYS + 1)
        ScreeningRefusal.objects.update(created_at=old)
        assert minimise_old_refusals() == 1
        self.kept.refresh_from_db()
        self.appealed.refresh_from_db()
        assert (self.kept.body, self.kept.author_key) == ("", "")
        assert self.appealed.body == "The scoundrel number 1."

    def test_within_the_window_nothing_is_blanked(self):
        assert minimise_old_refusals() == 0
        self.kept.refresh_from_db()
        assert self.kept.body == "The scoundrel number 0."
