import pytest
from django.test import TestCase

from gazette.comments.models import Comment
from gazette.moderation.exceptions import AlreadyReported
from gazette.moderation.models import AuditEntry, Decision, ModerationSettings, Report
from gazette.moderation.services.reports import NotReportable, report_comment
from tests.factories import ThreadFactory
from tests.moderation.factories import ClauseFactory, post


class ReportCommentTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.clause = ClauseFactory(key="hate")
        ModerationSettings.objects.create(pk=1, report_threshold=2)

    def setUp(self) -> None:
        self.comment = post(ThreadFactory())

    def test_a_report_names_its_clause_and_is_logged(self):
        report = report_comment(
            comment=self.comment, clause=self.clause, reporter_key="anon:a", note=" slur "
        )
        assert (report.clause, report.note, report.outcome) == (self.clause, "slur", "open")
        entry = AuditEntry.objects.get(event="reported")
        assert (entry.comment_id, entry.clause_key) == (self.comment.pk, "hate")

    def test_a_reader_reports_a_comment_once(self):
        report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:a")
        with pytest.raises(AlreadyReported):
            report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:a")
        assert Report.objects.count() == 1

    def test_reaching_the_threshold_holds_the_comment_automatically(self):
        report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:a")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:b")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PENDING
        decision = Decision.objects.get()
        assert (decision.action, decision.automatic, decision.actor) == ("hold", True, None)

    def test_only_published_comments_can_be_reported(self):
        Comment.objects.filter(pk=self.comment.pk).update(state=Comment.State.PENDING)
        with pytest.raises(NotReportable):
            report_comment(comment=self.comment, clause=self.clause, reporter_key="anon:a")
        assert not Report.objects.exists()
