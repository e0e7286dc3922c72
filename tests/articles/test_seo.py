"""Search and social metadata on the article page: canonical, OpenGraph, Twitter, JSON-LD."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.test import RequestFactory, TestCase, override_settings
from django.utils import timezone

from gazette.articles.seo import article_metadata, description_of
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    SectionFactory,
    SectionNameFactory,
    TagFactory,
)


def json_ld(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def meta_content(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert match, name
    return match.group(1)


class ArticleMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Crime & Justice", slug="crime-justice")
        SectionNameFactory(section=cls.section, language="ru", name="Преступность и право")
        cls.published_at = timezone.now() - timedelta(hours=3)
        cls.revised_at = timezone.now() - timedelta(hours=1)
        cls.article = ArticleFactory(
            section=cls.section,
            slug="court-upholds-sentence",
            headline="Court upholds sentence",
            standfirst="The verdict stands after a two-day hearing.",
            authors=[AuthorFactory(name="Dana Sarsen"), AuthorFactory(name="Ivan Petrov")],
            lead_photo=PhotoFactory(),
            published_at=cls.published_at,
            revised_at=cls.revised_at,
        )
        cls.article.tags.add(TagFactory(name="Appeals"))

    def page(self, path: str | None = None) -> str:
        response = self.client.get(path or self.article.get_absolute_url())
        assert response.status_code == 200
        return response.content.decode()

    def test_json_ld_describes_a_news_article(self) -> None:
        data = json_ld(self.page())
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Court upholds sentence"
        assert [author["name"] for author in data["author"]] == ["Dana Sarsen", "Ivan Petrov"]
        assert data["datePublished"] == self.published_at.isoformat()
        assert data["dateModified"] == self.revised_at.isoformat()
        assert data["image"] == [f"http://testserver{self.article.lead_photo.image.url}"]
        assert data["articleSection"] == "Crime & Justice"
        assert data["publisher"]["@type"] == "NewsMediaOrganization"
        assert data["publisher"]["name"] == "Gazette"
        assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/")
        assert data["mainEntityOfPage"]["@id"] == (
            "http://testserver/en/crime-justice/court-upholds-sentence/"
        )
        assert data["keywords"] == ["Appeals"]
        assert data["inLanguage"] == "en"

    def test_json_ld_of_a_translation_names_its_section_in_its_language(self) -> None:
        russian = ArticleFactory(section=self.section, language="ru", original=self.article)
        data = json_ld(self.page(russian.get_absolute_url()))
        assert data["articleSection"] == "Преступность и право"
        assert data["inLanguage"] == "ru"

    def test_json_ld_without_a_photo_falls_back_to_the_logo(self) -> None:
        plain = ArticleFactory(section=self.section)
        data = json_ld(self.page(plain.get_absolute_url()))
        assert data["image"][0].startswith("http://testserver/static/gazette/logo")
        assert data["dateModified"] == data["datePublished"]

    def test_a_headline_cannot_close_the_script_element(self) -> None:
        hostile = ArticleFactory(
            section=self.section, headline="</script><script>alert(1)</script> & more"
        )
        html = self.page(hostile.get_absolute_url())
        assert "</script><script>alert(1)" not in html
        assert json_ld(html)["headline"] == "</script><script>alert(1)</script> & more"

    def test_canonical_and_open_graph_urls_are_absolute(self) -> None:
        html = self.page()
        canonical = "http://testserver/en/crime-justice/court-upholds-sentence/"
        assert f'<link rel="canonical" href="{canonical}">' in html
        assert meta_content(html, "property", "og:url") == canonical
        assert meta_content(html, "property", "og:image").startswith("http://testserver/media/")

    def test_canonical_ignores_query_strings(self) -> None:
        html = self.page(self.article.get_absolute_url() + "?utm_source=x&page=abc")
        assert json_ld(html)["mainEntityOfPage"]["@id"].endswith("/court-upholds-sentence/")

    @override_settings(GAZETTE_BASE_URL="https://news.example.org/")
    def test_canonical_uses_the_configured_base_url(self) -> None:
        html = self.page()
        canonical = "https://news.example.org/en/crime-justice/court-upholds-sentence/"
        assert f'<link rel="canonical" href="{canonical}">' in html
        assert json_ld(html)["author"][0]["url"].startswith("https://news.example.org/en/authors/")

    def test_open_graph_and_twitter_cards_describe_the_article(self) -> None:
        html = self.page()
        assert meta_content(html, "property", "og:type") == "article"
        assert meta_content(html, "property", "og:title") == "Court upholds sentence"
        assert meta_content(html, "property", "og:description") == (
            "The verdict stands after a two-day hearing."
        )
        assert meta_content(html, "property", "article:section") == "Crime &amp; Justice"
        assert meta_content(html, "property", "article:tag") == "Appeals"
        assert meta_content(html, "name", "twitter:card") == "summary_large_image"
        assert meta_content(html, "name", "twitter:title") == "Court upholds sentence"
        assert meta_content(html, "name", "twitter:image").startswith("http://testserver/media/")
        assert meta_content(html, "name", "description") == (
            "The verdict stands after a two-day hearing."
        )


class DescriptionTests(TestCase):
    def test_the_standfirst_is_the_description(self) -> None:
        article = ArticleFactory.build(standfirst="A short summary.")
        assert description_of(article) == "A short summary."

    def test_without_a_standfirst_the_body_is_shortened_to_plain_text(self) -> None:
        body = "**Bold** opening with a [link](https://example.org).\n\n" + "word " * 100
        article = ArticleFactory.build(standfirst="", body=body)
        description = description_of(article)
        assert description.startswith("Bold opening with a link.")
        assert "<" not in description
        assert len(description) <= 200
        assert description.endswith("…")

    def test_alternates_are_absolute_urls_of_the_given_editions(self) -> None:
        original = ArticleFactory(slug="story")
        russian = ArticleFactory(slug="istoriya", language="ru", original=original)
        request = RequestFactory().get("/")
        meta = article_metadata(request, original, [original, russian])
        assert [(item.language, item.url) for item in meta.alternates] == [
            ("en", f"http://testserver{original.get_absolute_url()}"),
            ("ru", f"http://testserver{russian.get_absolute_url()}"),
        ]


class ListingMetadataTests(TestCase):
    """Listing pages say where they sit (BreadcrumbList) and what they list (ItemList)."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Crime & Justice", slug="crime-justice")
        cls.author = AuthorFactory(name="Dana Sarsen", slug="dana-sarsen")
        cls.tag = TagFactory(name="</script> trials", slug="trials")
        cls.newer = ArticleFactory(section=cls.section, authors=[cls.author])
        cls.older = ArticleFactory(
            section=cls.section,
            authors=[cls.author],
            published_at=timezone.now() - timedelta(days=1),
        )
        for article in (cls.newer, cls.older):
            article.tags.add(cls.tag)

    def listing(self, path: str) -> tuple[list, list]:
        response = self.client.get(path)
        assert response.status_code == 200
        breadcrumbs, items = json_ld(response.content.decode())
        assert (breadcrumbs["@type"], items["@type"]) == ("BreadcrumbList", "ItemList")
        trail = [
            (crumb["position"], crumb["name"], crumb["item"])
            for crumb in breadcrumbs["itemListElement"]
        ]
        listed = [(item["position"], item["url"]) for item in items["itemListElement"]]
        return trail, listed

    def expected_items(self) -> list[tuple[int, str]]:
        return [
            (1, f"http://testserver{self.newer.get_absolute_url()}"),
            (2, f"http://testserver{self.older.get_absolute_url()}"),
        ]

    def test_a_section_page_sits_under_the_front_page_and_lists_its_articles(self) -> None:
        trail, listed = self.listing("/en/crime-justice/")
        assert trail == [
            (1, "Gazette", "http://testserver/en/"),
            (2, "Crime & Justice", "http://testserver/en/crime-justice/"),
        ]
        assert listed == self.expected_items()

    def test_author_and_topic_pages_do_the_same(self) -> None:
        trail, listed = self.listing("/en/authors/dana-sarsen/")
        assert trail[-1] == (2, "Dana Sarsen", "http://testserver/en/authors/dana-sarsen/")
        assert listed == self.expected_items()
        html = self.client.get(self.tag.get_absolute_url()).content.decode()
        assert "</script> trials" not in html.split('type="application/ld+json">')[1]
        trail, listed = self.listing(self.tag.get_absolute_url())
        assert trail[-1][1] == "</script> trials"
        assert listed == self.expected_items()

    def test_the_front_page_is_the_top_of_the_trail(self) -> None:
        trail, listed = self.listing("/en/")
        assert trail == [(1, "Gazette", "http://testserver/en/")]
        assert {url for _position, url in listed} == {
            url for _position, url in self.expected_items()
        }
