import re
from datetime import UTC, datetime
from itertools import pairwise

from django.test import TestCase

from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.core.text import ARTICLE, render_markdown
from gazette.importers.models import ImportedArticle
from tests.factories import ArticleFactory, SectionFactory
from tests.importers.helpers import comment_from, imported

THREADED = "wxr-isso-threaded.xml"
THEME = "wxr-wp-theme-unit-test-data.xml"
SLASHES = "wxr-wp-slashes-unicode.xml"


def wxr_comment(source_id):
    return comment_from(source_id, source="wxr")


class ThreadedWxrTests(TestCase):
    """isso's wordpress.xml: replies to replies, sloppy fields, an ID used twice."""

    @classmethod
    def setUpTestData(cls):
        cls.section = SectionFactory()
        cls.report = imported(THREADED, "wxr", section=cls.section)
        cls.article = Article.objects.get(headline="Hello, World…")

    def test_the_post_becomes_an_article_of_the_chosen_section_with_its_author_and_date(self):
        assert self.article.section == self.section
        assert self.article.slug == "test"
        assert self.article.status == Article.Status.PUBLISHED
        assert self.article.published_at == datetime(2014, 1, 14, 17, 31, 3, tzinfo=UTC)
        assert [author.name for author in self.article.byline_authors] == ["Tester"]
        assert ImportedArticle.objects.get(source="wxr", source_id="18").article == self.article

    def test_the_new_article_is_found_by_search(self):
        found = self.client.get("/en/search/", {"q": self.article.headline.split(",")[0]})
        assert self.article.get_absolute_url() in found.content.decode()

    def test_replies_to_replies_keep_their_places(self):
        first, second = wxr_comment("6"), wxr_comment("7")
        assert second.parent == first
        assert [wxr_comment(ref).parent for ref in ("8", "9")] == [second, second]
        assert wxr_comment("8").depth == 2
        assert wxr_comment("8").root == first

    def test_a_comment_without_a_local_date_keeps_its_gmt_date(self):
        assert wxr_comment("7").created_at == datetime(2014, 4, 29, 15, 21, 35, tzinfo=UTC)

    def test_the_gmt_date_wins_over_the_local_one(self):
        assert wxr_comment("10").created_at == datetime(2022, 6, 6, 2, 13, 14, tzinfo=UTC)

    def test_addresses_lose_the_export_s_line_break(self):
        assert wxr_comment("6").email == "info@posativ.org"

    def test_a_body_of_several_lines_keeps_its_line_break(self):
        lines = "When you have a comment with multiple lines:<br>\nWordPress exports it like this."
        assert wxr_comment("10").body_html == f"<p>{lines}</p>"

    def test_an_id_used_twice_is_imported_once_and_the_second_reported(self):
        assert Comment.objects.filter(author_name="Letzter :/").count() == 1
        assert not Comment.objects.filter(author_name="Anonymous").exists()
        assert self.report.skipped == [
            {"id": "11", "reason": "a second comment with the same ID", "where": ""}
        ]
        assert self.report.comments_in_file == 8

    def test_the_article_page_shows_the_thread_in_order_without_addresses(self):
        self.client.get("/")  # the article is years old: its thread is closed, but shown
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        shown = [int(pk) for pk in re.findall(r'id="comment-(\d+)"', page)]
        assert shown == [wxr_comment(ref).pk for ref in ("2", "6", "7", "8", "9", "10", "11")]
        assert "info@posativ.org" not in page
        assert "86.56.63.0" not in page
        assert "7 Comments" in page

    def test_counts_are_right_afterwards(self):
        thread = Thread.objects.get(article=self.article)
        assert thread.comment_count == thread.comments.published().count() == 7


class ThemeUnitTestDataTests(TestCase):
    """WordPress's own large export: deep threads, statuses, pingbacks, menus and pages."""

    @classmethod
    def setUpTestData(cls):
        cls.section = SectionFactory()
        cls.report = imported(THEME, "wxr", section=cls.section)

    def test_each_status_is_imported_as_such_and_pingbacks_are_skipped(self):
        assert self.report.comments_in_file == 33
        assert self.report.counts["published"] == 26
        assert self.report.counts["pending"] == 3
        pingbacks = [item["id"] for item in self.report.skipped if "pingback" in item["reason"]]
        assert sorted(pingbacks) == ["921", "922", "923", "924"]

    def test_a_ten_level_chain_keeps_whom_each_reply_answers(self):
        chain = [wxr_comment(str(ref)) for ref in (904, 905, 906, 907, *range(910, 916))]
        assert [reply.body.split()[2] for reply in chain] == [f"{n:02}" for n in range(1, 11)]
        assert all(reply.in_reply_to == parent for parent, reply in pairwise(chain))
        assert {reply.root for reply in chain[1:]} == {chain[0]}
        assert max(reply.depth for reply in chain) == 3

    def test_an_unapproved_reply_is_held_under_its_parent(self):
        held = Comment.objects.get(state=Comment.State.PENDING, parent=wxr_comment("168"))
        assert held.screening_reasons == ["Awaiting review where it was first posted."]

    def test_greek_names_survive(self):
        assert Comment.objects.filter(author_name="John Γιάννης Doe Κάποιος").exists()

    def test_a_large_html_body_keeps_only_what_the_allow_list_allows(self):
        html = wxr_comment("881").body_html
        assert "<blockquote>" in html
        assert "<code>" in html
        for refused in ("<h1", "<table", "<kbd", "<sup", "cite="):
            assert refused not in html

    def test_posts_become_articles_and_other_items_are_ignored(self):
        assert self.report.counts["articles_created"] == Article.objects.count()
        assert not Article.objects.filter(headline__icontains="canola").exists()  # an attachment
        comments_of = Article.objects.get(slug="template-comments")
        assert sorted(comments_of.tags.values_list("slug", flat=True)) == ["comments-2", "template"]

    def test_a_page_with_comments_gets_a_keyed_thread_listed_in_the_report(self):
        page = "https://wpthemetestdata.wordpress.com/about/page-with-comments"
        assert page in self.report.unmatched_pages
        assert Thread.objects.get(key=page).comment_count > 0

    def test_counts_are_right_in_every_thread(self):
        for thread in Thread.objects.all():
            assert thread.comment_count == thread.comments.published().count()


class SlashesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.report = imported(SLASHES, "wxr", section=SectionFactory())

    def test_backslashes_and_katakana_survive_the_round_trip(self):
        comment = wxr_comment("1")
        comment.refresh_from_db()
        assert comment.body == "\\o/ ¯\\_(ツ)_/¯"
        assert comment.body_html == "<p>\\o/ ¯\\_(ツ)_/¯</p>"

    def test_a_post_s_backslashes_are_neither_stripped_nor_doubled(self):
        article = ImportedArticle.objects.get(source_id="1").article
        assert 'Slashes aren\\\'t \\"cool\\"' in render_markdown(article.body, ARTICLE)


class MatchingTests(TestCase):
    def test_a_post_already_ours_by_slug_gets_the_comments_and_no_new_article(self):
        article = ArticleFactory(slug="test")
        report = imported(THREADED, "wxr")
        assert Thread.objects.get(article=article).comment_count == 7
        assert report.counts["articles_created"] == 0

    def test_without_a_section_posts_are_not_created_and_their_pages_get_keyed_threads(self):
        report = imported(THREADED, "wxr")
        assert not Article.objects.exists()
        assert report.unmatched_pages == ["http://example.tld/2014/test"]
