"""Search: the results page, what can be found, stemming, highlighting, odd queries, paging."""

from __future__ import annotations

import re
from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from gazette.articles.models import Article, SearchEntry
from gazette.articles.search import NoSuchPage, SearchResults, search_articles
from gazette.articles.search_text import fts5_query, plain_text, query_terms
from gazette.articles.services import index_article, index_articles, publish_articles
from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    PhotoFactory,
    ScheduledArticleFactory,
    SectionFactory,
)

HOSTILE_QUERIES = [
    '"',
    '"unbalanced',
    "AND",
    "OR NOT",
    "court AND",
    "NEAR(court appeal)",
    "court*",
    "*",
    "-court",
    "court -",
    "((court",
    "court)",
    "headline:court",
    "^court",
    "court + appeal",
    "{court}",
    "'; DROP TABLE articles_article; --",
    "\ue000court\ue001",
    "a" * 5000,
]


def found_headlines(html: str) -> list[str]:
    pattern = r'class="search-result__headline"><a href="[^"]*">(.*?)</a>'
    return [re.sub(r"</?mark>", "", headline) for headline in re.findall(pattern, html)]


def found(results: SearchResults) -> list[Article]:
    """The articles of a page of results; none when nothing matched."""
    return [hit.article for hit in results.page.object_list] if results.page else []


def published(**fields: object) -> Article:
    article = ArticleFactory(**fields)
    index_article(article=article)
    return article


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts", name="Courts")
        cls.appeal = published(
            section=cls.section,
            headline="Supreme Court hears the appeal of three journalists",
            slug="supreme-court-appeal",
            standfirst="Lawyers say the evidence was gathered unlawfully.",
            body="ASTANA judges listened to the **defence** for six hours.",
        )
        cls.market = published(
            section=cls.section,
            headline="Market traders protest new rents",
            slug="market-traders",
            standfirst="Stalls stay shut.",
            body="The traders closed their stalls at noon.",
        )

    def test_the_box_in_the_masthead_is_a_labelled_get_form_on_every_page(self) -> None:
        html = self.client.get("/en/").content.decode()
        assert re.search(
            r'<form class="masthead__search" role="search" method="get" action="/en/search/">', html
        )
        assert (
            '<label class="visually-hidden" for="masthead-search">Search articles</label>' in html
        )
        assert 'id="masthead-search"' in html
        assert 'name="q"' in html

    def test_the_masthead_box_speaks_the_editions_language(self) -> None:
        html = self.client.get("/ru/").content.decode()
        assert 'action="/ru/search/"' in html

    def test_an_empty_query_shows_the_box_and_no_results(self) -> None:
        response = self.client.get("/en/search/")
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="search-query"' in html
        assert "search-summary" not in html
        assert "No articles in this edition match" not in html

    def test_a_query_finds_matching_articles_and_says_how_many(self) -> None:
        response = self.client.get("/en/search/", {"q": "appeal"})
        html = response.content.decode()
        assert response.status_code == 200
        assert found_headlines(html) == [self.appeal.headline]
        assert "1 article found for “appeal”." in html
        assert response["X-Robots-Tag"] == "noindex"

    def test_every_word_must_match(self) -> None:
        html = self.client.get("/en/search/", {"q": "appeal traders"}).content.decode()
        assert found_headlines(html) == []
        assert "No articles in this edition match “appeal traders”." in html

    def test_the_matches_are_highlighted(self) -> None:
        html = self.client.get("/en/search/", {"q": "defence"}).content.decode()
        assert "listened to the <mark>defence</mark> for six hours." in html

    def test_a_query_cannot_inject_html(self) -> None:
        query = '<script>alert("1")</script>'
        html = self.client.get("/en/search/", {"q": query}).content.decode()
        assert "<script>alert" not in html
        assert "match “&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;”." in html
        assert 'value="&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;"' in html

    def test_markup_in_an_article_is_shown_as_text_around_the_highlights(self) -> None:
        published(
            section=self.section,
            headline="Protest <b>outside</b> the noticeboard",
            slug="protest-court",
            body="Readers wrote <script>alert(1)</script> on the noticeboard.",
        )
        html = self.client.get("/en/search/", {"q": "noticeboard"}).content.decode()
        assert "<script>alert" not in html
        assert "Protest &lt;b&gt;outside&lt;/b&gt; the <mark>noticeboard</mark>" in html
        # SQLite shows the markup as text; PostgreSQL's ts_headline leaves tags out: either way
        # nothing of it is markup on the page.
        snippet = html.split('class="search-result__snippet">')[1].split("</p>")[0]
        assert snippet.replace("&lt;script&gt;", " ").replace("&lt;/script&gt;", " ").split() == [
            "Readers",
            "wrote",
            "alert(1)",
            "on",
            "the",
            "<mark>noticeboard</mark>.",
        ]

    def test_queries_that_are_search_syntax_are_read_as_words(self) -> None:
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:30]):
                response = self.client.get("/en/search/", {"q": query[:200]})
                assert response.status_code == 200
        html = self.client.get("/en/search/", {"q": "NEAR(court appeal)"}).content.decode()
        assert found_headlines(html) == []
        html = self.client.get("/en/search/", {"q": '"court" (appeal'}).content.decode()
        assert found_headlines(html) == [self.appeal.headline]

    def test_a_query_with_a_null_character_is_refused_with_a_reason(self) -> None:
        response = self.client.get("/en/search/", {"q": "\x00court"})
        assert response.status_code == 400
        assert "Null characters are not allowed." in response.content.decode()

    def test_a_query_longer_than_the_box_allows_is_refused_with_a_reason(self) -> None:
        response = self.client.get("/en/search/", {"q": "court " * 50})
        assert response.status_code == 400
        assert "Search for at most 200 characters." in response.content.decode()

    def test_a_page_past_the_last_is_a_404_and_a_bad_number_a_400(self) -> None:
        assert self.client.get("/en/search/", {"q": "court", "page": "9"}).status_code == 404
        assert self.client.get("/en/search/", {"q": "court", "page": "x"}).status_code == 400
        assert self.client.get("/en/search/", {"q": "court", "page": "0"}).status_code == 400

    def test_an_unknown_sort_is_refused(self) -> None:
        assert self.client.get("/en/search/", {"q": "court", "sort": "x"}).status_code == 400

    def test_only_get_and_head_are_allowed(self) -> None:
        assert self.client.post("/en/search/", {"q": "court"}).status_code == 405


