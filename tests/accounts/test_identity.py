"""A reader's identity exists before their first vote or like: ten first clicks sent at once
from one browser count once, or not at all, never ten times."""

import threading

import pytest
from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.urls import reverse

from gazette.accounts.readers import READER_COOKIE
from gazette.comments import services as comments
from gazette.comments.models import CommentLike
from gazette.reactions.models import Vote
from tests.comments.helpers import GENEROUS_RATES, posting_as
from tests.factories import ArticleFactory, yes_no_reaction_set

JSON = {"HTTP_ACCEPT": "application/json"}
AT_ONCE = 10


def at_once(work, how_many=AT_ONCE):
    """Run work() on `how_many` threads released together; return what each answered."""
    barrier = threading.Barrier(how_many)
    answers, errors = [], []

    def runner():
        try:
            barrier.wait()
            answers.append(work())
        except BaseException as exc:  # reported to the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(how_many)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return answers


class IdentityEndpointTests(TestCase):
    def test_the_first_ask_gives_the_cookie_and_nothing_else(self):
        response = self.client.get(reverse("reader"))
        assert response.status_code == 204
        assert response.content == b""
        assert response.cookies[READER_COOKIE]["httponly"] is True
        assert "no-store" in response["Cache-Control"]

    def test_asking_again_keeps_the_same_reader(self):
        self.client.get(reverse("reader"))
        assert READER_COOKIE not in self.client.get(reverse("reader")).cookies

    def test_pages_kept_for_every_reader_say_where_to_ask_and_nothing_personal(self):
        article = ArticleFactory()
        first = Client().get(article.get_absolute_url())
        second = Client().get(article.get_absolute_url())
        assert first.content == second.content
        assert b'<meta name="gazette-reader" content="/reader/">' in first.content
        assert READER_COOKIE not in first.cookies


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class FirstClicksAtOnceTests(TransactionTestCase):
    # The rows data migrations made (the Comment Policy, staff roles) are back for later tests.
    serialized_rollback = True

    def setUp(self):
        yes_no_reaction_set()
        self.article = ArticleFactory()
        self.vote_url = f"/en/reactions/articles/{self.article.pk}/vote/"
        thread = comments.thread_for_article(self.article)
        comment = comments.post_comment(
            thread=thread, **posting_as("Dana", anonymous_id="dana"), body="A point."
        )
        self.like_url = reverse("comments:like", kwargs={"pk": comment.pk})

    def from_one_browser(self, url, data, cookie=""):
        def click():
            browser = Client()
            if cookie:
                browser.cookies[READER_COOKIE] = cookie
            return browser.post(url, data, **JSON)

        return click

    def test_first_votes_sent_at_once_without_a_cookie_write_nothing(self):
        answers = at_once(self.from_one_browser(self.vote_url, {"choice": "yes"}))
        assert [answer.status_code for answer in answers] == [403] * AT_ONCE
        assert all(READER_COOKIE in answer.cookies for answer in answers)
        assert Vote.objects.count() == 0

    def test_first_likes_sent_at_once_without_a_cookie_write_nothing(self):
        answers = at_once(self.from_one_browser(self.like_url, {"liked": "on"}))
        assert [answer.status_code for answer in answers] == [403] * AT_ONCE
        assert CommentLike.objects.count() == 0

    # Ten writes at once need real concurrency: SQLite's shared in-memory test database locks
    # its tables instead.
    @pytest.mark.postgres
    def test_after_the_one_identity_ten_votes_at_once_count_once(self):
        cookie = Client().get(reverse("reader")).cookies[READER_COOKIE].value
        at_once(self.from_one_browser(self.vote_url, {"choice": "yes"}, cookie))
        assert Vote.objects.count() == 1

    @pytest.mark.postgres
    def test_after_the_one_identity_ten_likes_at_once_count_once(self):
        cookie = Client().get(reverse("reader")).cookies[READER_COOKIE].value
        at_once(self.from_one_browser(self.like_url, {"liked": "on"}, cookie))
        assert CommentLike.objects.count() == 1
