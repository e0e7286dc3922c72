from django.test import TestCase, override_settings

from gazette.comments import services
from gazette.reactions.models import Poll, Vote
from tests.api.helpers import (
    PAGE,
    SiteFactory,
    assert_problem,
    call,
    new_reader_token,
    reader_headers,
)
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import ThreadFactory, yes_no_reaction_set

GENEROUS = override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})


@GENEROUS
class PollTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        yes_no_reaction_set()
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def setUp(self):
        self.url = f"/api/v1/threads/{self.thread.pk}/poll"
        self.headers = reader_headers(new_reader_token(self.client))

    def test_before_any_vote_the_poll_shows_the_default_answers_without_counts(self):
        poll = self.client.get(self.url).json()
        assert [choice["code"] for choice in poll["choices"]] == ["yes", "no"]
        assert poll["show_counts"] is False
        assert {choice["count"] for choice in poll["choices"]} == {None}
        assert not Poll.objects.exists()

    def test_a_vote_opens_the_pages_poll_keyed_like_its_thread(self):
        poll = call(self.client, "PUT", self.url, {"choice": "yes"}, **self.headers).json()
        opened = Poll.objects.get()
        assert (opened.site, opened.key) == (self.site.key, PAGE)
        chosen = {choice["code"]: choice["chosen"] for choice in poll["choices"]}
        assert chosen == {"yes": True, "no": False}
        assert poll["total"] == 1
        assert [choice["count"] for choice in poll["choices"]] == [1, 0]

    def test_a_second_answer_moves_the_vote(self):
        call(self.client, "PUT", self.url, {"choice": "yes"}, **self.headers)
        poll = call(self.client, "PUT", self.url, {"choice": "no"}, **self.headers).json()
        assert [choice["count"] for choice in poll["choices"]] == [0, 1]
        assert Vote.objects.count() == 1

    def test_the_reader_sees_their_own_vote_when_reading(self):
        call(self.client, "PUT", self.url, {"choice": "no"}, **self.headers)
        poll = self.client.get(self.url, **self.headers).json()
        assert [choice["chosen"] for choice in poll["choices"]] == [False, True]
        assert self.client.get(self.url, **self.headers)["Cache-Control"] == "no-store"

    def test_a_withdrawn_vote_is_no_longer_counted(self):
        call(self.client, "PUT", self.url, {"choice": "yes"}, **self.headers)
        call(self.client, "DELETE", self.url, **self.headers)
        assert not Vote.objects.exists()

    def test_a_vote_needs_a_reader_token(self):
        assert_problem(
            call(self.client, "PUT", self.url, {"choice": "yes"}), 401, "reader_token_required"
        )
        assert not Vote.objects.exists()

    def test_an_answer_the_poll_does_not_offer_is_named(self):
        response = call(self.client, "PUT", self.url, {"choice": "maybe"}, **self.headers)
        problem = assert_problem(response, 422, "unknown_choice")
        assert problem["errors"][0]["field"] == "choice"

    def test_an_article_threads_poll_is_the_articles(self):
        thread = ThreadFactory()
        call(
            self.client,
            "PUT",
            f"/api/v1/threads/{thread.pk}/poll",
            {"choice": "yes"},
            **self.headers,
        )
        poll = Poll.objects.get()
        assert poll.article_id == thread.article_id
        assert poll.key == f"article:{thread.article_id}"
