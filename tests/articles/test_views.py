"""The public pages: home, section, author, tag and article, in every edition."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftArticleFactory,
    PhotoFactory,
    ScheduledArticleFactory,
    SectionFactory,
    SectionNameFactory,
    TagFactory,
    as_returning_reader,
)
from tests.querycounts import plus_cache_reads

# Other apps decorate pages through these settings; publishing's own query counts are pinned
# without them, so that a neighbour's change cannot hide (or fake) an N+1 here.
PUBLISHING_ONLY = override_settings(
    GAZETTE_ARTICLE_LIST_HOOKS=[],
    GAZETTE_TEASER_BADGES=[],
    GAZETTE_ARTICLE_PANELS=[],
    GAZETTE_HOME_PANELS=[],
)

BAD_PAGE_NUMBERS = ["abc", "0", "-1", "1.5", "99999", "\x00", "1" * 5000, "\u0661", "1e3", ""]


def html_of(response) -> str:
    return response.content.decode()


class HiddenArticlesMixin:
    """A draft and a future schedule in the same section and edition as a public article."""

    @classmethod
    def make_hidden(cls, **kwargs) -> None:
        cls.draft = DraftArticleFactory(headline="Secret draft headline", **kwargs)
        cls.scheduled = ScheduledArticleFactory(headline="Embargoed headline", **kwargs)

    def assert_hidden_absent(self, response) -> None:
        assert response.status_code == 200
        assert "Secret draft headline" not in html_of(response)
        assert "Embargoed headline" not in html_of(response)


@PUBLISHING_ONLY
class HomePageTests(HiddenArticlesMixin, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.courts = SectionFactory(name="Courts", slug="courts", position=1)
        cls.security = SectionFactory(name="Security", slug="security", position=2)
        SectionNameFactory(section=cls.courts, language="ru", name="Суды")
        cls.court_story = ArticleFactory(section=cls.courts, headline="Appeal court sits")
        cls.security_story = ArticleFactory(section=cls.security, headline="Border check")
        cls.russian = ArticleFactory(section=cls.courts, language="ru", headline="Суд заседает")
        cls.make_hidden(section=cls.courts)

    def test_lists_the_latest_articles_of_each_section_in_the_edition(self) -> None:
        html = html_of(self.client.get("/en/"))
        assert "Appeal court sits" in html
        assert "Border check" in html
        assert "Суд заседает" not in html
        assert html.index('id="front-courts"') < html.index('id="front-security"')

    def test_russian_edition_lists_russian_articles_with_russian_section_names(self) -> None:
        response = self.client.get("/ru/")
        html = html_of(response)
        assert '<html lang="ru"' in html
        assert "Суд заседает" in html
        assert "Суды" in html
        assert "Appeal court sits" not in html

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        self.assert_hidden_absent(self.client.get("/en/"))

    def test_a_scheduled_article_whose_time_has_come_is_listed(self) -> None:
        ScheduledArticleFactory(
            section=self.courts,
            headline="Due schedule",
            published_at=timezone.now() - timedelta(minutes=1),
        )
        assert "Due schedule" in html_of(self.client.get("/en/"))

    def test_each_section_shows_at_most_four_articles(self) -> None:
        for number in range(6):
            ArticleFactory(section=self.security, headline=f"Security story {number}")
        html = html_of(self.client.get("/en/"))
        front = html[html.index('id="front-security"') :]
        assert front.count('class="teaser__headline"') == 4

    def test_the_root_address_sends_readers_to_an_edition(self) -> None:
        response = self.client.get("/", headers={"accept-language": "ru"})
        assert response.status_code == 302
        assert response["Location"] == "/ru/"

    def test_query_count_does_not_grow_with_sections_or_articles(self) -> None:
        # Counted for a returning reader (rendered for them) with the shared cache warm (a first
        # request fills it): three for the articles, then one cache read for the section menu
        # (caching.py): 4, down from 5.
        as_returning_reader(self.client)
        self.client.get("/en/")
        with self.assertNumQueries(plus_cache_reads(3, 1)):
            self.client.get("/en/")
        for number in range(4):
            section = SectionFactory()
            ArticleFactory.create_batch(3, section=section, authors=[AuthorFactory()])
            SectionNameFactory(section=section, language="en", name=f"Extra {number}")
        self.client.get("/en/")
        with self.assertNumQueries(plus_cache_reads(3, 1)):
            response = self.client.get("/en/")
        assert html_of(response).count('class="section-front"') == 6

    def test_is_cached_publicly_for_a_few_seconds_with_an_etag(self) -> None:
        response = self.client.get("/en/")
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"
        assert "Cookie" in response["Vary"]
        again = self.client.get("/en/", headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304
        assert again.content == b""

    def test_a_reader_with_a_session_gets_a_private_answer(self) -> None:
        self.client.cookies["sessionid"] = "anything"
        response = self.client.get("/en/")
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]

    def test_unknown_parameters_are_ignored(self) -> None:
        response = self.client.get("/en/", {"utm_source": "x" * 3000, "page": "\x00"})
        assert response.status_code == 200


@PUBLISHING_ONLY
class SectionPageTests(HiddenArticlesMixin, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Courts", slug="courts")
        SectionNameFactory(section=cls.section, language="ru", name="Суды")
        cls.other = SectionFactory(name="Security", slug="security")
        cls.english = ArticleFactory(section=cls.section, headline="Appeal court sits")
        cls.russian = ArticleFactory(section=cls.section, language="ru", headline="Суд заседает")
        ArticleFactory(section=cls.other, headline="Elsewhere")
        cls.make_hidden(section=cls.section)

    def test_lists_the_sections_articles_in_the_edition(self) -> None:
        html = html_of(self.client.get("/en/courts/"))
        assert "Appeal court sits" in html
        assert "Elsewhere" not in html
        assert "Суд заседает" not in html

    def test_russian_edition_lists_russian_articles(self) -> None:
        response = self.client.get("/ru/courts/")
        html = html_of(response)
        assert '<html lang="ru"' in html
        assert "<h1" in html
        assert "Суды" in html
        assert "Суд заседает" in html
        assert "Appeal court sits" not in html
        assert self.russian.get_absolute_url() in html
        assert self.russian.get_absolute_url().startswith("/ru/courts/")

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        self.assert_hidden_absent(self.client.get("/en/courts/"))

    def test_unknown_section_is_a_404_page(self) -> None:
        response = self.client.get("/en/no-such-section/")
        assert response.status_code == 404
        assert "Page not found" in html_of(response)

    def test_canonical_url_is_absolute_and_drops_unknown_parameters(self) -> None:
        html = html_of(self.client.get("/en/courts/", {"utm_source": "newsletter"}))
        assert '<link rel="canonical" href="http://testserver/en/courts/">' in html

    @override_settings(GAZETTE_ARTICLES_PER_PAGE=2)
    def test_pages_follow_each_other_newest_first(self) -> None:
        older = [
            ArticleFactory(
                section=self.section,
                headline=f"Older story {number}",
                published_at=timezone.now() - timedelta(days=10 + number),
            )
            for number in range(3)
        ]
        first = html_of(self.client.get("/en/courts/"))
        second = html_of(self.client.get("/en/courts/", {"page": "2"}))
        assert "Appeal court sits" in first
        assert older[0].headline in first
        assert older[1].headline in second
        assert older[2].headline in second
        assert 'href="?page=2"' in first
        assert '<link rel="canonical" href="http://testserver/en/courts/?page=2">' in second

    def test_malformed_page_numbers_are_404_not_500(self) -> None:
        for number in BAD_PAGE_NUMBERS:
            response = self.client.get("/en/courts/", {"page": number})
            assert response.status_code == 404, number

    def test_page_one_and_unknown_parameters_give_the_first_page(self) -> None:
        response = self.client.get("/en/courts/?page=1&sort=%00&x=" + "y" * 4000)
        assert response.status_code == 200
        assert "Appeal court sits" in html_of(response)

    def test_empty_section_is_a_clean_page(self) -> None:
        SectionFactory(name="Culture", slug="culture")
        response = self.client.get("/en/culture/")
        assert response.status_code == 200
        assert "No articles have been published here yet." in html_of(response)

    def test_query_count_does_not_grow_with_articles(self) -> None:
        # With the shared cache warm: the section menu is one cache read instead of two
        # queries, so 7, down from 8.
        as_returning_reader(self.client)
        self.client.get("/en/courts/")
        with self.assertNumQueries(plus_cache_reads(6, 1)):
            self.client.get("/en/courts/")
        ArticleFactory.create_batch(5, section=self.section, authors=[AuthorFactory()])
        self.client.get("/en/courts/")
        with self.assertNumQueries(plus_cache_reads(6, 1)):
            response = self.client.get("/en/courts/")
        assert html_of(response).count('class="teaser__headline"') == 6

    def test_is_cached_publicly(self) -> None:
        assert self.client.get("/en/courts/")["Cache-Control"] == "public, max-age=0, s-maxage=5"


@PUBLISHING_ONLY
class AuthorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.author = AuthorFactory(name="Dana Sarsen", slug="dana-sarsen", bio="Covers courts.")
        cls.section = SectionFactory(slug="courts")
        cls.english = ArticleFactory(
            section=cls.section, authors=[cls.author], headline="Appeal court sits"
        )
        cls.russian = ArticleFactory(
            section=cls.section, authors=[cls.author], language="ru", headline="Суд заседает"
        )
        cls.kazakh = ArticleFactory(
            section=cls.section, authors=[cls.author], language="kk", headline="Сот отырысы"
        )
        DraftArticleFactory(authors=[cls.author], headline="Secret draft headline")
        ScheduledArticleFactory(authors=[cls.author], headline="Embargoed headline")

    def test_lists_the_authors_articles_in_every_edition(self) -> None:
        html = html_of(self.client.get("/en/authors/dana-sarsen/"))
        assert "Dana Sarsen" in html
        assert "Covers courts." in html
        for article in (self.english, self.russian, self.kazakh):
            assert article.headline in html
            assert f'href="{article.get_absolute_url()}"' in html
        assert 'href="/ru/courts/' in html
        assert 'lang="ru"' in html

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        html = html_of(self.client.get("/en/authors/dana-sarsen/"))
        assert "Secret draft headline" not in html
        assert "Embargoed headline" not in html

    def test_an_author_with_nothing_published_yet_is_a_404(self) -> None:
        newcomer = AuthorFactory(slug="newcomer")
        DraftArticleFactory(authors=[newcomer])
        ScheduledArticleFactory(authors=[newcomer])
        assert self.client.get("/en/authors/newcomer/").status_code == 404

    def test_unknown_author_is_a_404(self) -> None:
        assert self.client.get("/en/authors/nobody/").status_code == 404

    def test_malformed_page_numbers_are_404(self) -> None:
        for number in BAD_PAGE_NUMBERS:
            response = self.client.get("/en/authors/dana-sarsen/", {"page": number})
            assert response.status_code == 404, number

    def test_query_count_does_not_grow_with_articles(self) -> None:
        # With the shared cache warm: the section menu is one cache read instead of two queries.
        as_returning_reader(self.client)
        self.client.get("/en/authors/dana-sarsen/")
        with self.assertNumQueries(plus_cache_reads(5, 1)):
            self.client.get("/en/authors/dana-sarsen/")
        ArticleFactory.create_batch(4, authors=[self.author, AuthorFactory()])
        self.client.get("/en/authors/dana-sarsen/")
        with self.assertNumQueries(plus_cache_reads(5, 1)):
            response = self.client.get("/en/authors/dana-sarsen/")
        assert html_of(response).count('class="teaser__headline"') == 7


@PUBLISHING_ONLY
class TagPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.tag = TagFactory(name="Appeals", slug="appeals")
        cls.unicode_tag = TagFactory(name="Суды", slug="суды")
        cls.english = ArticleFactory(headline="Appeal court sits")
        cls.english.tags.add(cls.tag)
        cls.russian = ArticleFactory(language="ru", headline="Суд заседает")
        cls.russian.tags.add(cls.tag, cls.unicode_tag)
        cls.untagged = ArticleFactory(headline="Untagged story")
        for hidden in (
            DraftArticleFactory(headline="Secret draft headline"),
            ScheduledArticleFactory(headline="Embargoed headline"),
        ):
            hidden.tags.add(cls.tag)

    def test_lists_the_tags_articles_in_the_edition(self) -> None:
        html = html_of(self.client.get("/en/tags/appeals/"))
        assert "Appeals" in html
        assert "Appeal court sits" in html
        assert "Суд заседает" not in html
        assert "Untagged story" not in html

    def test_russian_edition_lists_russian_articles(self) -> None:
        html = html_of(self.client.get("/ru/tags/appeals/"))
        assert "Суд заседает" in html
        assert "Appeal court sits" not in html

    def test_tags_with_cyrillic_slugs_are_served(self) -> None:
        response = self.client.get(self.unicode_tag.get_absolute_url().replace("/en/", "/ru/"))
        assert response.status_code == 200
        assert "Суд заседает" in html_of(response)

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        html = html_of(self.client.get("/en/tags/appeals/"))
        assert "Secret draft headline" not in html
        assert "Embargoed headline" not in html

    def test_a_tag_on_unpublished_articles_only_is_a_404(self) -> None:
        hidden_tag = TagFactory(slug="hidden")
        DraftArticleFactory().tags.add(hidden_tag)
        assert self.client.get("/en/tags/hidden/").status_code == 404

    def test_unknown_tag_is_a_404(self) -> None:
        assert self.client.get("/en/tags/no-such-tag/").status_code == 404
        assert self.client.get("/en/tags/bad%00slug/").status_code == 404

    def test_query_count_does_not_grow_with_articles(self) -> None:
        # With the shared cache warm: the section menu is one cache read instead of two queries.
        # The tag comes with its names (one query), then the page of articles.
        as_returning_reader(self.client)
        self.client.get("/en/tags/appeals/")
        with self.assertNumQueries(plus_cache_reads(6, 1)):
            self.client.get("/en/tags/appeals/")
        for article in ArticleFactory.create_batch(4, authors=[AuthorFactory()]):
            article.tags.add(self.tag)
        self.client.get("/en/tags/appeals/")
        with self.assertNumQueries(plus_cache_reads(6, 1)):
            response = self.client.get("/en/tags/appeals/")
        assert html_of(response).count('class="teaser__headline"') == 5


@PUBLISHING_ONLY
class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Crime & Justice", slug="crime-justice")
        cls.authors = [AuthorFactory(name="Dana Sarsen"), AuthorFactory(name="Ivan Petrov")]
        cls.article = ArticleFactory(
            section=cls.section,
            authors=cls.authors,
            headline="Court upholds sentence",
            slug="court-upholds-sentence",
            dateline="Astana",
            lead_photo=PhotoFactory(caption="Lawyers outside the court.", credit="Gazette/Ann"),
            body='The court ruled on Monday.\n\n> "It was fair," he told Gazette.',
        )
        cls.tag = TagFactory(name="Appeals")
        cls.article.tags.add(cls.tag)

    def test_shows_the_story_as_the_reference_page_does(self) -> None:
        response = self.client.get("/en/crime-justice/court-upholds-sentence/")
        html = html_of(response)
        assert response.status_code == 200
        assert "Crime &amp; Justice" in html
        assert '<h1 class="story__headline">Court upholds sentence</h1>' in html
        assert re.search(r"By\s+<a[^>]*>Dana Sarsen</a> and <a[^>]*>Ivan Petrov</a>", html)
        assert '<span class="dateline">ASTANA --</span> The court ruled on Monday.' in html
        assert "<blockquote>" in html
        assert 'Lawyers outside the court. <span class="credit">[Gazette/Ann]</span>' in html
        assert self.tag.get_absolute_url() in html

    def test_draft_and_future_schedule_are_404_at_their_public_url(self) -> None:
        draft = DraftArticleFactory(section=self.section)
        scheduled = ScheduledArticleFactory(section=self.section)
        for article in (draft, scheduled):
            response = self.client.get(article.get_absolute_url())
            assert response.status_code == 404
            assert article.headline not in html_of(response)

    def test_a_due_schedule_is_served(self) -> None:
        due = ScheduledArticleFactory(published_at=timezone.now() - timedelta(seconds=5))
        assert self.client.get(due.get_absolute_url()).status_code == 200

    def test_another_editions_prefix_is_a_404(self) -> None:
        assert self.client.get("/ru/crime-justice/court-upholds-sentence/").status_code == 404

    def test_unknown_or_malformed_slugs_are_404(self) -> None:
        for path in (
            "/en/crime-justice/no-such-story/",
            "/en/crime-justice/bad%00slug/",
            "/en/crime-justice/" + "x" * 3000 + "/",
            "/en/no-such-section/court-upholds-sentence/x/",
        ):
            assert self.client.get(path).status_code == 404, path

    def test_an_article_that_moved_section_redirects_to_its_address(self) -> None:
        response = self.client.get("/en/old-section/court-upholds-sentence/")
        assert response.status_code == 301
        assert response["Location"] == "/en/crime-justice/court-upholds-sentence/"

    def test_cyrillic_slugs_are_served(self) -> None:
        article = ArticleFactory(section=self.section, language="ru", slug="суд-заседает")
        response = self.client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert '<html lang="ru"' in html_of(response)

    def test_markup_in_the_body_cannot_run(self) -> None:
        article = ArticleFactory(
            body='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">'
        )
        html = html_of(self.client.get(article.get_absolute_url()))
        assert "<script>alert(1)" not in html
        assert 'href="javascript:' not in html
        assert "<img src=x" not in html

    def test_is_cached_publicly_only_for_readers_without_personal_cookies(self) -> None:
        url = self.article.get_absolute_url()
        assert self.client.get(url)["Cache-Control"] == "public, max-age=0, s-maxage=5"
        response = as_returning_reader(self.client).get(url)
        assert response["Cache-Control"] == "private, no-cache"

    def test_query_count_does_not_grow_with_byline_or_tags(self) -> None:
        # With the cache warm: the article, its editions, then one cache read (the publishing
        # stamp with the section menu); the story block with its metadata is this process's
        # copy (one shared-cache read more in another worker). Byline, tags and section names
        # are fetched only to render the story block: 2, down from 7. The related stories are
        # this process's copy too, kept under the same stamp.
        url = self.article.get_absolute_url()
        as_returning_reader(self.client)
        self.client.get(url)
        with self.assertNumQueries(plus_cache_reads(2, 1)):
            self.client.get(url)
        for author in AuthorFactory.create_batch(3):
            self.article.bylines.create(author=author, position=9)
        self.article.tags.add(*TagFactory.create_batch(3))
        self.client.get(url)
        with self.assertNumQueries(plus_cache_reads(2, 1)):
            response = self.client.get(url)
        assert html_of(response).count('rel="author"') == self.article.bylines.count()

    def test_only_get_and_head_are_allowed(self) -> None:
        assert self.client.post(self.article.get_absolute_url()).status_code == 405
        assert self.client.head(self.article.get_absolute_url()).status_code == 200


@PUBLISHING_ONLY
class EditionSwitcherTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts")
        cls.original = ArticleFactory(section=cls.section, slug="appeal-court-sits")
        cls.russian = ArticleFactory(
            section=cls.section, language="ru", slug="sud-zasedaet", original=cls.original
        )
        cls.kazakh_draft = DraftArticleFactory(
            section=cls.section, language="kk", slug="sot-otyrysy", original=cls.original
        )

    def switcher_links(self, html: str) -> dict[str, str]:
        return {
            code: url
            for url, code in re.findall(r'<a[^>]*href="([^"]*)"[^>]*\blang="([\w-]+)"', html)
        }

    def hreflang_alternates(self, html: str) -> dict[str, str]:
        pattern = r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">'
        return dict(re.findall(pattern, html))

    def test_the_switcher_links_each_published_translation(self) -> None:
        html = html_of(self.client.get(self.original.get_absolute_url()))
        links = self.switcher_links(html)
        assert links["ru"] == "/ru/courts/sud-zasedaet/"
        assert links["en"] == "/en/courts/appeal-court-sits/"

    def test_an_unpublished_translation_is_not_linked(self) -> None:
        html = html_of(self.client.get(self.original.get_absolute_url()))
        assert "sot-otyrysy" not in html
        assert self.switcher_links(html)["kk"] == "/kk/courts/appeal-court-sits/"

    def test_hreflang_alternates_name_every_published_edition(self) -> None:
        html = html_of(self.client.get(self.russian.get_absolute_url()))
        assert self.hreflang_alternates(html) == {
            "en": "http://testserver/en/courts/appeal-court-sits/",
            "ru": "http://testserver/ru/courts/sud-zasedaet/",
        }

    def test_a_translation_of_an_unpublished_original_links_only_public_editions(self) -> None:
        draft_original = DraftArticleFactory(section=self.section, slug="draft-original")
        translation = ArticleFactory(
            section=self.section, language="ru", slug="perevod", original=draft_original
        )
        html = html_of(self.client.get(translation.get_absolute_url()))
        assert "draft-original" not in html
        assert self.hreflang_alternates(html) == {"ru": "http://testserver/ru/courts/perevod/"}
        assert self.switcher_links(html)["en"] == "/en/courts/perevod/"

    def test_the_russian_edition_speaks_russian(self) -> None:
        html = html_of(self.client.get(self.russian.get_absolute_url()))
        assert '<html lang="ru"' in html
        assert 'href="/ru/courts/"' in html

    def test_the_switcher_on_a_list_page_keeps_the_page(self) -> None:
        html = html_of(self.client.get("/en/courts/"))
        links = self.switcher_links(html)
        assert links == {
            "en": "/en/courts/",
            "ru": "/ru/courts/",
            "kk": "/kk/courts/",
            "uz": "/uz/courts/",
            "uz-cyrl": "/uz-cyrl/courts/",
        }


@PUBLISHING_ONLY
class UzbekScriptTests(TestCase):
    """Uzbek is read in both scripts: an article written in one is served in the other."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="jinoyat")
        SectionNameFactory(section=cls.section, language="uz", name="Jinoyat va odil sudlov")
        cls.latin = ArticleFactory(
            section=cls.section,
            language="uz",
            slug="toshkent-sudi",
            headline="Toshkent sudi yoshlar ishini koʻrdi",
            standfirst="Shahar sudi oʻzbek tilida hukm chiqardi.",
            dateline="Toshkent",
            body="Sud maʼlumotiga koʻra, [hujjat](https://sud.uz/shahar) eʼlon qilindi.",
            lead_photo=PhotoFactory(caption="Sud binosi", credit="Gazette/Aziz Karimov"),
        )

    def test_a_latin_article_is_read_in_cyrillic_at_the_same_address(self) -> None:
        response = self.client.get("/uz-cyrl/jinoyat/toshkent-sudi/")
        html = html_of(response)
        assert response.status_code == 200
        assert '<html lang="uz-cyrl"' in html
        assert "Тошкент суди ёшлар ишини кўрди" in html
        assert "Шаҳар суди ўзбек тилида ҳукм чиқарди." in html
        assert '<span class="dateline">ТОШКЕНТ --</span>' in html
        assert "Суд маълумотига кўра" in html
        assert 'href="https://sud.uz/shahar"' in html
        assert "Суд биноси" in html
        assert "Жиноят ва одил судлов" in html

    def test_the_switcher_goes_to_the_same_article_in_the_other_script(self) -> None:
        latin_links = EditionSwitcherTests.switcher_links(
            self, html_of(self.client.get("/uz/jinoyat/toshkent-sudi/"))
        )
        cyrillic_links = EditionSwitcherTests.switcher_links(
            self, html_of(self.client.get("/uz-cyrl/jinoyat/toshkent-sudi/"))
        )
        assert latin_links["uz-cyrl"] == "/uz-cyrl/jinoyat/toshkent-sudi/"
        assert cyrillic_links["uz"] == "/uz/jinoyat/toshkent-sudi/"
        assert cyrillic_links["ru"] == "/ru/jinoyat/toshkent-sudi/"

    def test_an_editors_cyrillic_version_is_preferred_to_the_written_one(self) -> None:
        own = ArticleFactory(
            section=self.section,
            language="uz-cyrl",
            slug="toshkent-sudi-kirill",
            headline="Тошкент суди: муҳаррир таржимаси",
            original=self.latin,
        )
        response = self.client.get("/uz-cyrl/jinoyat/toshkent-sudi/")
        assert response.status_code == 302
        assert response["Location"] == own.get_absolute_url()
        links = EditionSwitcherTests.switcher_links(
            self, html_of(self.client.get("/uz/jinoyat/toshkent-sudi/"))
        )
        assert links["uz-cyrl"] == "/uz-cyrl/jinoyat/toshkent-sudi-kirill/"

    def test_the_cyrillic_front_section_and_feed_list_the_latin_stories_in_cyrillic(self) -> None:
        for url in ("/uz-cyrl/", "/uz-cyrl/jinoyat/", "/uz-cyrl/feeds/rss/"):
            html = html_of(self.client.get(url))
            assert "Тошкент суди ёшлар ишини кўрди" in html, url
            assert "/uz-cyrl/jinoyat/toshkent-sudi/" in html, url
            assert "Toshkent sudi" not in html, url

    def test_a_story_with_an_editors_cyrillic_version_is_listed_once(self) -> None:
        ArticleFactory(
            section=self.section,
            language="uz-cyrl",
            slug="toshkent-sudi-kirill",
            headline="Тошкент суди: муҳаррир таржимаси",
            original=self.latin,
        )
        html = html_of(self.client.get("/uz-cyrl/jinoyat/"))
        assert "Тошкент суди: муҳаррир таржимаси" in html
        assert "Тошкент суди ёшлар ишини кўрди" not in html

    def test_a_cyrillic_article_is_read_in_latin(self) -> None:
        ArticleFactory(
            section=self.section, language="uz-cyrl", slug="sirk", headline="Цирк ёшлари"
        )
        html = html_of(self.client.get("/uz/jinoyat/sirk/"))
        assert "Sirk yoshlari" in html

    def test_an_article_of_another_edition_is_not_written_in_uzbek(self) -> None:
        ArticleFactory(section=self.section, language="ru", slug="sud")
        assert self.client.get("/uz-cyrl/jinoyat/sud/").status_code == 404
        assert self.client.get("/uz/jinoyat/sud/").status_code == 404

    def test_an_unpublished_latin_article_is_not_read_in_cyrillic(self) -> None:
        DraftArticleFactory(section=self.section, language="uz", slug="qoralama")
        assert self.client.get("/uz-cyrl/jinoyat/qoralama/").status_code == 404

    def test_the_written_page_costs_one_query_more_than_the_original(self) -> None:
        self.client.get("/uz-cyrl/jinoyat/toshkent-sudi/")
        self.client.get("/uz/jinoyat/toshkent-sudi/")
        # The article and its editions (the related stories are kept); the written page looks
        # for an editor's own version first.
        with self.assertNumQueries(plus_cache_reads(2, 1)):
            self.client.get("/uz/jinoyat/toshkent-sudi/", HTTP_COOKIE="sessionid=x")
        with self.assertNumQueries(plus_cache_reads(3, 1)):
            self.client.get("/uz-cyrl/jinoyat/toshkent-sudi/", HTTP_COOKIE="sessionid=x")

    def test_kazakh_is_read_in_latin_only_once_the_newsroom_switches_it_on(self) -> None:
        ArticleFactory(section=self.section, language="kk", slug="sot", headline="Сот шешімі")
        assert self.client.get("/kk-latn/jinoyat/sot/").status_code == 404
        with override_settings(LANGUAGES=[*settings.LANGUAGES, ("kk-latn", "Kazakh (Latin)")]):
            html = html_of(self.client.get("/kk-latn/jinoyat/sot/"))
        assert "Sot şeşımı" in html  # noqa: RUF001 - the dotless i of the 2021 alphabet


