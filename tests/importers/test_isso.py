import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from django.test import TestCase

from gazette.comments.models import Comment, Thread
from gazette.importers.exceptions import ImportRefused
from tests.factories import ArticleFactory
from tests.importers.helpers import comment_from, imported

# Isso's tables as its own code creates them (isso/db/threads.py, isso/db/comments.py).
SCHEMA = """
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER, created FLOAT NOT NULL,
    modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR NOT NULL, author VARCHAR,
    email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0,
    voters BLOB NOT NULL, notification INTEGER DEFAULT 0
);
"""
WRITTEN = datetime(2024, 3, 1, 9, 30, tzinfo=UTC).timestamp()


def isso_database(folder, threads, comments):
    path = Path(folder) / "comments.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO threads VALUES (?, ?, ?)", threads)
        connection.executemany(
            "INSERT INTO comments (tid, id, parent, created, mode, remote_addr, text, author, "
            "email, likes, voters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, x'')",
            comments,
        )
    connection.close()
    return path


class IssoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory(slug="court-upholds-ruling")
        cls.folder = TemporaryDirectory()
        cls.path = isso_database(
            cls.folder.name,
            [(1, "/2024/court-upholds-ruling/", "Court upholds ruling"), (2, "/about/", "About")],
            [
                (
                    1,
                    1,
                    None,
                    WRITTEN,
                    1,
                    "10.0.0.0",
                    "The *judge* was right.",
                    "Aigerim",
                    "a@example.org",
                    3,
                ),
                (1, 2, 1, WRITTEN + 60, 4, "10.0.0.0", "", "Bolat", "", 0),
                (1, 3, 2, WRITTEN + 120, 1, "10.0.0.0", "Why was it deleted?", "Dana", "", 0),
                (1, 4, None, WRITTEN + 180, 2, "10.0.0.0", "Held for review.", "Erlan", "", 0),
                (2, 5, None, WRITTEN, 1, "10.0.0.0", "Nice site.", "", "", 0),
            ],
        )
        cls.report = imported(cls.path, "isso", site_url="https://old.example")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()
        super().tearDownClass()

    def test_markdown_goes_through_our_renderer_and_likes_are_kept(self):
        comment = comment_from("1", source="isso")
        assert comment.body_html == "<p>The <em>judge</em> was right.</p>"
        assert comment.like_count == 3
        assert comment.created_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)

    def test_a_page_is_matched_to_our_article_by_its_slug(self):
        thread = Thread.objects.get(article=self.article)
        assert thread.comment_count == 2

    def test_deleted_and_pending_comments_are_kept_as_such(self):
        assert comment_from("2", source="isso").state == Comment.State.DELETED
        assert comment_from("3", source="isso").parent == comment_from("2", source="isso")
        assert comment_from("4", source="isso").state == Comment.State.PENDING

    def test_a_page_of_ours_that_is_no_article_gets_a_keyed_thread(self):
        assert self.report.unmatched_pages == ["https://old.example/about"]
        assert comment_from("5", source="isso").author_name == "Anonymous"

    def test_the_article_page_shows_the_placeholder_and_the_reply_but_not_the_held_one(self):
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Comment deleted." in page
        assert "Why was it deleted?" in page
        assert "Held for review." not in page
        assert "a@example.org" not in page


class IssoRefusalTests(TestCase):
    def test_page_paths_without_the_site_s_address_are_skipped_with_the_reason(self):
        with TemporaryDirectory() as folder:
            path = isso_database(
                folder, [(1, "/about/", "About")], [(1, 1, None, WRITTEN, 1, "", "Hi.", "A", "", 0)]
            )
            report = imported(path, "isso")
        assert "give the site's address" in report.skipped[0]["reason"]
        assert not Comment.objects.exists()

    def test_a_file_that_is_not_an_isso_database_is_refused(self):
        with TemporaryDirectory() as folder:
            path = Path(folder) / "notes.db"
            sqlite3.connect(path).close()
            with pytest.raises(ImportRefused, match="not an Isso database"):
                imported(path, "isso")
