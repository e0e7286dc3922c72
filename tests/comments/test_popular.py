"""The front page's "most discussed" list."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.comments.popular import most_discussed
from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    SectionFactory,
    ThreadFactory,
)


class MostDiscussedTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        section = SectionFactory(slug="courts")
        for slug, count, language in (("busy", 9, "en"), ("quiet", 2, "en"), ("ru", 20, "ru")):
            article = ArticleFactory(section=section, slug=slug, language=language)
            ThreadFactory(article=article, comment_count=count)
        ThreadFactory(article=ArticleFactory(section=section, slug="silent"), comment_count=0)
        ThreadFactory(article=DraftArticleFactory(section=section, slug="draft"), comment_count=50)
        old = ArticleFactory(
            section=section, slug="old", published_at=timezone.now() - timedelta(days=30)
        )
        ThreadFactory(article=old, comment_count=99)
        ThreadFactory(
            article=ArticleFactory(section=section, slug="elsewhere"),
            site="other",
            comment_count=70,
        )

    def test_the_editions_recent_public_articles_with_the_most_comments_first(self) -> None:
        articles = most_discussed("en")
        assert [article.slug for article in articles] == ["busy", "quiet"]
        assert [article.comment_count for article in articles] == [9, 2]
        assert [article.slug for article in most_discussed("ru")] == ["ru"]

    @override_settings(GAZETTE_POPULAR_LENGTH=1)
    def test_the_list_is_bounded(self) -> None:
        assert [article.slug for article in most_discussed("en")] == ["busy"]

    def test_one_query(self) -> None:
        with self.assertNumQueries(1):
            articles = most_discussed("en")
            assert [article.section.slug for article in articles] == ["courts", "courts"]

    def test_the_front_page_shows_the_list_with_counts(self) -> None:
        html = self.client.get("/en/").content.decode()
        panel = html[html.index('class="popular popular--discussed"') :]
        assert "Most discussed" in panel
        assert re.findall(r'<li lang="en"><a href="([^"]+)">', panel) == [
            "/en/courts/busy/",
            "/en/courts/quiet/",
        ]
        assert "9 Comments" in panel
