"""Due process for reporters, the desk's recently published queue and moderation presets: the
points of the due-process standard (25-27, 29-31) proven as readers and moderators act."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gazette.comments.exceptions import CommentsClosed
from gazette.comments.models import Comment
from gazette.comments.services import AuthorProof, edit_comment, thread_for_article
from gazette.moderation import desk, links, policy, transparency
from gazette.moderation.models import (
    AuditEntry,
    Decision,
    ModerationMode,
    ModerationSettings,
    Report,
    ReporterMessage,
    ReportingRestriction,
)
from gazette.moderation.roles import ADMINISTRATOR, EDITOR, MODERATOR
from gazette.moderation.services import decisions
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SectionFactory,
    ThreadFactory,
    UserFactory,
)
from tests.moderation.factories import (
    WHY,
    ClauseFactory,
    PolicyVersionFactory,
    post,
    staff_in,
    without_policy,
)

JSON = {"HTTP_ACCEPT": "application/json"}


def illegal_report(**overrides):
    data = {
        "ground": "illegal",
        "legal_ground": "Criminal Code, art. 174 (incitement to hatred)",
        "note": "It calls for violence against a named group of people.",
        "bona_fide": "on",
    }
    data.update(overrides)
    return data


class ReportingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        without_policy()
        cls.version = PolicyVersionFactory(number=1)
        cls.clause = ClauseFactory(
            version=cls.version, number=3, key="attacks", title="No personal attacks"
        )
        ModerationSettings.objects.create(pk=1, report_threshold=5)
        cls.moderator = staff_in(MODERATOR)

    def setUp(self) -> None:
        self.comment = post(ThreadFactory(), "This editorial gets the budget figures wrong.")
        self.url = reverse("moderation:report", kwargs={"pk": self.comment.pk})


class ReportingTests(ReportingTestCase):
    def test_point_25_an_anonymous_report_is_accepted_with_201(self):
        response = self.client.post(self.url, {"clause": self.clause.pk}, **JSON)
        assert response.status_code == 201
        report = Report.objects.get()
        token = response.json()["status_url"].rstrip("/").rsplit("/", 1)[-1]
        assert links.report_from_token(token) == report.pk
        assert (report.reporter, report.reporter_name, report.reporter_email) == (None, "", "")

    def test_point_25_the_report_form_sits_beside_each_comment_and_offers_illegal_content(self):
        page = self.client.get(self.url)
        self.assertContains(page, "No personal attacks")
        self.assertContains(page, "It is illegal content")
        self.assertContains(page, "good faith")

    def test_point_25_an_illegal_content_report_without_the_good_faith_tick_is_refused(self):
        response = self.client.post(self.url, illegal_report(bona_fide=""), **JSON)
        assert response.status_code == 400
        assert "good faith" in response.json()["errors"]["bona_fide"][0]
        page = self.client.post(self.url, illegal_report(bona_fide=""))
        self.assertContains(page, "must confirm that it is made in good faith", status_code=400)
        assert not Report.objects.exists()

    def test_point_25_an_illegal_content_report_needs_the_law_and_an_explanation(self):
        response = self.client.post(self.url, illegal_report(legal_ground="", note=""), **JSON)
        errors = response.json()["errors"]
        assert response.status_code == 400
        assert set(errors) == {"legal_ground", "note"}
        assert not Report.objects.exists()

    def test_point_25_an_illegal_content_report_stores_the_law_and_the_statement(self):
        response = self.client.post(self.url, illegal_report(), **JSON)
        assert response.status_code == 201
        report = Report.objects.get()
        assert (report.ground, report.bona_fide, report.clause) == ("illegal", True, None)
        assert report.legal_ground.startswith("Criminal Code, art. 174")
        assert report.note.startswith("It calls for violence")

    def test_point_25_the_report_holds_the_comment_and_its_revision_and_policy_version(self):
        reader = UserFactory()
        comment = post(ThreadFactory(), "First words.", name=reader.username, user=reader)
        edit_comment(comment_id=comment.pk, proof=AuthorProof(user_id=reader.pk), body="Second.")
        url = reverse("moderation:report", kwargs={"pk": comment.pk})
        self.client.post(url, {"clause": self.clause.pk})
        report = Report.objects.get()
        comment.refresh_from_db()
        assert (report.comment, report.comment_revision) == (comment, 1)
        assert report.comment_edited_at == comment.edited_at
        assert report.policy_version == 1

    def test_point_25_name_and_e_mail_are_optional_and_kept_when_given(self):
        self.client.post(
            self.url, {"clause": self.clause.pk, "name": "Aigerim", "email": "a@example.org"}
        )
        report = Report.objects.get()
        assert (report.reporter_name, report.reporter_email) == ("Aigerim", "a@example.org")

    def test_a_report_is_logged_as_a_reader_s_act_never_as_automatic(self):
        reader = UserFactory(email="reader@example.org")
        self.client.force_login(reader)
        self.client.post(self.url, {"clause": self.clause.pk})
        self.client.logout()
        other = post(ThreadFactory())
        self.client.post(
            reverse("moderation:report", kwargs={"pk": other.pk}), {"clause": self.clause.pk}
        )
        signed_in, guest = AuditEntry.objects.filter(event="reported").order_by("pk")
        assert (signed_in.actor, signed_in.automatic, signed_in.outcome) == (
            reader,
            False,
            "policy",
        )
        assert (guest.actor, guest.automatic) == (None, False)


class AcknowledgementTests(ReportingTestCase):
    def test_point_26_a_reporter_who_gave_an_address_is_acknowledged_in_the_same_request(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {"clause": self.clause.pk, "email": "a@example.org"})
        assert [message.to for message in mail.outbox] == [["a@example.org"]]
        assert "We received your report" in mail.outbox[0].subject
        assert "clause 3 (No personal attacks)" in mail.outbox[0].body
        stored = ReporterMessage.objects.get(kind="acknowledged")
        assert (stored.emailed, stored.body) == (True, mail.outbox[0].body)

    def test_point_26_a_signed_in_reporter_is_acknowledged_at_their_account_s_address(self):
        self.client.force_login(UserFactory(email="reader@example.org"))
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {"clause": self.clause.pk})
        assert [message.to for message in mail.outbox] == [["reader@example.org"]]

    def test_point_26_without_an_address_the_acknowledgement_is_on_the_report_page(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url, {"clause": self.clause.pk})
        assert mail.outbox == []
        page = self.client.get(response["Location"])
        self.assertContains(page, "We received your report")

    def test_point_26_the_acknowledgement_is_in_the_reporter_s_language(self):
        url = reverse("moderation:report", kwargs={"pk": self.comment.pk}).replace("/en/", "/kk/")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {"clause": self.clause.pk, "email": "a@example.org"})
        message = ReporterMessage.objects.get()
        assert message.language == "kk"
        assert message.subject != "We received your report"


class OutcomeTests(ReportingTestCase):
    def report(self, email):
        self.client.cookies.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {"clause": self.clause.pk, "email": email})
        return Report.objects.get(reporter_email=email)

    def test_point_27_a_no_action_decision_tells_the_reporter_the_clause_and_the_appeal_link(
        self,
    ):
        report = self.report("a@example.org")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            decisions.dismiss_reports(comment=self.comment, actor=self.moderator)
        (outcome,) = mail.outbox
        assert "clause 3 (No personal attacks)" in outcome.body
        assert "Decision: no action" in outcome.body
        assert "a moderator took the decision" in outcome.body
        assert links.report_status_path(report.pk, "en") in outcome.body
        assert "appeal it once" in outcome.body
        stored = ReporterMessage.objects.get(kind="outcome")
        assert stored.body == outcome.body

    def test_point_27_every_message_gives_a_report_the_same_link_and_older_links_still_work(
        self,
    ):
        report = self.report("a@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            decisions.dismiss_reports(comment=self.comment, actor=self.moderator)
        received, decided = (message.body for message in mail.outbox)
        link = re.compile(r"/en/report-status/[^/\s]+/")
        assert link.search(received).group(0) == link.search(decided).group(0)
        # A link mailed when links still carried the second they were signed.
        older = signing.dumps(report.pk, salt="gazette.moderation.report-status", compress=True)
        page = self.client.get(reverse("moderation:report_status", kwargs={"token": older}))
        self.assertContains(page, "No action: the comment stays")

    def test_point_27_a_removal_tells_the_reporter_the_clause_it_was_removed_under(self):
        self.report("a@example.org")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
            )
        assert "the comment was removed under clause 3" in mail.outbox[0].body
        assert "Automated means: none" in mail.outbox[0].body

    def test_point_27_the_reporter_s_page_shows_the_outcome_and_the_appeal(self):
        report = self.report("a@example.org")
        decisions.dismiss_reports(comment=self.comment, actor=self.moderator)
        page = self.client.get(links.report_status_path(report.pk))
        self.assertContains(page, "No action: the comment stays")
        self.assertContains(page, "Appeal the decision")
        self.assertContains(page, "Our decision on the comment you reported")

    def test_point_27_a_reinstatement_tells_the_reporter_and_their_report_says_so(self):
        report = self.report("a@example.org")
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            reinstatement = decisions.reinstate_comment(
                comment=self.comment, actor=staff_in(MODERATOR)
            )
        report.refresh_from_db()
        assert (report.outcome, report.decision) == ("reinstated", reinstatement)
        assert "the comment was put back" in mail.outbox[0].body
        page = self.client.get(links.report_status_path(report.pk))
        self.assertContains(page, "reinstated on appeal")
        self.assertNotContains(page, "The comment was removed under clause")

    def test_point_30_duplicate_reports_share_one_decision_and_every_reporter_is_told(self):
        first, second = self.report("a@example.org"), self.report("b@example.org")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            decision = decisions.remove_comment(
                explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
            )
        assert Decision.objects.filter(comment=self.comment).count() == 1
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.decision, second.decision) == (decision, decision)
        assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
        assert ReporterMessage.objects.filter(kind="outcome", decision=decision).count() == 2

    def test_point_30_each_report_s_resolution_is_logged_for_the_time_to_act(self):
        report = self.report("a@example.org")
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        resolved = AuditEntry.objects.get(event="report_resolved")
        reported = AuditEntry.objects.get(event="reported")
        assert (resolved.record_id, reported.record_id) == (report.pk, report.pk)
        assert (resolved.outcome, resolved.actor, resolved.automatic) == (
            "actioned",
            self.moderator,
            False,
        )
        assert resolved.created_at >= reported.created_at

    def test_point_30_the_median_time_from_report_to_decision_is_in_the_monthly_numbers(self):
        self.report("a@example.org")
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        month = timezone.localdate().replace(day=1)
        figures = transparency.month_report("en", month)
        assert figures.median_hours_report_to_decision is not None
        assert figures.reports_by_ground == {"policy": 1}
        page = self.client.get(
            reverse(
                "moderation:transparency_csv", kwargs={"year": month.year, "month": month.month}
            )
        )
        rows = list(csv.DictReader(io.StringIO(page.content.decode())))
        assert "median hours from report to decision" in {row["measure"] for row in rows}
        assert [
            (row["ground"], row["value"]) for row in rows if row["measure"] == "reports received"
        ] == [("policy", "1")]


class ReporterHistoryTests(ReportingTestCase):
    def test_point_29_a_signed_in_reader_sees_each_report_with_status_and_outcome(self):
        reader = UserFactory()
        self.client.force_login(reader)
        other = post(ThreadFactory(), "Another comment.")
        self.client.post(self.url, {"clause": self.clause.pk})
        self.client.post(reverse("moderation:report", kwargs={"pk": other.pk}), illegal_report())
        decisions.dismiss_reports(comment=self.comment, actor=self.moderator)
        page = self.client.get(reverse("moderation:my_reports"))
        self.assertContains(page, "No action: the comment stays")
        self.assertContains(page, "Waiting for a moderator")
        self.assertContains(page, "Criminal Code, art. 174")
        self.assertContains(page, "Reported under clause 3")

    @override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
    def test_point_29_the_page_takes_the_same_queries_however_many_reports(self):
        self.client.force_login(UserFactory())
        self.client.post(self.url, {"clause": self.clause.pk})
        url = reverse("moderation:my_reports")
        self.client.get(url)
        with CaptureQueriesContext(connection) as one:
            self.client.get(url)
        for number in range(3):
            comment = post(
                ThreadFactory(), f"Comment {number} on the case.", anonymous_id=f"x{number}"
            )
            self.client.post(
                reverse("moderation:report", kwargs={"pk": comment.pk}), illegal_report()
            )
        decisions.dismiss_reports(comment=comment, actor=self.moderator)
        self.client.get(url)
        with CaptureQueriesContext(connection) as four:
            self.client.get(url)
        assert len(four) == len(one)

    def test_point_29_the_list_is_also_given_as_json(self):
        self.client.force_login(UserFactory())
        self.client.post(self.url, {"clause": self.clause.pk})
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        (report,) = self.client.get(reverse("moderation:my_reports"), **JSON).json()["reports"]
        assert (report["status"], report["outcome"], report["clause"]) == ("decided", "actioned", 3)
        assert report["automated"] is False

    def test_point_29_the_page_shows_no_one_else_s_reports(self):
        self.client.post(self.url, {"clause": self.clause.pk})
        self.client.force_login(UserFactory())
        page = self.client.get(reverse("moderation:my_reports"))
        self.assertContains(page, "You have not reported any comment.")

    def test_point_29_a_signed_out_visitor_is_sent_to_sign_in(self):
        assert self.client.get(reverse("moderation:my_reports")).status_code == 302

    def test_point_29_a_guest_reporter_sees_status_and_outcome_through_the_signed_link(self):
        response = self.client.post(self.url, {"clause": self.clause.pk})
        decisions.remove_comment(
            explanation=WHY, comment=self.comment, actor=self.moderator, clause=self.clause
        )
        page = self.client.get(response["Location"])
        self.assertContains(page, "The comment was removed under clause 3")
        self.assertContains(page, "A moderator took the decision.")
        assert self.client.get(response["Location"][:-4] + "xx/").status_code == 404


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class MisuseTests(ReportingTestCase):
    def unfounded_report(self):
        self.posted += 1
        comment = post(
            ThreadFactory(),
            f"Point {self.posted}: the budget adds up.",
            anonymous_id=f"a{self.posted}",
        )
        self.client.post(
            reverse("moderation:report", kwargs={"pk": comment.pk}), {"clause": self.clause.pk}
        )
        decisions.dismiss_reports(comment=comment, actor=self.moderator, manifestly_unfounded=True)
        return comment

    posted = 0

    def test_point_31_unfounded_reports_earn_a_warning_then_a_403_saying_until_when(self):
        self.client.force_login(UserFactory(email="reader@example.org"))
        for _ in range(policy.UNFOUNDED_LIMIT):
            self.unfounded_report()
        warning = ReportingRestriction.objects.get()
        assert warning.kind == "warning"
        assert ReporterMessage.objects.filter(kind="misuse_warning").count() == 1
        assert self.client.post(self.url, {"clause": self.clause.pk}).status_code == 302
        Report.objects.filter(comment=self.comment).delete()
        for _ in range(policy.UNFOUNDED_LIMIT):
            self.unfounded_report()
        suspension = ReportingRestriction.objects.get(kind="suspension")
        assert suspension.ends_at - suspension.starts_at == policy.REPORTING_SUSPENSION
        response = self.client.post(self.url, {"clause": self.clause.pk})
        self.assertContains(response, "You cannot report comments until", status_code=403)
        assert not Report.objects.filter(comment=self.comment).exists()
        events = AuditEntry.objects.filter(event__in=["reporter_warned", "reporting_suspended"])
        assert [(e.event, e.outcome) for e in events.order_by("pk")] == [
            ("reporter_warned", "unfounded_reports"),
            ("reporting_suspended", "unfounded_reports"),
        ]

    def test_point_31_reports_dismissed_in_good_faith_count_for_less(self):
        self.client.force_login(UserFactory())
        for number in range(policy.UNFOUNDED_LIMIT):
            comment = post(
                ThreadFactory(), f"Point {number}: the budget adds up.", anonymous_id=f"a{number}"
            )
            self.client.post(
                reverse("moderation:report", kwargs={"pk": comment.pk}),
                {"clause": self.clause.pk},
            )
            decisions.dismiss_reports(comment=comment, actor=self.moderator)
        assert not ReportingRestriction.objects.exists()

    def test_point_31_the_suspension_ends(self):
        reader = UserFactory()
        self.client.force_login(reader)
        ReportingRestriction.objects.create(
            kind="suspension",
            user=reader,
            reporter_key=f"user:{reader.pk}",
            starts_at=timezone.now() - timedelta(days=31),
            ends_at=timezone.now() - timedelta(days=1),
            unfounded=3,
        )
        assert self.client.post(self.url, {"clause": self.clause.pk}).status_code == 302

    def test_the_desk_marks_a_dismissal_manifestly_unfounded(self):
        self.client.post(self.url, {"clause": self.clause.pk})
        self.client.force_login(self.moderator)
        self.client.post(
            reverse("moderation:decide", kwargs={"pk": self.comment.pk}),
            {"action": "dismiss", "manifestly_unfounded": "on"},
        )
        report = Report.objects.get()
        assert (report.outcome, report.manifestly_unfounded) == ("no_action", True)


INSULT_WITH_LINK = "The judge is a clueless fool and a disgrace, see https://example.org/case"


class RecentlyPublishedQueueTests(TestCase):
    """Post-moderation is moderation: the desk sees what went live, riskiest first."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        court = SectionFactory(name="Crime & Justice", slug="crime-justice")
        cls.story = ArticleFactory(section=court, headline="Trial of the former mayor opens")

    def setUp(self) -> None:
        self.client.force_login(self.moderator)
        self.thread = thread_for_article(self.story)

    def recent(self, **params):
        return self.client.get(reverse("moderation:queue", kwargs={"name": "recent"}), params)

    def test_an_insulting_comment_with_a_link_on_a_court_story_shows_up_with_its_score(self):
        calm = post(self.thread, "The court should publish its reasoning.", anonymous_id="a")
        insult = post(self.thread, INSULT_WITH_LINK, anonymous_id="b")
        assert (calm.state, insult.state) == ("published", "published")
        response = self.recent()
        items = response.context["page"].object_list
        assert [item.comment for item in items] == [insult, calm]
        assert items[0].scores.highest > 0.5
        self.assertContains(response, "Trial of the former mayor opens")
        self.assertContains(response, "1 link")
        self.assertContains(response, "first-time author")
        self.assertContains(response, 'data-rule="profanity"')

    def test_the_queue_filters_links_and_orders_newest_first_on_request(self):
        calm = post(self.thread, "The court should publish its reasoning.", anonymous_id="a")
        insult = post(self.thread, INSULT_WITH_LINK, anonymous_id="b")
        linked = self.recent(with_links="on").context["page"].object_list
        assert [item.comment for item in linked] == [insult]
        newest = self.recent(order="newest").context["page"].object_list
        assert [item.comment for item in newest] == [insult, calm]

    def test_a_comment_a_moderator_has_decided_leaves_the_queue(self):
        insult = post(self.thread, INSULT_WITH_LINK, anonymous_id="b")
        decisions.hold_comment(explanation=WHY, comment=insult, actor=self.moderator)
        decisions.approve_comment(comment=insult, actor=self.moderator)
        assert self.recent().context["page"].object_list == []

    def test_comments_older_than_the_window_are_not_shown(self):
        insult = post(self.thread, INSULT_WITH_LINK, anonymous_id="b")
        Comment.objects.filter(pk=insult.pk).update(
            created_at=timezone.now() - timedelta(days=desk.RECENT_DAYS, hours=1)
        )
        assert self.recent().context["page"].object_list == []

    def test_the_page_takes_the_same_queries_however_many_items(self):
        post(self.thread, INSULT_WITH_LINK, anonymous_id="b")
        self.recent()
        with CaptureQueriesContext(connection) as one:
            self.recent()
        for n in range(5):
            post(
                thread_for_article(ArticleFactory()),
                f"Comment {n} on the case.",
                anonymous_id=f"c{n}",
            )
        self.recent()  # the new discussions' rows warm the shared cache once
        with CaptureQueriesContext(connection) as six:
            self.recent()
        assert len(six) == len(one)