@PUBLISHING_ONLY
class StoryNotInEditionTests(TestCase):
    """The switcher never drops a reader on the front page: a missing edition says so."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts", name="Courts")
        SectionNameFactory(section=cls.section, language="kk", name="Соттар")
        cls.article = ArticleFactory(
            section=cls.section, slug="appeal-court-sits", headline="Appeal court sits"
        )

    def test_the_switcher_links_a_missing_edition_to_the_article_address_there(self) -> None:
        html = html_of(self.client.get(self.article.get_absolute_url()))
        links = EditionSwitcherTests.switcher_links(self, html)
        assert links["kk"] == "/kk/courts/appeal-court-sits/"
        assert "/kk/" not in links.values()

    def test_that_address_says_so_and_offers_the_section_in_that_edition(self) -> None:
        response = self.client.get("/kk/courts/appeal-court-sits/")
        html = html_of(response)
        assert response.status_code == 404
        assert '<meta name="robots" content="noindex">' in html
        assert re.search(r'<h1 class="notice-page__title">[^<]*Қазақша[^<]*</h1>', html)
        assert '<a class="button" href="/kk/courts/">' in html
        assert "Соттар" in html
        assert 'href="/en/courts/appeal-court-sits/"' in html

    def test_in_english_the_page_names_the_language(self) -> None:
        ArticleFactory(section=self.section, language="ru", slug="tolko-po-russki")
        html = html_of(self.client.get("/en/courts/tolko-po-russki/"))
        assert "This article is not available in English." in html
        assert "It is published in Русский:" in html

    def test_an_unpublished_story_is_not_announced(self) -> None:
        DraftArticleFactory(section=self.section, slug="draft-story")
        response = self.client.get("/kk/courts/draft-story/")
        assert response.status_code == 404
        assert "not-in-edition" not in html_of(response)

    def test_an_address_in_another_section_is_a_plain_404(self) -> None:
        response = self.client.get("/kk/economy/appeal-court-sits/")
        assert response.status_code == 404
        assert "not-in-edition" not in html_of(response)


@PUBLISHING_ONLY
class TagNamesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(slug="courts")
        cls.tag = TagFactory(slug="bribery", name="Bribery")
        cls.tag.translations.create(language="ru", name="Взятки")
        cls.tag.translations.create(language="uz", name="Poraxoʻrlik")
        cls.russian = ArticleFactory(section=cls.section, language="ru", slug="vzyatka")
        cls.russian.tags.add(cls.tag)
        cls.latin = ArticleFactory(section=cls.section, language="uz", slug="pora")
        cls.latin.tags.add(cls.tag)

    def test_an_article_shows_its_tags_in_its_edition(self) -> None:
        html = html_of(self.client.get(self.russian.get_absolute_url()))
        assert '<a href="/ru/tags/bribery/">Взятки</a>' in html
        assert '<meta property="article:tag" content="Взятки">' in html

    def test_the_tag_page_is_named_in_each_edition(self) -> None:
        assert '<h1 class="list-header__title">Взятки</h1>' in html_of(
            self.client.get("/ru/tags/bribery/")
        )
        assert '<h1 class="list-header__title">Bribery</h1>' in html_of(
            self.client.get("/en/tags/bribery/")
        )

    def test_the_cyrillic_uzbek_edition_reads_the_latin_name_in_its_letters(self) -> None:
        html = html_of(self.client.get("/uz-cyrl/courts/pora/"))
        assert '<a href="/uz-cyrl/tags/bribery/">Порахўрлик</a>' in html
