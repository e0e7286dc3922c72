"""Related stories under an article: same section or a shared tag, public, same edition."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from gazette.articles.queries import related_articles
from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    ScheduledArticleFactory,
    SectionFactory,
    SectionNameFactory,
    TagFactory,
)


def hours_ago(hours: int) -> object:
    return timezone.now() - timedelta(hours=hours)


class RelatedArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.courts = SectionFactory(slug="courts", name="Courts")
        cls.economy = SectionFactory(slug="economy", name="Economy")
        SectionNameFactory(section=cls.economy, language="ru", name="Экономика")
        cls.bribery = TagFactory(slug="bribery", name="Bribery")
        cls.article = ArticleFactory(section=cls.courts, slug="main", published_at=hours_ago(1))
        cls.article.tags.add(cls.bribery)
        cls.same_section = ArticleFactory(section=cls.courts, slug="s1", published_at=hours_ago(5))
        cls.shared_tag = ArticleFactory(section=cls.economy, slug="t1", published_at=hours_ago(3))
        cls.shared_tag.tags.add(cls.bribery)
        cls.unrelated = ArticleFactory(section=cls.economy, slug="u1", published_at=hours_ago(2))

    def slugs(self, language: str = "en") -> list[str]:
        return [item.slug for item in related_articles(self.article, language)]

    def test_same_section_or_a_shared_tag_newest_first_never_itself(self) -> None:
        assert self.slugs() == ["t1", "s1"]

    def test_at_most_four(self) -> None:
        for hours in range(6, 12):
            ArticleFactory(section=self.courts, published_at=hours_ago(hours))
        assert len(self.slugs()) == 4
        assert self.slugs()[:2] == ["t1", "s1"]

    def test_unpublished_and_other_editions_are_left_out(self) -> None:
        DraftArticleFactory(section=self.courts, slug="draft")
        ScheduledArticleFactory(section=self.courts, slug="scheduled")
        ArticleFactory(section=self.courts, slug="russian", language="ru")
        assert self.slugs() == ["t1", "s1"]

    def test_two_queries_however_many_are_related(self) -> None:
        with self.assertNumQueries(2):
            related_articles(self.article, "en")
        for _ in range(5):
            ArticleFactory(section=self.economy).tags.add(self.bribery)
        with self.assertNumQueries(2):
            related = related_articles(self.article, "en")
            assert [item.section.name_in("ru") for item in related] == ["Экономика"] * 4

    def test_the_article_page_lists_them_under_the_story(self) -> None:
        html = self.client.get(self.article.get_absolute_url()).content.decode()
        related = html[html.index('class="related"') :]
        assert "Related stories" in related
        links = re.findall(r'class="related__headline" href="([^"]+)"', related)
        assert links == ["/en/economy/t1/", "/en/courts/s1/"]

    def test_a_page_with_nothing_related_shows_no_empty_box(self) -> None:
        lone = ArticleFactory(section=SectionFactory(slug="culture"), slug="lone")
        html = self.client.get(lone.get_absolute_url()).content.decode()
        assert 'class="related"' not in html