class PresetTests(TestCase):
    """Named presets a desk applies in one step, explained to readers, logged and counted."""

    @classmethod
    def setUpTestData(cls) -> None:
        ModerationSettings.objects.create(pk=1, profanity_threshold=0, trusted_threshold=3)
        cls.editor = staff_in(EDITOR)
        cls.court = SectionFactory(name="Crime & Justice", slug="crime-justice")
        cls.story = ArticleFactory(section=cls.court, headline="Trial of the former mayor opens")
        cls.russian = ArticleFactory(section=cls.court, language="ru", headline="Суд над мэром")

    def setUp(self) -> None:
        self.client.force_login(self.editor)

    def apply(self, **data):
        return self.client.post(reverse("moderation:presets"), data)

    def comment_on(self, article, body="The court should publish its reasoning.", **author):
        author.setdefault("anonymous_id", "reader-x")
        return post(thread_for_article(article), body, **author)

    def test_sub_judice_closes_a_section_with_the_reason_shown_in_every_edition(self):
        reason = "The trial of the former mayor is before the city court."
        response = self.apply(preset="sub_judice", section=self.court.pk, reason=reason)
        assert response.status_code == 302
        self.client.logout()
        english = self.client.get(self.story.get_absolute_url())
        self.assertContains(english, "Sub judice.")
        self.assertContains(english, "while a case related to it is before the court")
        self.assertContains(english, reason)
        self.assertNotContains(english, 'name="body"')
        russian = self.client.get(self.russian.get_absolute_url())
        self.assertContains(russian, "рассматривается в суде")
        with pytest.raises(CommentsClosed):
            self.comment_on(self.story)

    def test_sensitive_holds_every_comment_even_a_trusted_author_s(self):
        reader = UserFactory()
        CommentFactory.create_batch(3, user=reader, thread=thread_for_article(ArticleFactory()))
        assert self.comment_on(self.story, name=reader.username, user=reader).state == "published"
        assert self.apply(preset="sensitive", article=self.story.pk).status_code == 302
        assert ModerationMode.objects.get().preset == "sensitive"
        held = self.comment_on(self.story, "And its sentence.", name=reader.username, user=reader)
        assert held.state == "pending"
        self.client.logout()
        self.assertContains(self.client.get(self.story.get_absolute_url()), "Sensitive story.")
        neighbour = self.comment_on(self.russian, name=reader.username, user=reader)
        assert neighbour.state == "published"

    def test_sensitive_screens_more_strictly_so_the_desk_sees_why(self):
        self.apply(preset="sensitive", article=self.story.pk)
        linked = self.comment_on(self.story, "Ruling: https://court.example/r")
        plain = self.comment_on(self.story, "The ruling is long.", anonymous_id="reader-y")
        assert (linked.state, plain.state) == ("pending", "pending")
        assert any("links" in reason for reason in linked.screening_reasons), (
            linked.screening_reasons
        )
        held = desk.queue_comments(desk.Queue.HELD, desk.Filters())
        pending = desk.queue_comments(desk.Queue.PENDING, desk.Filters())
        assert (list(held), list(pending)) == ([linked], [plain])

    def test_open_returns_to_the_site_default_and_reopens_comments(self):
        self.apply(preset="sub_judice", article=self.story.pk, reason="Case before the court.")
        with pytest.raises(CommentsClosed):
            self.comment_on(self.story)
        self.apply(preset="open", article=self.story.pk)
        assert not ModerationMode.objects.exists()
        assert self.comment_on(self.story).state == "published"
        self.client.logout()
        self.assertNotContains(self.client.get(self.story.get_absolute_url()), "Sub judice.")

    def test_every_change_of_preset_or_mode_is_logged_with_who_and_when_and_counted(self):
        self.apply(preset="sensitive", section=self.court.pk)
        self.apply(preset="sub_judice", article=self.story.pk, reason="Case before the court.")
        self.client.post(
            reverse(
                "admin:moderation_moderationmode_change",
                args=[ModerationMode.objects.get(section=self.court).pk],
            ),
            {"mode": "post", "section": self.court.pk, "article": "", "note": "Trial over."},
        )
        entries = AuditEntry.objects.filter(event="mode_changed").order_by("pk")
        assert [(e.actor, e.from_state, e.to_state, e.outcome) for e in entries] == [
            (self.editor, "", "sensitive", "preset"),
            (self.editor, "", "sub_judice", "preset"),
            (self.editor, "sensitive", "post", "mode"),
        ]
        assert all(entry.automatic is False for entry in entries)
        figures = transparency.month_report("en", timezone.localdate().replace(day=1))
        assert figures.mode_changes == 3

    def test_a_change_of_the_site_wide_mode_is_logged_too(self):
        administrator = staff_in(ADMINISTRATOR)
        self.client.force_login(administrator)
        url = reverse("admin:moderation_moderationsettings_change", args=[1])
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.pop("updated_at", None)
        data.update(mode="pre")
        assert self.client.post(url, data).status_code == 302
        data.update(report_threshold=7)
        self.client.post(url, data)
        entry = AuditEntry.objects.get(event="mode_changed")
        assert (entry.actor, entry.from_state, entry.to_state, entry.outcome) == (
            administrator,
            "post",
            "pre",
            "site_mode",
        )

    def test_a_moderator_without_the_right_to_set_modes_is_refused(self):
        self.client.force_login(staff_in(MODERATOR))
        assert self.apply(preset="sensitive", section=self.court.pk).status_code == 403
        assert not ModerationMode.objects.exists()

    def test_a_preset_needs_one_section_or_one_article(self):
        response = self.apply(preset="sensitive", section=self.court.pk, article=self.story.pk)
        self.assertContains(response, "Choose a section or an article, not both.", status_code=400)
        assert not AuditEntry.objects.filter(event="mode_changed").exists()
