"""XML sitemaps and the Google News sitemap, parsed as XML."""

from __future__ import annotations

from datetime import timedelta

from defusedxml.ElementTree import fromstring
from django.test import TestCase, override_settings
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    ScheduledArticleFactory,
    SectionFactory,
    TagFactory,
)

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


class SitemapTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Courts", slug="courts")
        cls.fresh = ArticleFactory(section=cls.section, headline="Court upholds sentence")
        cls.fresh.tags.add(TagFactory(name="Appeals"), TagFactory(name="Astana"))
        cls.russian = ArticleFactory(section=cls.section, language="ru", headline="Суд заседает")
        cls.old = ArticleFactory(
            section=cls.section,
            headline="Last week's hearing",
            published_at=timezone.now() - timedelta(days=7),
            revised_at=timezone.now() - timedelta(days=6),
        )
        cls.draft = DraftArticleFactory(section=cls.section, headline="Secret draft headline")
        cls.scheduled = ScheduledArticleFactory(section=cls.section, headline="Embargoed")

    def xml(self, path: str):
        response = self.client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("application/xml")
        return fromstring(response.content)

    def locations(self, path: str) -> list[str]:
        return [loc.text for loc in self.xml(path).findall("sm:url/sm:loc", NS)]


class SitemapTests(SitemapTestCase):
    def test_the_index_lists_the_article_section_and_news_sitemaps(self) -> None:
        root = self.xml("/sitemap.xml")
        assert [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)] == [
            "http://testserver/sitemap-articles.xml",
            "http://testserver/sitemap-sections.xml",
            "http://testserver/news-sitemap.xml",
        ]

    def test_an_article_names_the_story_in_its_other_editions(self) -> None:
        translation = ArticleFactory(
            section=self.section,
            language="ru",
            original=self.fresh,
            headline="Суд оставил приговор",
        )
        urls = {
            url.find("sm:loc", NS).text: url
            for url in self.xml("/sitemap-articles.xml").findall("sm:url", NS)
        }
        expected = {
            ("en", f"http://testserver{self.fresh.get_absolute_url()}"),
            ("ru", f"http://testserver{translation.get_absolute_url()}"),
        }
        for article in (self.fresh, translation):
            links = urls[f"http://testserver{article.get_absolute_url()}"].findall("xhtml:link", NS)
            assert {(link.get("hreflang"), link.get("href")) for link in links} == expected
        lonely = urls[f"http://testserver{self.old.get_absolute_url()}"]
        assert lonely.findall("xhtml:link", NS) == []

    def test_articles_of_every_edition_are_listed_with_their_last_change(self) -> None:
        root = self.xml("/sitemap-articles.xml")
        entries = {
            url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
            for url in root.findall("sm:url", NS)
        }
        assert set(entries) == {
            f"http://testserver{article.get_absolute_url()}"
            for article in (self.fresh, self.russian, self.old)
        }
        old_url = f"http://testserver{self.old.get_absolute_url()}"
        # A date in the site's own time zone, as its pages show it.
        assert entries[old_url] == timezone.localdate(self.old.revised_at).isoformat()

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        locations = " ".join(self.locations("/sitemap-articles.xml"))
        assert self.draft.slug not in locations
        assert self.scheduled.slug not in locations

    def test_an_uzbek_article_is_listed_in_both_scripts(self) -> None:
        ArticleFactory(section=self.section, language="uz", slug="sud-hukmi")
        locations = self.locations("/sitemap-articles.xml")
        assert "http://testserver/uz/courts/sud-hukmi/" in locations
        assert "http://testserver/uz-cyrl/courts/sud-hukmi/" in locations

    def test_sections_are_listed_in_every_edition_with_alternates(self) -> None:
        root = self.xml("/sitemap-sections.xml")
        assert [loc.text for loc in root.findall("sm:url/sm:loc", NS)] == [
            "http://testserver/en/courts/",
            "http://testserver/ru/courts/",
            "http://testserver/kk/courts/",
            "http://testserver/uz/courts/",
            "http://testserver/uz-cyrl/courts/",
        ]
        alternates = root.find("sm:url", NS).findall("xhtml:link", NS)
        assert {link.get("hreflang") for link in alternates} == {
            "en",
            "ru",
            "kk",
            "uz",
            "uz-cyrl",
            "x-default",
        }

    def test_malformed_sitemap_page_numbers_are_404(self) -> None:
        for number in ("abc", "0", "999", "%00"):
            response = self.client.get(f"/sitemap-articles.xml?p={number}")
            assert response.status_code == 404, number
        assert self.client.get("/sitemap-nothing.xml").status_code == 404

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_locations_use_the_configured_base_url(self) -> None:
        assert self.locations("/sitemap-sections.xml")[0] == "https://news.example.org/en/courts/"

    def test_sitemaps_are_cached_publicly(self) -> None:
        response = self.client.get("/sitemap-articles.xml")
        assert response["Cache-Control"] == "public, max-age=60"


class NewsSitemapTests(SitemapTestCase):
    def news_entries(self) -> dict[str, object]:
        root = self.xml("/news-sitemap.xml")
        return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}

    def test_lists_the_last_48_hours_of_every_edition(self) -> None:
        assert set(self.news_entries()) == {
            f"http://testserver{self.fresh.get_absolute_url()}",
            f"http://testserver{self.russian.get_absolute_url()}",
        }

    def test_each_entry_names_publication_language_date_title_and_keywords(self) -> None:
        url = self.news_entries()[f"http://testserver{self.fresh.get_absolute_url()}"]
        news = url.find("news:news", NS)
        assert news.findtext("news:publication/news:name", namespaces=NS) == "Gazette"
        assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
        assert news.findtext("news:title", namespaces=NS) == "Court upholds sentence"
        assert news.findtext("news:keywords", namespaces=NS) == "Appeals, Astana"
        published = news.findtext("news:publication_date", namespaces=NS)
        assert published == self.fresh.published_at.isoformat()

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        text = self.client.get("/news-sitemap.xml").content.decode()
        assert "Secret draft headline" not in text
        assert "Embargoed" not in text

    def test_headlines_are_escaped_into_valid_xml(self) -> None:
        tricky = ArticleFactory(headline='Q&A: <b>why</b> the "court\'s"\x0b ruling stands]]>')
        url = self.news_entries()[f"http://testserver{tricky.get_absolute_url()}"]
        title = url.findtext("news:news/news:title", namespaces=NS)
        assert title == 'Q&A: <b>why</b> the "court\'s" ruling stands]]>'

    def test_an_empty_news_sitemap_is_still_valid(self) -> None:
        for article in (self.fresh, self.russian):
            article.published_at = timezone.now() - timedelta(days=3)
            article.save()
        assert self.news_entries() == {}

    def test_query_count_does_not_grow_with_articles(self) -> None:
        # The articles, their tags, and the tags' names in each edition.
        with self.assertNumQueries(3):
            self.client.get("/news-sitemap.xml")
        ArticleFactory.create_batch(4, section=SectionFactory())
        with self.assertNumQueries(3):
            self.client.get("/news-sitemap.xml")
