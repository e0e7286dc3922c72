"""Models: what is public, addresses, names in each edition, and the rules rows must keep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase
from django.utils import timezone, translation

from gazette.articles.models import Article, Section
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftArticleFactory,
    ScheduledArticleFactory,
    SectionFactory,
    SectionNameFactory,
)


class PublishedFilterTests(TestCase):
    def test_only_published_and_due_articles_are_public(self) -> None:
        now = timezone.now()
        published = ArticleFactory()
        due = ScheduledArticleFactory(published_at=now - timedelta(seconds=1))
        DraftArticleFactory()
        DraftArticleFactory(published_at=now - timedelta(days=1))
        ScheduledArticleFactory()
        ArticleFactory(published_at=now + timedelta(days=1))
        assert set(Article.objects.published()) == {published, due}

    def test_is_public_agrees_with_the_filter(self) -> None:
        articles = [
            ArticleFactory(),
            DraftArticleFactory(),
            ScheduledArticleFactory(),
            ScheduledArticleFactory(published_at=timezone.now() - timedelta(seconds=1)),
        ]
        public = set(Article.objects.published())
        assert [article.is_public for article in articles] == [
            article in public for article in articles
        ]


class AddressTests(TestCase):
    def test_an_article_lives_under_its_own_edition_whatever_the_page(self) -> None:
        article = ArticleFactory(section=SectionFactory(slug="courts"), language="ru", slug="sud")
        with translation.override("en"):
            assert article.get_absolute_url() == "/ru/courts/sud/"

    def test_sections_authors_and_tags_follow_the_current_edition(self) -> None:
        section = SectionFactory(slug="courts")
        author = AuthorFactory(slug="dana")
        with translation.override("kk"):
            assert section.get_absolute_url() == "/kk/courts/"
            assert author.get_absolute_url() == "/kk/authors/dana/"


class SectionNameTests(TestCase):
    def test_a_section_is_named_in_each_edition_and_falls_back_to_english(self) -> None:
        section = SectionFactory(name="Courts")
        SectionNameFactory(section=section, language="ru", name="Суды")
        section = Section.objects.prefetch_related("translations").get(pk=section.pk)
        assert section.name_in("ru") == "Суды"
        assert section.name_in("kk") == "Courts"
        with translation.override("ru"):
            assert section.local_name == "Суды"

    def test_reserved_slugs_are_refused(self) -> None:
        section = Section(name="Authors", slug="authors")
        with pytest.raises(ValidationError) as caught:
            section.full_clean()
        assert "is already the address of another page" in str(caught.value)
        with pytest.raises(IntegrityError):
            Section.objects.create(name="Feeds", slug="feeds")

    def test_slugs_of_other_apps_pages_are_refused(self) -> None:
        for slug in ["moderation", "comments", "accounts", "transparency", "reactions"]:
            with self.subTest(slug=slug), pytest.raises(ValidationError) as caught:
                Section(name="Desk", slug=slug).full_clean()
            assert "is already the address of another page" in str(caught.value)

    def test_an_ordinary_slug_is_accepted(self) -> None:
        Section(name="Sport", slug="sport").full_clean()


class ArticleRuleTests(TestCase):
    def test_a_published_article_needs_a_publish_time(self) -> None:
        with pytest.raises(IntegrityError):
            ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)

    def test_slugs_are_unique_within_an_edition_only(self) -> None:
        ArticleFactory(slug="verdict", language="en")
        ArticleFactory(slug="verdict", language="ru")
        with pytest.raises(IntegrityError):
            ArticleFactory(slug="verdict", language="en")

    def test_the_byline_keeps_its_order(self) -> None:
        first, second, third = AuthorFactory.create_batch(3)
        article = ArticleFactory(authors=[third, first, second])
        assert article.byline_authors == [third, first, second]


class TranslationRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.original = ArticleFactory(language="en")
        cls.russian = ArticleFactory(language="ru", original=cls.original)

    def problem(self, article: Article) -> list[str]:
        with pytest.raises(ValidationError) as caught:
            article.full_clean()
        return caught.value.message_dict["original"]

    def test_a_translation_in_another_language_is_valid(self) -> None:
        ArticleFactory.build(
            language="kk", original=self.original, section=self.original.section
        ).full_clean(exclude=["section"])

    def test_a_translation_in_the_same_language_is_refused(self) -> None:
        article = ArticleFactory(language="en")
        article.original = self.original
        assert self.problem(article) == [
            "A translation must be in another language than its original."
        ]

    def test_a_translation_of_a_translation_is_refused(self) -> None:
        article = ArticleFactory(language="kk")
        article.original = self.russian
        assert self.problem(article) == ["Link the original article, not one of its translations."]

    def test_an_article_cannot_translate_itself(self) -> None:
        self.original.original = self.original
        assert self.problem(self.original) == ["An article cannot be a translation of itself."]

    def test_an_original_with_translations_cannot_become_a_translation(self) -> None:
        other = ArticleFactory(language="kk")
        self.original.original = other
        assert self.problem(self.original) == [
            "This article has translations of its own, so it is an original."
        ]

    def test_one_translation_per_language(self) -> None:
        with pytest.raises(IntegrityError):
            ArticleFactory(language="ru", original=self.original)
