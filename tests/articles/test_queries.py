"""The reads behind the public pages: fronts, editions of a story, feeds and news sitemap rows."""

from __future__ import annotations

from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.articles import queries
from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    ScheduledArticleFactory,
    SectionFactory,
)

# Called by decorate_listing in the tests below: records what it was given.
seen_lists: list[list[int]] = []


def record_listing(articles) -> None:
    seen_lists.append([article.pk for article in articles])


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


class HomeFrontTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.first = SectionFactory(position=1)
        cls.second = SectionFactory(position=2)
        cls.empty = SectionFactory(position=3)
        cls.first_articles = [
            ArticleFactory(section=cls.first, published_at=hours_ago(hour)) for hour in range(6)
        ]
        cls.second_articles = [
            ArticleFactory(section=cls.second, published_at=hours_ago(hour + 0.5))
            for hour in range(2)
        ]
        DraftArticleFactory(section=cls.empty)
        ArticleFactory(section=cls.empty, language="ru")

    def test_leads_are_the_newest_of_the_edition(self) -> None:
        leads, _fronts = queries.home_front("en")
        assert leads == [
            self.first_articles[0],
            self.second_articles[0],
            self.first_articles[1],
        ]

    def test_fronts_hold_each_sections_newest_in_section_order(self) -> None:
        _leads, fronts = queries.home_front("en", per_section=4)
        assert [front.section for front in fronts] == [self.first, self.second]
        assert fronts[0].articles == self.first_articles[:4]
        assert fronts[1].articles == self.second_articles

    def test_an_edition_without_articles_has_an_empty_front(self) -> None:
        assert queries.home_front("kk") == ([], [])

    @override_settings(GAZETTE_ARTICLE_LIST_HOOKS=[f"{__name__}.record_listing"])
    def test_other_apps_see_every_listed_article_once(self) -> None:
        seen_lists.clear()
        queries.home_front("en", per_section=4)
        assert len(seen_lists) == 1
        assert sorted(seen_lists[0]) == sorted(
            article.pk for article in [*self.first_articles[:4], *self.second_articles]
        )


class TranslationsOfTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.original = ArticleFactory(language="en")
        cls.russian = ArticleFactory(language="ru", original=cls.original)
        cls.kazakh_draft = DraftArticleFactory(language="kk", original=cls.original)

    def test_every_public_edition_of_the_story_from_any_of_them(self) -> None:
        expected = [self.original, self.russian]
        assert queries.translations_of(self.original) == expected
        assert queries.translations_of(self.russian) == expected
        assert queries.translations_of(self.kazakh_draft) == expected

    def test_an_unpublished_original_is_left_out(self) -> None:
        draft_original = DraftArticleFactory(language="en")
        russian = ArticleFactory(language="ru", original=draft_original)
        kazakh = ScheduledArticleFactory(language="kk", original=draft_original)
        assert queries.translations_of(russian) == [russian]
        assert queries.translations_of(draft_original) == [russian]
        assert queries.translations_of(kazakh) == [russian]

    def test_an_article_without_translations_is_its_only_edition(self) -> None:
        alone = ArticleFactory()
        assert queries.translations_of(alone) == [alone]


class FeedArticlesTests(TestCase):
    def test_an_edition_newest_first_without_unpublished_articles(self) -> None:
        section = SectionFactory()
        older = ArticleFactory(section=section, published_at=hours_ago(5))
        newer = ArticleFactory(published_at=hours_ago(1))
        ArticleFactory(language="ru")
        DraftArticleFactory()
        ScheduledArticleFactory()
        assert queries.feed_articles("en") == [newer, older]
        assert queries.feed_articles("en", section) == [older]


class NewsSitemapRowsTests(TestCase):
    def test_the_last_48_hours_of_public_articles_newest_first(self) -> None:
        fresh = ArticleFactory(published_at=hours_ago(1))
        edge = ArticleFactory(published_at=hours_ago(47.9))
        ArticleFactory(published_at=hours_ago(48.1))
        DraftArticleFactory(published_at=hours_ago(1))
        ScheduledArticleFactory()
        assert queries.recent_for_news_sitemap() == [fresh, edge]
