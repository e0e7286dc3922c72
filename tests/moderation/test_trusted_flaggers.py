"""Trusted flaggers: an organisation's account a senior moderator marks in the admin; its reports
are recorded with their own source, read first on the desk, and named so in the decision's
statement, its audit entry and the monthly figures."""

from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from gazette.moderation import transparency
from gazette.moderation.models import AuditEntry, Clause, Notice, Report, TrustedFlagger
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.reports import report_comment
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.factories import WHY, post, staff_in


class TrustedFlaggerTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = Clause.objects.get(version__number=1, key="attacks")
        cls.organisation = UserFactory(username="watchdog")
        cls.status = TrustedFlagger.objects.create(
            user=cls.organisation,
            organisation="Media Watchdog",
            since=timezone.now() - timedelta(days=30),
        )
        cls.thread = ThreadFactory()

    def report_as_organisation(self, comment):
        self.client.force_login(self.organisation)
        url = reverse("moderation:report", kwargs={"pk": comment.pk})
        return self.client.post(url, {"clause": self.clause.pk})


class TrustedFlaggerReportTests(TrustedFlaggerTestCase):
    def test_trusted_flagger_report_is_recorded_with_its_source(self):
        comment = post(self.thread, "The minister lied, and this reader is a fool.")
        self.report_as_organisation(comment)
        report = Report.objects.get()
        assert report.trusted_flagger
        entry = AuditEntry.objects.get(event="reported")
        assert entry.source == "trusted_flagger"

    def test_trusted_flagger_whose_status_ended_files_an_ordinary_report(self):
        TrustedFlagger.objects.filter(pk=self.status.pk).update(
            until=timezone.now() - timedelta(days=1)
        )
        comment = post(self.thread, "The minister lied, and this reader is a fool.")
        self.report_as_organisation(comment)
        assert not Report.objects.get().trusted_flagger
        assert AuditEntry.objects.get(event="reported").source == "reader_report"

    def test_trusted_flagger_removal_names_the_source_in_statement_audit_and_figures(self):
        comment = post(self.thread, "The minister lied, and this reader is a fool.")
        self.report_as_organisation(comment)
        decision = decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=self.clause, explanation=WHY
        )
        assert decision.source == "trusted_flagger"
        assert AuditEntry.objects.get(event="removed").source == "trusted_flagger"
        notice = Notice.objects.get(kind="removed")
        assert "a trusted flagger reported the comment" in notice.body
        figures = transparency.month_report("en", timezone.localdate().replace(day=1)).actions
        assert [(f.by("source"), f.value) for f in figures if f.by("action") == "remove"] == [
            ("trusted_flagger", 1)
        ]


class TrustedFlaggerQueueTests(TrustedFlaggerTestCase):
    def test_trusted_flagger_report_comes_first_in_the_reported_queue(self):
        older = post(self.thread, "An older comment a reader reported.", anonymous_id="a")
        newer = post(self.thread, "A newer comment the watchdog reported.", anonymous_id="b")
        report_comment(comment=older, clause=self.clause, reporter_key="anon:reader")
        report_comment(
            comment=newer,
            clause=self.clause,
            reporter_key=f"user:{self.organisation.pk}",
            reporter=self.organisation,
        )
        self.client.force_login(self.moderator)
        response = self.client.get(reverse("moderation:queue", kwargs={"name": "reported"}))
        listed = [item.comment for item in response.context["page"]]
        assert listed == [newer, older]
        self.assertContains(response, "Trusted flagger")

    def test_without_a_trusted_flagger_the_oldest_comes_first(self):
        older = post(self.thread, "An older comment a reader reported.", anonymous_id="a")
        newer = post(self.thread, "A newer comment another reader reported.", anonymous_id="b")
        for comment in (older, newer):
            report_comment(comment=comment, clause=self.clause, reporter_key="anon:reader")
        self.client.force_login(self.moderator)
        response = self.client.get(reverse("moderation:queue", kwargs={"name": "reported"}))
        assert [item.comment for item in response.context["page"]] == [older, newer]


class TrustedFlaggerAdminTests(TrustedFlaggerTestCase):
    def test_trusted_flagger_status_is_granted_by_a_senior_moderator_in_the_admin(self):
        organisation = UserFactory(username="factcheckers")
        self.client.force_login(staff_in(SENIOR_MODERATOR))
        response = self.client.post(
            reverse("admin:moderation_trustedflagger_add"),
            {
                "user": organisation.pk,
                "organisation": "Fact Checkers Central Asia",
                "since_0": "2026-01-01",
                "since_1": "00:00:00",
            },
        )
        assert response.status_code == 302
        assert TrustedFlagger.objects.in_force().filter(user=organisation).exists()

    def test_trusted_flagger_status_cannot_be_granted_by_a_moderator_nor_deleted(self):
        self.client.force_login(staff_in(MODERATOR))
        assert self.client.get(reverse("admin:moderation_trustedflagger_add")).status_code == 403
        self.client.force_login(staff_in(SENIOR_MODERATOR))
        url = reverse("admin:moderation_trustedflagger_delete", args=[self.status.pk])
        assert self.client.get(url).status_code == 403

    def test_trusted_flagger_status_cannot_end_before_it_starts(self):
        self.client.force_login(staff_in(SENIOR_MODERATOR))
        response = self.client.post(
            reverse("admin:moderation_trustedflagger_change", args=[self.status.pk]),
            {
                "user": self.organisation.pk,
                "organisation": "Media Watchdog",
                "since_0": "2026-06-01",
                "since_1": "00:00:00",
                "until_0": "2026-05-01",
                "until_1": "00:00:00",
            },
        )
        assert response.status_code == 200
        self.assertContains(response, "errornote")
