"""Shared-cache copies of the section menu and the story block: always what the database says."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from gazette.articles import caching
from gazette.articles.models import Section
from gazette.core import fragments
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    SectionFactory,
    SectionNameFactory,
    TagFactory,
    UserFactory,
    as_returning_reader,
)
from tests.querycounts import plus_cache_reads

PUBLISHING_ONLY = override_settings(
    GAZETTE_ARTICLE_LIST_HOOKS=[],
    GAZETTE_TEASER_BADGES=[],
    GAZETTE_ARTICLE_PANELS=[],
    GAZETTE_HOME_PANELS=[],
)
REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens here: the shared store is down.
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@PUBLISHING_ONLY
class StoryBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Courts", slug="courts")
        cls.author = AuthorFactory(name="Dana Sarsen")
        cls.article = ArticleFactory(
            section=cls.section,
            authors=[cls.author],
            headline="Court upholds sentence",
            slug="court-upholds-sentence",
            body="The court ruled on *Monday*.",
        )
        cls.url = cls.article.get_absolute_url()

    def test_a_warm_cache_serves_the_story_without_its_queries(self) -> None:
        # For a returning reader, whose page is rendered for them (the page kept whole for
        # readers without cookies is tested in tests/core/test_pages.py).
        as_returning_reader(self.client)
        with CaptureQueriesContext(connection) as cold:
            first = html_of(self.client.get(self.url))
        # The article, its editions, and one cache read: the stamp with the section menu. The
        # story block and the related stories are this process's copies (read_immutable).
        with self.assertNumQueries(plus_cache_reads(2, 1)) as warm:
            second = html_of(self.client.get(self.url))
        assert first == second
        # Another worker has no copies of its own: two shared-cache reads more, still no byline.
        fragments.forget_kept()
        with self.assertNumQueries(plus_cache_reads(2, 3)):
            assert html_of(self.client.get(self.url)) == first
        assert len(cold.captured_queries) > len(warm.captured_queries)
        assert any("articles_byline" in query["sql"] for query in cold.captured_queries)
        assert not any("articles_byline" in query["sql"] for query in warm.captured_queries)

    def test_an_edited_headline_and_body_show_on_the_next_read(self) -> None:
        assert "Court upholds sentence" in html_of(self.client.get(self.url))
        self.article.headline = "Court overturns sentence"
        self.article.body = "The court ruled on *Tuesday*."
        self.article.save()
        html = html_of(self.client.get(self.url))
        assert "Court overturns sentence" in html
        assert "<em>Tuesday</em>" in html
        assert "Court upholds sentence" not in html

    def test_a_renamed_author_shows_in_the_byline(self) -> None:
        assert "Dana Sarsen" in html_of(self.client.get(self.url))
        self.author.name = "Dana Sarsenova"
        self.author.save()
        assert "Dana Sarsenova" in html_of(self.client.get(self.url))

    def test_tags_added_and_removed_show_on_the_next_read(self) -> None:
        tag = TagFactory(name="Appeals")
        assert "Appeals" not in html_of(self.client.get(self.url))
        self.article.tags.add(tag)
        assert 'class="story__tags"' in html_of(self.client.get(self.url))
        self.article.tags.remove(tag)
        assert "Appeals" not in html_of(self.client.get(self.url))

    def test_an_edited_photo_caption_shows_on_the_next_read(self) -> None:
        photo = PhotoFactory(caption="Lawyers outside the court.")
        self.article.lead_photo = photo
        self.article.save()
        assert "Lawyers outside the court." in html_of(self.client.get(self.url))
        photo.caption = "The court building at dawn."
        photo.save()
        assert "The court building at dawn." in html_of(self.client.get(self.url))

    def test_a_translation_published_later_appears_among_the_alternates(self) -> None:
        alternate = '<link rel="alternate" hreflang="ru"'
        assert alternate not in html_of(self.client.get(self.url))
        ArticleFactory(section=self.section, language="ru", slug="sud", original=self.article)
        assert alternate in html_of(self.client.get(self.url))

    def test_the_stamp_is_replaced_again_when_the_write_commits(self) -> None:
        before = caching.publishing_stamp()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.article.save()
        during = caching.publishing_stamp()
        assert during != before
        for callback in callbacks:
            callback()
        assert caching.publishing_stamp() not in (before, during)

    def test_readers_share_the_story_but_not_their_own_parts(self) -> None:
        anonymous = html_of(self.client.get(self.url))
        self.client.force_login(UserFactory())
        signed_in = html_of(self.client.get(self.url))
        story = anonymous[anonymous.index('<article class="story"') : anonymous.index("</article>")]
        assert story in signed_in
        assert 'id="main"' in signed_in

    def test_an_editors_preview_is_rendered_afresh(self) -> None:
        self.client.get(self.url)  # the readers' copy is cached
        self.client.force_login(UserFactory(is_staff=True, is_superuser=True))
        # A raw update does not replace the stamp; the preview shows it all the same.
        type(self.article).objects.filter(pk=self.article.pk).update(headline="Raw headline")
        assert "Raw headline" in html_of(self.client.get(f"/en/preview/{self.article.pk}/"))


@PUBLISHING_ONLY
class SectionMenuTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Courts", slug="courts")
        SectionNameFactory(section=cls.section, language="ru", name="Суды")

    def test_the_menu_is_per_language(self) -> None:
        assert ">Courts</a>" in html_of(self.client.get("/en/"))
        assert ">Суды</a>" in html_of(self.client.get("/ru/"))
        assert ">Courts</a>" in html_of(self.client.get("/en/"))

    def test_a_renamed_section_shows_in_the_menu_on_the_next_read(self) -> None:
        self.client.get("/en/")
        self.client.get("/ru/")
        Section.objects.get(pk=self.section.pk).translations.filter(language="ru").delete()
        SectionNameFactory(section=self.section, language="ru", name="Правосудие")
        section = Section.objects.get(pk=self.section.pk)
        section.name = "Justice"
        section.save()
        assert ">Justice</a>" in html_of(self.client.get("/en/"))
        assert ">Правосудие</a>" in html_of(self.client.get("/ru/"))

    def test_a_new_section_joins_the_menu(self) -> None:
        self.client.get("/en/")
        SectionFactory(name="Security", slug="security")
        assert ">Security</a>" in html_of(self.client.get("/en/"))

    def test_a_warm_menu_costs_one_cache_read_and_no_section_query(self) -> None:
        as_returning_reader(self.client)
        self.client.get("/en/")
        # The front page's articles (none here), then the stamp and the menu in one cache read.
        with self.assertNumQueries(plus_cache_reads(1, 1)) as warm:
            self.client.get("/en/")
        assert not any('FROM "articles_section' in query["sql"] for query in warm.captured_queries)

    @override_settings(CACHES=REDIS_DOWN)
    def test_pages_are_served_when_the_cache_is_down(self) -> None:
        cache.close()
        assert ">Courts</a>" in html_of(self.client.get("/en/"))
        article = ArticleFactory(section=self.section, headline="Served without a cache")
        assert "Served without a cache" in html_of(self.client.get(article.get_absolute_url()))
