from datetime import timedelta

import time_machine
from django.test import TestCase
from django.utils import timezone

from gazette.newsroom import panel
from gazette.newsroom.services import refresh_figures
from tests.factories import ArticleFactory
from tests.newsroom.helpers import comment, like, vote


class ArticlePanelQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory()
        with time_machine.travel(timezone.now() - timedelta(days=2)):
            for reader in ("ana", "ben", "cem"):
                vote(cls.article, reader, "yes")
        vote(cls.article, "dan", "no")
        cls.liked = comment(cls.article, "ana", "A careful and fair report.")
        cls.unliked = comment(cls.article, "ben")
        like(cls.liked, "cem")
        refresh_figures()

    def test_the_share_of_yes_is_followed_day_by_day_since_publication(self) -> None:
        figures = panel.article_panel(self.article)
        assert [(day.votes, day.cumulative_share) for day in figures.days] == [(3, 1.0), (1, 0.75)]

    def test_only_liked_published_comments_are_listed(self) -> None:
        assert panel.article_panel(self.article).liked == [self.liked]
