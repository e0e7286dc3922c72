import io
from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from gazette.core.scheduler import JOBS
from gazette.moderation.models import Clause
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.reports import report_comment
from gazette.newsroom import services
from gazette.newsroom.models import (
    ArticleRollupState,
    DailyArticleStats,
    DailyClauseCount,
    FigureRefresh,
)
from gazette.newsroom.services import refresh_figures
from tests.factories import ArticleFactory
from tests.moderation.factories import WHY, staff_in
from tests.newsroom.helpers import comment, vote, withdraw


def stats_of(article):
    return DailyArticleStats.objects.get(article=article, day=timezone.localdate())


class RefreshFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory()
        cls.moderator = staff_in(MODERATOR)
        cls.attacks = Clause.objects.get(version__number=1, key="attacks")

    def test_votes_and_comments_of_the_day_are_counted_exactly(self) -> None:
        for reader in ("ana", "ben", "cem"):
            vote(self.article, reader, "yes")
        vote(self.article, "dan", "no")
        first = comment(self.article, "ana")
        comment(self.article, "ana", "A second thought from the same reader.")
        comment(self.article, "ben", parent=first)
        refresh_figures()
        stats = stats_of(self.article)
        assert (stats.votes, stats.votes_yes, stats.votes_no) == (4, 3, 1)
        assert stats.votes_by_choice == {"no": 1, "yes": 3}
        assert (stats.comments, stats.commenters, stats.replies) == (3, 2, 1)
        assert (stats.comments_posted, stats.held, stats.removed) == (3, 0, 0)

    def test_held_removed_reported_and_clauses_are_counted(self) -> None:
        kept, held, removed = (comment(self.article, name) for name in ("ana", "ben", "cem"))
        report_comment(comment=kept, clause=self.attacks, reporter_key="anon:r1")
        decisions.hold_comment(comment=held, actor=self.moderator, explanation=WHY)
        decisions.remove_comment(
            comment=removed, actor=self.moderator, clause=self.attacks, explanation=WHY
        )
        refresh_figures()
        stats = stats_of(self.article)
        assert (stats.comments_posted, stats.comments, stats.held, stats.removed) == (3, 1, 1, 1)
        assert stats.reports == 1
        counts = DailyClauseCount.objects.filter(article=self.article)
        assert [(c.clause_id, c.decisions) for c in counts] == [(self.attacks.pk, 1)]

    def test_a_changed_vote_moves_to_its_new_answer_on_its_first_day(self) -> None:
        vote(self.article, "ana", "yes")
        refresh_figures()
        vote(self.article, "ana", "no")
        refresh_figures()
        stats = stats_of(self.article)
        assert (stats.votes, stats.votes_yes, stats.votes_no) == (1, 0, 1)

    def test_a_withdrawn_vote_is_noticed_though_it_leaves_no_row(self) -> None:
        vote(self.article, "ana", "yes")
        vote(self.article, "ben", "yes")
        refresh_figures()
        with time_machine.travel(timezone.now() + timedelta(hours=1)):
            withdraw(self.article, "ana")
            run = refresh_figures()
        assert run.articles == 1
        assert stats_of(self.article).votes == 1

    def test_an_article_unchanged_since_well_before_the_last_run_is_not_recomputed(self) -> None:
        now = timezone.now()
        with time_machine.travel(now - timedelta(hours=1)):
            article = ArticleFactory()
            vote(article, "ana", "yes")
        with time_machine.travel(now - services.OVERLAP - timedelta(minutes=1)):
            first = refresh_figures()
        refresh_figures()
        state = ArticleRollupState.objects.get(article=article)
        assert state.refreshed_at == first.started_at
        assert DailyArticleStats.objects.get(article=article).votes == 1

    def test_days_are_kept_apart_and_a_full_refresh_gives_the_same_rows(self) -> None:
        with time_machine.travel(timezone.now() - timedelta(days=3)):
            vote(self.article, "ana", "yes")
            comment(self.article, "ana")
        vote(self.article, "ben", "no")
        refresh_figures()
        before = list(
            DailyArticleStats.objects.order_by("day").values_list("day", "votes", "comments")
        )
        refresh_figures(full=True)
        after = list(
            DailyArticleStats.objects.order_by("day").values_list("day", "votes", "comments")
        )
        assert before == after
        assert [(votes, comments) for _day, votes, comments in after] == [(1, 1), (1, 0)]
        assert FigureRefresh.objects.count() == 2


class RefreshCommandTests(TestCase):
    def test_the_command_rebuilds_every_article_when_asked(self) -> None:
        article = ArticleFactory()
        vote(article, "ana", "yes")
        out = io.StringIO()
        call_command("refresh_newsroom_figures", "--full", stdout=out)
        assert "1 articles" in out.getvalue()
        assert FigureRefresh.objects.get().full

    def test_the_scheduler_refreshes_the_figures_and_queues_digests(self) -> None:
        names = {job.name: job.every_seconds for job in JOBS}
        assert names["refresh_newsroom_figures"] == 300
        assert names["send_newsroom_digests"] == 3600
