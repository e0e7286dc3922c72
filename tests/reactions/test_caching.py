"""The poll stays live and per reader on an article page whose story comes from the cache."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.reactions.test_views import ReactionsTestCase, poll_section


class PollBesideCachedStoryTests(ReactionsTestCase):
    def page(self, client: Client) -> tuple[str, list[str]]:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(self.article.get_absolute_url()).content.decode()
        return poll_section(html), [query["sql"] for query in queries.captured_queries]

    def test_votes_show_at_once_and_each_reader_keeps_their_own_answer(self) -> None:
        first, second = Client(), Client()
        self.page(first)  # the story block is now cached
        first.post(self.url, {"choice": "yes"}, follow=True)  # no JavaScript: 307, then 302
        poll, queries = self.page(first)
        assert not any("articles_byline" in sql for sql in queries)
        assert 'name="withdraw" value="yes" aria-pressed="true"' in poll
        assert "1 vote in total" in poll

        self.page(second)
        second.post(self.url, {"choice": "no"}, follow=True)
        poll, _queries = self.page(second)
        assert 'name="withdraw" value="no" aria-pressed="true"' in poll
        assert 'name="choice" value="yes" aria-pressed="false"' in poll
        assert "2 votes in total" in poll

        poll, _queries = self.page(first)
        assert 'name="withdraw" value="yes" aria-pressed="true"' in poll
        assert "2 votes in total" in poll

    def test_a_withdrawn_vote_hides_the_counts_again(self) -> None:
        self.client.post(self.url, {"choice": "yes"})
        assert "1 vote in total" in self.page(self.client)[0]
        self.client.post(self.url, {"withdraw": "yes"})
        assert "data-poll-result" not in self.page(self.client)[0]
