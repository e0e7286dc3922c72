"""Abuse-handling data is kept for GAZETTE_ABUSE_DATA_RETENTION_DAYS and then blanked."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.accounts.readers import Reader
from gazette.comments.models import Comment, CommentLike
from gazette.comments.services import like_comment
from gazette.core.scheduler import JOBS
from gazette.moderation.services.retention import purge_abuse_data
from tests.factories import ThreadFactory
from tests.moderation.factories import SanctionFactory, post


@override_settings(GAZETTE_ABUSE_DATA_RETENTION_DAYS=90)
class PurgeAbuseDataTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        thread = ThreadFactory()
        cls.old = post(thread, "Old comment on the trial.", anonymous_id="old", ip_hash="ip-old")
        cls.new = post(thread, "New comment on the trial.", anonymous_id="new", ip_hash="ip-new")
        Comment.objects.filter(pk=cls.old.pk).update(
            created_at=timezone.now() - timedelta(days=91), abuse_signals={"fill_seconds": 2.5}
        )
        Comment.objects.filter(pk=cls.new.pk).update(abuse_signals={"fill_seconds": 9.0})
        like_comment(comment_id=cls.new.pk, reader=Reader.anonymous("fan", ip_hash="ip-fan"))
        like_comment(comment_id=cls.old.pk, reader=Reader.anonymous("fan", ip_hash="ip-fan"))
        CommentLike.objects.filter(comment=cls.old).update(
            created_at=timezone.now() - timedelta(days=100)
        )

    def test_only_data_older_than_the_period_is_blanked(self) -> None:
        purge_abuse_data(batch_size=1)
        old, new = Comment.objects.get(pk=self.old.pk), Comment.objects.get(pk=self.new.pk)
        assert (old.ip_hash, old.abuse_signals) == ("", {})
        assert (new.ip_hash, new.abuse_signals) == ("ip-new", {"fill_seconds": 9.0})
        assert CommentLike.objects.get(comment=self.old).ip_hash == ""
        assert CommentLike.objects.get(comment=self.new).ip_hash == "ip-fan"

    def test_running_it_again_changes_nothing(self) -> None:
        assert purge_abuse_data(batch_size=1).total == 2
        assert purge_abuse_data(batch_size=1).total == 0

    def test_the_period_is_the_setting(self) -> None:
        with override_settings(GAZETTE_ABUSE_DATA_RETENTION_DAYS=95):
            purge_abuse_data()
        assert Comment.objects.get(pk=self.old.pk).ip_hash == "ip-old"
        assert CommentLike.objects.get(comment=self.old).ip_hash == ""

    def test_the_dry_run_counts_and_blanks_nothing(self) -> None:
        out = io.StringIO()
        call_command("purge_abuse_data", "--dry-run", stdout=out)
        assert "Would blank" in out.getvalue()
        assert "2 comments and likes" in out.getvalue()
        assert Comment.objects.get(pk=self.old.pk).ip_hash == "ip-old"

    def test_a_sanction_keeps_its_address_hash_until_it_has_been_over_for_the_period(
        self,
    ) -> None:
        long_over = SanctionFactory(
            user=None,
            ip_hash="ip-old",
            starts_at=timezone.now() - timedelta(days=120),
            ends_at=timezone.now() - timedelta(days=100),
        )
        ban = SanctionFactory(
            kind="ban", user=None, ip_hash="ip-ban", starts_at=timezone.now() - timedelta(days=400)
        )
        ban.ends_at = None
        ban.save()
        purge_abuse_data()
        long_over.refresh_from_db()
        ban.refresh_from_db()
        assert (long_over.ip_hash, long_over.kind) == ("", "suspension")
        assert long_over.subject_minimised_at is not None
        assert ban.ip_hash == "ip-ban"

    def test_the_scheduler_runs_it_every_hour(self) -> None:
        assert {job.name: job.every_seconds for job in JOBS}["purge_abuse_data"] == 3600
