# ruff: noqa: RUF001 - the fixture's Russian is written in Cyrillic
import re
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from django.test import TestCase, override_settings

from gazette.comments.models import Comment, Thread
from gazette.importers.exceptions import NotWellFormed
from gazette.importers.models import ImportedComment
from gazette.moderation.models import AuditEntry
from tests.factories import ArticleFactory
from tests.importers.helpers import FIXTURES, comment_from, imported, repaired_remark42

ISSO = "disqus-isso-orphans-deleted.xml"


class IssoDisqusFixtureTests(TestCase):
    """isso's disqus.xml: an orphan, a reply, a deleted comment with a reply, empty IDs."""

    @classmethod
    def setUpTestData(cls):
        cls.report = imported(ISSO, "disqus")

    def test_the_report_counts_each_outcome(self):
        assert self.report.comments_in_file == 6
        assert self.report.counts["published"] == 4
        assert self.report.counts["deleted"] == 1
        assert self.report.counts["skipped"] == 1

    def test_the_orphan_is_reported_and_attached_nowhere(self):
        assert [item["id"] for item in self.report.skipped] == ["6"]
        assert "page the file does not have" in self.report.skipped[0]["reason"]
        assert not Comment.objects.filter(author_name="where am I?").exists()

    def test_a_reply_sits_under_its_parent(self):
        reply, parent = comment_from("5"), comment_from("4")
        assert (reply.parent, reply.root, reply.in_reply_to, reply.depth) == (
            parent,
            parent,
            parent,
            1,
        )

    def test_a_reply_to_a_deleted_comment_keeps_its_place_under_it(self):
        deleted, reply = comment_from("9"), comment_from("11")
        assert deleted.state == Comment.State.DELETED
        assert deleted.body_html == ""
        assert reply.parent == deleted
        assert reply.state == Comment.State.PUBLISHED

    def test_html_messages_go_through_the_sanitiser(self):
        assert comment_from("5").body_html == "<p>Hello, World.</p>"
        assert comment_from("4").body_html == "..."

    def test_pages_that_match_no_article_get_keyed_threads_listed_in_the_report(self):
        addresses = [
            "http://example.org/",
            "http://localhost:4000/blog/2013/02/12/redacted/index.html",
        ]
        assert self.report.unmatched_pages == addresses
        assert sorted(Thread.objects.values_list("key", flat=True)) == addresses
        assert Thread.objects.get(key=addresses[0]).url == addresses[0]

    def test_counts_and_versions_are_right_afterwards(self):
        thread = Thread.objects.get(key="http://example.org/")
        assert thread.comment_count == 3
        assert thread.comment_count == thread.comments.published().count()
        assert thread.version > 0

    def test_dates_are_kept_with_their_time_zone(self):
        assert comment_from("4").created_at == datetime(2013, 10, 10, 19, 20, 29, tzinfo=UTC)

    def test_addresses_are_kept_privately(self):
        comment = comment_from("8")
        assert comment.email == "baz@email.foo"
        assert comment.ip_hash
        assert "127.0.0.1" not in comment.ip_hash

    def test_nothing_is_recorded_as_a_moderation_decision(self):
        assert not AuditEntry.objects.exists()


class MatchedArticleTests(TestCase):
    """The same file with its first page at one of our articles' addresses."""

    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.folder = TemporaryDirectory()
        with override_settings(GAZETTE_BASE_URL="https://news.example"):
            address = "https://news.example" + cls.article.get_absolute_url()
        path = Path(cls.folder.name) / ISSO
        path.write_text((FIXTURES / ISSO).read_text().replace("http://example.org/", address))
        with override_settings(GAZETTE_BASE_URL="https://news.example"):
            cls.report = imported(path, "disqus")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()
        super().tearDownClass()

    def test_the_page_is_matched_to_the_article_by_its_address(self):
        thread = Thread.objects.get(article=self.article)
        assert thread.key == f"article:{self.article.pk}"
        assert self.report.counts["threads_matched"] == 1
        assert thread.comment_count == 3

    def test_the_article_page_shows_the_comments_in_order_with_the_placeholder(self):
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        shown = [int(pk) for pk in re.findall(r'id="comment-(\d+)"', page)]
        assert shown == [comment_from(ref).pk for ref in ("4", "5", "9", "11")]
        assert page.count("Comment deleted.") == 1
        assert "3 Comments" in page

    def test_no_address_reaches_the_page(self):
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "foo@bar.com" not in page
        assert "127.0.0.1" not in page


@pytest.mark.parametrize(
    "name", ["disqus-remark42-malformed-unicode.xml", "disqus-remark42-deleted-thread.xml"]
)
@pytest.mark.django_db
def test_a_file_that_is_not_well_formed_is_refused_whole(name):
    with pytest.raises(NotWellFormed) as refused:
        imported(name, "disqus")
    assert (refused.value.line, refused.value.column) == (1, 0)
    assert "line 1, column 0" in refused.value.message
    assert not Thread.objects.exists()
    assert not Comment.objects.exists()
    assert not ImportedComment.objects.exists()


class RepairedRemark42Tests(TestCase):
    """remark42's file with its XML mended: its faults are record by record."""

    @classmethod
    def setUpTestData(cls):
        with TemporaryDirectory() as folder:
            cls.report = imported(
                repaired_remark42("disqus-remark42-malformed-unicode.xml", folder), "disqus"
            )

    def test_records_without_an_id_or_with_a_bad_date_and_boolean_are_skipped_with_reasons(self):
        reasons = {item["id"]: item["reason"] for item in self.report.skipped}
        assert set(reasons) == {"", "x299986073"}
        assert "without an ID" in reasons[""]
        assert "isSpam is neither true nor false: 123" in reasons["x299986073"]
        assert "createdAt is not a date: 2011-x09-30T22:48:43Z" in reasons["x299986073"]

    def test_spam_is_imported_as_removed_and_never_published(self):
        spam = comment_from("299986073")
        assert spam.state == Comment.State.REMOVED
        assert spam.thread.comment_count == 2

    def test_a_closed_thread_stays_closed(self):
        closed = Thread.objects.get(key="https://radio-t.com/p/2011/03/05/podcast-229")
        assert closed.is_closed

    def test_cyrillic_survives_and_an_empty_address_stays_empty(self):
        assert "Microsoft показал" in comment_from("299744309").body
        assert comment_from("299619020").email == ""
        assert Thread.objects.filter(title="Радио-Т: Радио-Т 229").count() == 2

    def test_a_broken_link_is_kept_only_as_the_sanitiser_allows(self):
        html = comment_from("299619020").body_html
        assert 'rel="nofollow ugc noopener"' in html
        assert "<script" not in html


class DeletedThreadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with TemporaryDirectory() as folder:
            cls.report = imported(
                repaired_remark42("disqus-remark42-deleted-thread.xml", folder), "disqus"
            )

    def test_comments_in_a_deleted_thread_are_skipped_and_never_published(self):
        in_deleted = {
            item["id"] for item in self.report.skipped if "deleted thread" in item["reason"]
        }
        assert in_deleted == {"299619020", "299744309", "299986073"}
        assert not Thread.objects.filter(key__contains="podcast-229").exists()
        assert Comment.objects.published().count() == 1
