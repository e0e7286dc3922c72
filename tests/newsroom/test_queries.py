from datetime import timedelta

import time_machine
from django.test import TestCase
from django.utils import timezone

from gazette.newsroom import panel, policy, queries
from gazette.newsroom.models import ArticleTotals, DailyEditionTotals
from gazette.newsroom.services import refresh_figures
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.newsroom.helpers import comment, vote


class TotalsTests(TestCase):
    """The overview reads an article's totals when the period covers its every active day, and
    its daily rows when the period cuts through them: both give the same figures."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory()
        with time_machine.travel(timezone.now() - timedelta(days=3)):
            vote(cls.article, "ana", "yes")
            comment(cls.article, "ana")
        vote(cls.article, "ben", "no")
        refresh_figures()

    def figures(self, days):
        period = policy.last_days(days, timezone.localdate())
        return queries.overview(period, "", language="en", sort="-votes")

    def test_a_period_covering_every_day_reads_the_totals(self) -> None:
        totals = ArticleTotals.objects.get(article=self.article)
        assert (totals.votes, totals.votes_yes, totals.comments) == (2, 1, 1)
        [row] = self.figures(7).articles
        assert (row.votes, row.votes_yes, row.votes_no, row.comments) == (2, 1, 1, 1)

    def test_a_period_cutting_through_the_days_sums_only_its_days(self) -> None:
        [row] = self.figures(2).articles
        assert (row.votes, row.votes_yes, row.votes_no, row.comments) == (1, 0, 1, 0)

    def test_each_editions_daily_totals_add_up_the_articles(self) -> None:
        days = DailyEditionTotals.objects.filter(language="en").order_by("day")
        assert [(d.votes, d.comments) for d in days] == [(1, 1), (1, 0)]
        weeks = self.figures(7).weeks
        assert sum(week.votes for week in weeks) == 2


class DistinctCommenterTests(TestCase):
    """A reader who comments on several days, or on several articles, is one commenter of the
    period, of the section, of the author and of the whole overview."""

    @classmethod
    def setUpTestData(cls) -> None:
        section = SectionFactory(name="Courts")
        cls.author = AuthorFactory(name="Aliya Nurlanova")
        cls.trial = ArticleFactory(section=section, authors=[cls.author])
        cls.verdict = ArticleFactory(section=section, authors=[cls.author])
        with time_machine.travel(timezone.now() - timedelta(days=3)):
            comment(cls.trial, "ana")
            comment(cls.trial, "ben")
        comment(cls.trial, "ana", "Ana again: the sentence is lighter than the charge.")
        comment(cls.verdict, "ana")
        comment(cls.verdict, "cem")
        refresh_figures()

    def figures(self, days):
        period = policy.last_days(days, timezone.localdate())
        return queries.overview(period, "", language="en", sort="label")

    def test_each_table_counts_every_reader_once(self) -> None:
        figures = self.figures(7)
        commenters = {row.label: row.commenters for row in figures.articles}
        assert commenters == {self.trial.headline: 2, self.verdict.headline: 2}
        [section] = figures.sections
        [author] = figures.authors
        assert (section.commenters, author.commenters, figures.total.commenters) == (3, 3, 3)
        assert (section.comments, figures.total.comments) == (5, 5)

    def test_a_period_cutting_through_the_days_counts_only_its_commenters(self) -> None:
        figures = self.figures(2)
        commenters = {row.label: row.commenters for row in figures.articles}
        assert commenters == {self.trial.headline: 1, self.verdict.headline: 2}
        assert figures.total.commenters == 2

    def test_the_panel_counts_a_reader_of_two_days_once(self) -> None:
        assert panel.article_panel(self.trial).total.commenters == 2
