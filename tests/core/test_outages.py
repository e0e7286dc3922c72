"""The shared cache (Redis) down: pages still render, protected actions are refused with 503
and a sentence that says what happened, nothing is published unchecked, and the log says so
once a minute rather than once per request."""

import logging

from django.test import Client, TestCase, override_settings
from django.urls import reverse

from gazette.comments.models import Comment
from gazette.core import fragments
from gazette.core.logs import once_a_minute
from gazette.reactions.models import Vote
from tests.comments.helpers import comment_check
from tests.comments.test_views import form_data
from tests.factories import ArticleFactory, identified, yes_no_reaction_set
from tests.reactions.test_views import vote_url

# Nothing listens on the discard port: every connection is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
UNAVAILABLE = "This is temporarily unavailable. Please try again shortly."


class RedisDownTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.article = ArticleFactory()

    def setUp(self) -> None:
        fragments.forget_kept()
        once_a_minute._last.clear()
        once_a_minute._skipped.clear()
        check = comment_check(self.article)  # issued while the cache still works
        self.comment_form = form_data(self.article, body="A remark on the verdict.", **check)
        overridden = override_settings(CACHES=UNREACHABLE_REDIS)
        overridden.enable()
        self.addCleanup(overridden.disable)

    def test_reader_pages_still_render(self) -> None:
        for url in (
            "/en/",
            self.article.get_absolute_url(),
            self.article.section.get_absolute_url(),
        ):
            assert Client().get(url).status_code == 200, url

    def test_posting_a_comment_is_refused_with_503_and_nothing_is_published(self) -> None:
        url = reverse("comments:post", kwargs={"article_pk": self.article.pk})
        response = Client().post(url, self.comment_form)
        assert response.status_code == 503
        self.assertContains(response, UNAVAILABLE, status_code=503)
        self.assertNotContains(response, "too often", status_code=503)
        assert response["Retry-After"] == "30"
        assert not Comment.objects.exists()

    def test_a_vote_is_refused_with_503_and_not_counted(self) -> None:
        response = identified(Client()).post(
            vote_url(self.article), {"choice": "yes"}, HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 503
        assert response.json()["error"] == UNAVAILABLE
        assert not Vote.objects.exists()

    def test_the_challenge_endpoint_says_temporarily_unavailable(self) -> None:
        response = Client().get(
            reverse("challenges:new") + "?for=signup", HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 503
        assert response.json() == {
            "error": "temporarily_unavailable",
            "message": UNAVAILABLE,
            "retry_after": 30,
        }

    def test_the_outage_is_logged_once_a_minute_not_once_per_request(self) -> None:
        with self.assertLogs(level=logging.WARNING) as logs:
            for _ in range(20):
                identified(Client()).post(vote_url(self.article), {"choice": "yes"})
                Client().get(self.article.get_absolute_url())
        lines = [record.getMessage() for record in logs.records]
        assert len(lines) == len(set(lines)) <= 6, lines
        assert any("Counter store failed" in line for line in lines)
        assert not any(record.exc_info for record in logs.records)
