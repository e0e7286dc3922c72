"""Cross-site posts are refused by where the browser says they come from (core/csrf.py); a
request that says nothing still needs Django's token."""

from django.test import Client, TestCase, override_settings

from gazette.comments.models import Comment
from gazette.comments.services import thread_for_article
from gazette.reactions.models import Vote
from tests.comments.helpers import GENEROUS_RATES, comment_check
from tests.factories import ArticleFactory, identified, yes_no_reaction_set

SAME_ORIGIN = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class CrossSitePostTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.article = ArticleFactory()
        thread_for_article(cls.article)
        cls.comment_url = f"/en/comments/article/{cls.article.pk}/post/"
        cls.vote_url = f"/en/reactions/articles/{cls.article.pk}/vote/"

    def setUp(self) -> None:
        self.browser = Client(enforce_csrf_checks=True)
        # The reader has read the page (kept for every reader: no token, no cookie), and its
        # script has asked for the reader's cookie, as it does before a first vote.
        self.browser.get(self.article.get_absolute_url())
        identified(self.browser)

    def comment(self, headers: dict[str, str]) -> int:
        fields = {
            "name": "Dana",
            "body": "Hello.",
            "accept_policy": "on",
            **comment_check(self.article),
        }
        return self.browser.post(self.comment_url, fields, headers=headers).status_code

    def test_a_comment_sent_from_our_page_is_accepted_without_a_token(self) -> None:
        assert self.comment(SAME_ORIGIN) == 302
        assert Comment.objects.count() == 1

    def test_a_comment_forged_by_another_site_is_refused(self) -> None:
        attacks = [
            {"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
            # A sibling subdomain is another site to us, even though cookies may reach it.
            {"origin": "http://blog.testserver", "sec-fetch-site": "same-site"},
            # Browsers without Sec-Fetch-Site still send Origin.
            {"origin": "https://evil.example"},
            {"origin": "null"},
            # The same host over plain HTTP is not the HTTPS site (and the other way round).
            {"origin": "https://testserver"},
            # Sec-Fetch-Site cannot be made to disagree with Origin.
            {"origin": "https://evil.example", "sec-fetch-site": "same-origin"},
        ]
        for headers in attacks:
            with self.subTest(**headers):
                assert self.comment(headers) == 403
        assert Comment.objects.count() == 0

    def test_a_request_that_says_nothing_still_needs_the_token(self) -> None:
        assert self.comment({}) == 403
        assert Comment.objects.count() == 0

    @override_settings(CSRF_TRUSTED_ORIGINS=["https://partner.example"])
    def test_a_trusted_origin_may_post_across_sites(self) -> None:
        headers = {"origin": "https://partner.example", "sec-fetch-site": "cross-site"}
        assert self.comment(headers) == 302

    def test_a_forged_vote_is_refused_and_a_real_one_counted(self) -> None:
        forged = {"origin": "https://evil.example", "sec-fetch-site": "cross-site"}
        assert (
            self.browser.post(self.vote_url, {"choice": "yes"}, headers=forged).status_code == 403
        )
        assert Vote.objects.count() == 0
        assert (
            self.browser.post(self.vote_url, {"choice": "yes"}, headers=SAME_ORIGIN).status_code
            == 302
        )
        assert Vote.objects.count() == 1