class WhatSearchFindsTests(TestCase):
    """Only the edition's public articles: never a draft, a schedule or another edition's."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts")
        cls.public = published(section=cls.section, headline="Tribunal verdict today", slug="a")
        for hidden in (
            DraftArticleFactory(section=cls.section, headline="Tribunal draft", slug="b"),
            ScheduledArticleFactory(section=cls.section, headline="Tribunal embargo", slug="c"),
            ArticleFactory(
                section=cls.section, language="ru", headline="Tribunal in Russian", slug="d"
            ),
        ):
            index_article(article=hidden)

    def headlines(self, edition: str, query: str) -> list[str]:
        results = search_articles(edition, query)
        return [article.headline for article in found(results)]

    def test_a_draft_a_schedule_and_another_editions_article_are_never_found(self) -> None:
        assert self.headlines("en", "tribunal") == ["Tribunal verdict today"]

    def test_the_other_edition_finds_its_own(self) -> None:
        assert self.headlines("ru", "tribunal") == ["Tribunal in Russian"]

    def test_an_article_unpublished_again_is_no_longer_found(self) -> None:
        Article.objects.filter(pk=self.public.pk).update(status=Article.Status.DRAFT)
        assert self.headlines("en", "tribunal") == []

    def test_a_scheduled_article_is_found_once_its_time_has_come(self) -> None:
        Article.objects.filter(headline="Tribunal embargo").update(
            published_at=self.public.published_at
        )
        assert sorted(self.headlines("en", "tribunal")) == [
            "Tribunal embargo",
            "Tribunal verdict today",
        ]

    def test_an_edited_article_is_found_by_its_new_words_only(self) -> None:
        self.public.headline = "Magistrates adjourn"
        self.public.save()
        index_article(article=self.public)
        assert self.headlines("en", "tribunal") == []
        assert self.headlines("en", "magistrates") == ["Magistrates adjourn"]

    def test_a_deleted_article_leaves_nothing_to_find(self) -> None:
        self.public.delete()
        assert self.headlines("en", "tribunal") == []
        assert not SearchEntry.objects.filter(headline__contains="Tribunal verdict").exists()

    def test_a_query_without_words_asks_the_database_nothing(self) -> None:
        with self.assertNumQueries(0):
            results = search_articles("en", ' "*" - ( ')
        assert results.page is None
        assert results.terms == []


class LanguagesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts")

    def test_english_is_stemmed(self) -> None:
        published(section=self.section, headline="Judges ruled on the appeals", slug="a")
        results = search_articles("en", "ruling appeal")
        assert [article.slug for article in found(results)] == ["a"]

    def test_russian_is_found_whatever_the_case_of_the_letters(self) -> None:
        published(section=self.section, language="ru", headline="Суд отклонил жалобу", slug="b")
        assert search_articles("ru", "СУД").count == 1

    @pytest.mark.postgres
    def test_russian_is_stemmed_on_postgresql(self) -> None:
        published(section=self.section, language="ru", headline="Суды рассмотрели жалобы", slug="c")
        assert search_articles("ru", "жалоба суд").count == 1

    def test_uzbek_apostrophes_typed_any_way_find_the_letter(self) -> None:
        published(
            section=self.section, language="uz", headline="Oʻzbekiston sudi qaror qildi", slug="d"
        )
        for query in ("o'zbekiston", "oʻzbekiston", "o\u2018zbekiston", "O`ZBEKISTON"):
            with self.subTest(query=query):
                assert search_articles("uz", query).count == 1

    def test_a_latin_uzbek_article_is_found_in_cyrillic_in_its_letters(self) -> None:
        published(
            section=self.section, language="uz", headline="Toshkent sudi qaror qildi", slug="e"
        )
        results = search_articles("uz-cyrl", "тошкент")
        assert [article.headline for article in found(results)] == ["Тошкент суди қарор қилди"]
        assert search_articles("uz-cyrl", "toshkent").count == 0

    def test_cyrillic_results_cost_no_query_per_result(self) -> None:
        for number in range(3):
            published(
                section=self.section,
                language="uz",
                headline=f"Toshkent sudi {number}",
                slug=f"photo-{number}",
                lead_photo=PhotoFactory(caption="Toshkent sudi"),
            )
        with self.assertNumQueries(4):
            hits = search_articles("uz-cyrl", "тошкент").page.object_list
            shown = {hit.article.headline for hit in hits}
            addresses = {hit.article.get_absolute_url() for hit in hits}
        assert shown == {f"Тошкент суди {number}" for number in range(3)}
        assert all(address.startswith("/uz-cyrl/") for address in addresses)

    def test_an_editors_cyrillic_version_is_found_instead_of_the_written_one(self) -> None:
        latin = published(section=self.section, language="uz", headline="Sud qarori", slug="f")
        published(
            section=self.section,
            language="uz-cyrl",
            headline="Суд қарори: таҳририят",
            slug="f-kirill",
            original=latin,
        )
        results = search_articles("uz-cyrl", "суд")
        assert [article.headline for article in found(results)] == ["Суд қарори: таҳририят"]

    @override_settings(
        LANGUAGES=[("en", "English"), ("kk", "Kazakh"), ("kk-latn", "Kazakh (Latin)")]
    )
    def test_kazakh_is_found_in_latin_once_that_edition_is_on(self) -> None:
        published(section=self.section, language="kk", headline="Сот шешімі", slug="g")
        assert search_articles("kk-latn", "sot").count == 1


class OrderAndPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        section = SectionFactory(slug="courts")
        cls.articles = ArticleFactory.create_batch(
            14, section=section, headline="Weekly court roundup", body="Nothing about bail."
        )
        cls.best = ArticleFactory(
            section=section,
            headline="Bail refused: bail hearings explained",
            body="Bail, bail and bail.",
            published_at=cls.articles[0].published_at.replace(year=2020),
        )
        index_articles(articles=[*cls.articles, cls.best])

    def test_relevance_puts_the_best_match_first_and_date_the_newest(self) -> None:
        by_relevance = search_articles("en", "bail")
        by_date = search_articles("en", "bail", sort="date")
        assert by_relevance.page is not None
        assert by_date.page is not None
        assert by_relevance.page.object_list[0].article == self.best
        oldest = search_articles("en", "bail", sort="date", page=2).page
        assert oldest is not None
        assert oldest.object_list[-1].article == self.best
        assert by_date.count == by_relevance.count == 15

    def test_results_come_a_page_at_a_time(self) -> None:
        first, second = search_articles("en", "bail"), search_articles("en", "bail", page=2)
        assert first.page is not None
        assert second.page is not None
        assert len(first.page.object_list) == 12
        assert len(second.page.object_list) == 3
        shown = {hit.article.pk for hit in [*first.page.object_list, *second.page.object_list]}
        assert len(shown) == 15
        with pytest.raises(NoSuchPage):
            search_articles("en", "bail", page=3)

    @override_settings(GAZETTE_SEARCH_MAX_RESULTS=13)
    def test_past_the_limit_only_the_first_are_counted_and_shown(self) -> None:
        results = search_articles("en", "bail", page=2)
        assert results.more
        assert results.count == 13
        assert results.page is not None
        assert len(results.page.object_list) == 1
        html = self.client.get("/en/search/", {"q": "bail"}).content.decode()
        assert "More than 13 articles found for “bail”: the first 13 are shown." in html

    @override_settings(GAZETTE_SEARCH_MAX_RESULTS=13)
    def test_counting_newest_first_passes_over_articles_taken_down(self) -> None:
        # 15 match; with the two newest taken down, exactly the limit is left.
        newest, second, third = self.articles[::-1][:3]
        Article.objects.filter(pk__in=[newest.pk, second.pk]).update(status=Article.Status.DRAFT)
        results = search_articles("en", "bail", sort="date")
        assert (results.count, results.more) == (13, False)
        assert found(results)[0] == third

    @override_settings(GAZETTE_SEARCH_MAX_RESULTS=13)
    def test_relevance_ranks_the_newest_matches_past_the_limit(self) -> None:
        # The best match is the oldest: beyond the newest 13, it is not ranked first.
        results = search_articles("en", "bail")
        assert results.page is not None
        assert self.best not in [hit.article for hit in results.page.object_list]

    def test_publishing_moves_an_article_to_the_front_of_newest_first(self) -> None:
        draft = DraftArticleFactory(headline="Bail law drafted", section=self.best.section)
        index_article(article=draft)
        publish_articles(article_ids=[draft.pk])
        newest = search_articles("en", "bail", sort="date").page
        assert newest is not None
        assert newest.object_list[0].article == draft

    def test_the_pages_link_to_each_other_keeping_the_query_and_sort(self) -> None:
        html = self.client.get("/en/search/", {"q": "bail", "sort": "date"}).content.decode()
        assert 'href="?q=bail&amp;sort=date&amp;page=2"' in html
        assert "Page 1 of 2" in html

    def test_a_page_of_results_costs_the_same_whatever_is_found(self) -> None:
        # The count, the ranked page with its highlighted passages, the page's articles and
        # their section names.
        with self.assertNumQueries(4):
            search_articles("en", "bail").page.object_list  # noqa: B018 - evaluated for its queries
        with self.assertNumQueries(4):
            search_articles("en", "roundup", page=2).page.object_list  # noqa: B018


class SearchTextTests(TestCase):
    def test_markdown_is_indexed_as_its_words(self) -> None:
        text = plain_text(
            "## Heading\n\n> “A quote,” she said.\n\n- **bold** [a link](https://x.org)"
        )
        assert text == "Heading\n\n“A quote,” she said.\n\nbold a link"

    def test_terms_are_words_without_syntax_and_bounded(self) -> None:
        assert query_terms('"court" AND (appeal*', "en") == ["court", "and", "appeal"]
        assert len(query_terms(" ".join(f"w{n}" for n in range(50)), "en")) == 12

    def test_every_term_is_quoted_for_fts5(self) -> None:
        assert fts5_query(["near", "and"]) == '"near" "and"'

    @pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")
    def test_the_index_follows_its_entries_on_sqlite(self) -> None:
        article = published(section=SectionFactory(), headline="Ombudsman report", slug="o")
        index_article(article=article)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM articles_search_en WHERE articles_search_en MATCH 'ombudsman'"
            )
            assert cursor.fetchone()[0] == 1


@override_settings(GAZETTE_ARTICLES_PER_PAGE=50)
class RebuildIndexTests(TestCase):
    def test_the_command_makes_every_article_findable_again(self) -> None:
        articles = [
            ArticleFactory(headline=f"Tribunal hearing {number}", slug=f"t{number}")
            for number in range(3)
        ]
        ArticleFactory(language="ru", headline="Трибунал заседает", slug="ru-t")
        # As after restoring a backup taken without the search tables.
        SearchEntry.objects.all().delete()
        assert found(search_articles("en", "tribunal")) == []
        out = StringIO()
        with patch("gazette.articles.services.INDEX_BATCH", 2):
            call_command("rebuild_search_index", stdout=out)
        assert set(found(search_articles("en", "tribunal"))) == set(articles)
        assert [a.slug for a in found(search_articles("ru", "трибунал"))] == ["ru-t"]
        assert f"{SearchEntry.objects.count()} search entries written." in out.getvalue()
