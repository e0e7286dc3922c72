from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse

from gazette.comments.models import Comment
from gazette.moderation import links
from gazette.moderation.models import Appeal, ModerationSettings, Report
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from tests.factories import ThreadFactory
from tests.moderation.factories import (
    WHY,
    ClauseFactory,
    PolicyVersionFactory,
    post,
    staff_in,
    without_policy,
)


class CommentStatusPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = ClauseFactory(number=3, title="No personal attacks")

    def setUp(self) -> None:
        self.thread = ThreadFactory()
        self.comment = post(self.thread, "The verdict is wrong.", email="dana@example.org")
        self.url = links.comment_status_path(self.comment.pk, "en")

    def test_a_forged_or_altered_link_is_not_found(self):
        assert self.client.get(self.url[:-3] + "xx/").status_code == 404

    def test_published_comment_shows_its_state_and_no_appeal_form(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Published")
        self.assertNotContains(response, "File the appeal")
        assert response["X-Robots-Tag"] == "noindex"

    def test_removed_comment_shows_the_clause_reason_and_appeal_form(self):
        decisions.remove_comment(
            explanation=WHY,
            comment=self.comment,
            actor=self.moderator,
            clause=self.clause,
            note="Insult.",
        )
        response = self.client.get(self.url)
        self.assertContains(response, "Removed by moderation")
        self.assertContains(response, "No personal attacks")
        self.assertContains(response, WHY)
        # The moderators' note stays among moderators.
        self.assertNotContains(response, "Insult.")
        self.assertContains(response, "File the appeal")

    def test_author_appeals_once_from_the_status_page(self):
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        response = self.client.post(self.url, {"statement": "It was a quote."})
        assert response.status_code == 302
        assert Appeal.objects.get().statement == "It was a quote."
        again = self.client.post(self.url, {"statement": "Once more."})
        self.assertContains(again, "appealed once", status_code=409)
        assert Appeal.objects.count() == 1

    def test_empty_appeal_is_refused_with_a_message(self):
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        response = self.client.post(self.url, {"statement": ""})
        assert response.status_code == 400
        assert not Appeal.objects.exists()

    def test_comment_text_is_escaped(self):
        comment = post(self.thread, "<script>alert(1)</script> hello")
        response = self.client.get(links.comment_status_path(comment.pk, "en"))
        self.assertNotContains(response, "<script>alert(1)</script>")
        assert mail.outbox == []


class ReportCommentPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        without_policy()
        version = PolicyVersionFactory(number=1)
        cls.clause = ClauseFactory(version=version, number=2, key="hate", title="No hate speech")
        ModerationSettings.objects.create(pk=1, report_threshold=1)

    def setUp(self) -> None:
        self.comment = post(ThreadFactory())
        self.url = reverse("moderation:report", kwargs={"pk": self.comment.pk})

    def test_form_lists_the_clauses_in_force(self):
        self.assertContains(self.client.get(self.url), "2. No hate speech")

    def test_report_holds_the_comment_at_the_threshold_and_links_to_its_status(self):
        response = self.client.post(self.url, {"clause": self.clause.pk, "note": "A slur."})
        assert response.status_code == 302
        report = Report.objects.get()
        assert response["Location"] == links.report_status_path(report.pk, "en")
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PENDING
        status = self.client.get(response["Location"])
        self.assertContains(status, "No hate speech")

    def test_a_clause_is_required(self):
        assert self.client.post(self.url, {"note": "bad"}).status_code == 400
        assert not Report.objects.exists()

    def test_reporting_twice_is_refused(self):
        self.client.post(self.url, {"clause": self.clause.pk})
        Comment.objects.filter(pk=self.comment.pk).update(state="published")
        response = self.client.post(self.url, {"clause": self.clause.pk})
        self.assertContains(response, "already reported", status_code=400)

    def test_held_or_removed_comments_cannot_be_reported(self):
        Comment.objects.filter(pk=self.comment.pk).update(state="removed")
        assert self.client.get(self.url).status_code == 404


class ReaderActionRateTests(TestCase):
    """Reports and appeals are counted by the one rate limiter, under their configured rates."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = ClauseFactory(number=3, title="No personal attacks")

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"report": {"reader": "1/3600"}}})
    def test_reports_follow_the_configured_rate(self):
        first, second = post(ThreadFactory()), post(ThreadFactory())
        report = reverse("moderation:report", kwargs={"pk": first.pk})
        self.client.post(report, {"clause": self.clause.pk})
        again = reverse("moderation:report", kwargs={"pk": second.pk})
        response = self.client.post(again, {"clause": self.clause.pk})
        self.assertContains(response, "You are doing that too often", status_code=429)
        assert Report.objects.count() == 1

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"appeal": {"ip": "0/3600"}}})
    def test_appeals_follow_the_configured_rate(self):
        comment = post(ThreadFactory(), email="dana@example.org")
        decisions.remove_comment(
            explanation=WHY, comment=comment, actor=self.moderator, clause=self.clause
        )
        url = links.comment_status_path(comment.pk, "en")
        response = self.client.post(url, {"statement": "It was a quote."}, follow=True)
        self.assertContains(response, "You are doing that too often", status_code=429)
        assert not Appeal.objects.exists()
