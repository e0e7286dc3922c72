import contextlib
import csv
import io
from datetime import date, timedelta

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from gazette.comments.exceptions import CommentRejected, CommentsClosed, ParentNotFound
from gazette.comments.services import close_thread
from gazette.core import charts
from gazette.moderation import transparency
from gazette.moderation.models import AuditEntry, Clause, Notice, RecentText
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from gazette.moderation.services.reports import report_comment
from tests.factories import ArticleFactory, ThreadFactory
from tests.moderation.factories import (
    WHY,
    SanctionFactory,
    ScreeningTermFactory,
    post,
    reviewer,
    staff_in,
)


def month_url(name, language="en", today=None):
    today = today or timezone.localdate()
    with translation.override(language):
        return reverse(name, kwargs={"year": today.year, "month": today.month})


def csv_dicts(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def csv_values(response):
    """Figures without a breakdown, by (measure, the first dimension set or "")."""
    return {(row["measure"], row["clause"]): row["value"] for row in csv_dicts(response)}


class MonthReportTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        moderator = staff_in(MODERATOR)
        senior = reviewer("en")
        attacks = Clause.objects.get(version__number=1, key="attacks")
        spam = Clause.objects.get(version__number=1, key="spam")
        ScreeningTermFactory(phrase="casino", action="suspect")
        ScreeningTermFactory(phrase="scam", action="block", clause_key="spam")
        thread = ThreadFactory()
        with translation.override("en"):
            for number, text in enumerate(["A fair ruling.", "Why?", "casino bonus", "scam here"]):
                with contextlib.suppress(CommentRejected):
                    post(thread, text, anonymous_id=f"arrival-{number}")
        comments = [post(thread, f"Comment number {n} on the trial.") for n in range(4)]
        decisions.remove_comment(
            explanation=WHY, comment=comments[0], actor=moderator, clause=attacks
        )
        decisions.remove_comment(
            explanation=WHY, comment=comments[1], actor=moderator, clause=attacks
        )
        removal = decisions.remove_comment(
            explanation=WHY, comment=comments[2], actor=moderator, clause=spam
        )
        decide_appeal(
            appeal=file_appeal(decision=removal, statement="Not spam."),
            actor=senior,
            outcome="reversed",
            response="A fair quotation, not spam.",
        )
        report_comment(comment=comments[3], clause=attacks, reporter_key="anon:r")
        # Another edition's figures stay out of this one's report.
        ru_thread = ThreadFactory(article=ArticleFactory(language="ru"))
        decisions.remove_comment(
            explanation=WHY, comment=post(ru_thread), actor=moderator, clause=attacks
        )

    def report(self):
        return transparency.month_report("en", timezone.localdate().replace(day=1))

    def test_arrivals_are_counted_by_outcome(self):
        report = self.report()
        # Four arrivals of each outcome's kind, then four ordinary comments.
        assert report.received == 8
        assert (report.published_on_arrival, report.held_on_arrival) == (6, 1)
        assert report.rejected_on_arrival == 1

    def test_removals_are_counted_by_clause_in_this_edition_only(self):
        report = self.report()
        assert report.removed == 3
        assert [(c.number, c.key, c.count) for c in report.removals_by_clause] == [
            (3, "attacks", 2),
            (4, "spam", 1),
        ]
        assert report.removals_by_clause[0].title == "No personal attacks or harassment"

    def test_appeals_and_outcomes(self):
        report = self.report()
        assert (report.appeals_filed, report.appeals_upheld, report.appeals_rejected) == (1, 1, 0)
        assert report.reinstated == 1
        assert report.reports == 1

    def test_figures_add_up_with_the_audit_log(self):
        report = self.report()
        entries = AuditEntry.objects.filter(edition="en")
        assert report.received == entries.filter(event="screened").count()
        assert report.removed == entries.filter(event="removed").count()
        assert sum(c.count for c in report.removals_by_clause) == report.removed
        assert report.received == (
            report.published_on_arrival + report.held_on_arrival + report.rejected_on_arrival
        )

    def test_median_time_to_a_decision_is_reported(self):
        report = self.report()
        assert report.decisions_timed == 3
        assert report.median_hours_to_decision is not None
        assert report.median_hours_to_decision < 1

    def test_month_page_shows_charts_tables_and_no_names(self):
        response = self.client.get(month_url("moderation:transparency_month"))
        self.assertContains(response, "<svg")
        self.assertContains(response, "No personal attacks or harassment")
        self.assertNotContains(response, "<script")
        self.assertNotContains(response, "staff")  # no moderator is named

    def test_csv_download_carries_every_figure(self):
        response = self.client.get(month_url("moderation:transparency_csv"))
        assert response["Content-Type"].startswith("text/csv")
        assert csv_values(response)[("comments received", "")] == "8"
        restrictions = [row for row in csv_dicts(response) if row["measure"] == "restrictions"]
        assert sum(int(row["value"]) for row in restrictions if row["clause"] == "3 attacks") == 2

    def test_index_lists_this_month(self):
        response = self.client.get(reverse("moderation:transparency"))
        self.assertContains(response, month_url("moderation:transparency_month"))


class MonthBoundsTests(TestCase):
    def test_a_month_in_the_future_is_not_found(self):
        future = timezone.localdate() + timedelta(days=40)
        assert (
            self.client.get(month_url("moderation:transparency_month", today=future)).status_code
            == 404
        )

    def test_december_runs_to_the_first_of_january(self):
        start, end = transparency.month_bounds(date(2025, 12, 1))
        assert (start.month, end.year, end.month) == (12, 2026, 1)

    def test_a_month_with_nothing_is_all_zeros(self):
        report = transparency.month_report("kk", date(2025, 1, 1))
        assert (report.received, report.removed, report.median_hours_to_decision) == (0, 0, None)


def test_chart_labels_are_escaped():
    svg = charts.bar_chart("<b>", [("<script>alert(1)</script>", 3)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


class ArrivalsTests(TestCase):
    """Only what arrives is counted as received: refusals that need no screening record
    nothing, and a double submit is one comment."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.thread = ThreadFactory()

    def arrivals(self):
        report = transparency.month_report("en", timezone.localdate().replace(day=1))
        return report.received, AuditEntry.objects.filter(event="screened").count()

    def test_a_double_submit_is_received_once(self):
        post(self.thread, "The same words twice.")
        post(self.thread, "The same words twice.")
        assert self.arrivals() == (1, 1)

    def test_a_reply_to_an_unknown_comment_is_not_received(self):
        with pytest.raises(ParentNotFound):
            post(self.thread, "Answering nobody.", parent_id=999_999)
        assert self.arrivals() == (0, 0)

    def test_a_comment_on_a_closed_thread_is_not_received(self):
        close_thread(thread=self.thread)
        with pytest.raises(CommentsClosed):
            post(self.thread, "Too late.")
        assert self.arrivals() == (0, 0)

    def test_a_sanctioned_reader_is_refused_before_screening(self):
        sanction = SanctionFactory()
        with pytest.raises(CommentRejected):
            post(self.thread, "Let me in.", user=sanction.user)
        assert self.arrivals() == (0, 0)

    def test_a_refused_reply_leaves_no_memory_to_poison_the_duplicate_check(self):
        with pytest.raises(ParentNotFound):
            post(self.thread, "Buy our course today, great offer.", parent_id=999_999)
        other = ThreadFactory()
        comment = post(other, "Buy our course today, great offer.", anonymous_id="someone")
        assert comment.is_published
        assert RecentText.objects.count() == 1


class ScreeningFiguresTests(TestCase):
    """Each rule's holds, per language, and what moderators made of them; nudges counted."""

    @classmethod
    def setUpTestData(cls) -> None:
        moderator = staff_in(MODERATOR)
        attacks = Clause.objects.get(version__number=1, key="attacks")
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        thread = ThreadFactory()
        right = post(thread, "You blorfy, read the ruling.", anonymous_id="a")
        wrong = post(thread, "Blorfy is my dog's name, and the ruling is fair.", anonymous_id="b")
        post(thread, "Ты blorfy, читай приговор.", anonymous_id="c")
        decisions.remove_comment(explanation=WHY, comment=right, actor=moderator, clause=attacks)
        decisions.approve_comment(comment=wrong, actor=moderator)

    def report(self):
        return transparency.month_report("en", timezone.localdate().replace(day=1))

    def test_holds_are_counted_by_rule_and_language_with_their_outcome(self):
        figures = {(f.rule, f.written): f for f in self.report().screening}
        english = figures[("term", "en")]
        assert (english.held, english.confirmed, english.overturned, english.pending) == (
            2,
            1,
            1,
            0,
        )
        russian = figures[("term", "ru")]
        assert (russian.held, russian.pending) == (1, 1)

    def test_the_held_author_is_told_an_automated_check_held_it_and_under_which_clause(self):
        notice = Notice.objects.filter(kind="screened").first()
        assert notice is not None
        assert notice.automatic
        assert "automated" in notice.body
        assert "No personal attacks" in notice.body

    def test_the_figures_are_published_on_the_page_and_in_the_csv(self):
        page = self.client.get(month_url("moderation:transparency_month"))
        self.assertContains(page, "Holds by rule and language")
        rows = csv_dicts(self.client.get(month_url("moderation:transparency_csv")))
        values = {(row["measure"], row["rule"], row["written"]): row["value"] for row in rows}
        assert values[("screening holds", "term", "en")] == "2"
        assert values[("screening holds overturned", "term", "en")] == "1"
