import re

from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from gazette.accounts.readers import READER_COOKIE
from gazette.articles.models import Article
from gazette.reactions.models import Poll, Tally, Vote
from gazette.reactions.targets import PollTarget
from tests.factories import (
    ArticleFactory,
    ReactionChoiceFactory,
    ReactionSetFactory,
    UserFactory,
    identified,
    yes_no_reaction_set,
)

JSON = {"HTTP_ACCEPT": "application/json"}


def vote_url(article: Article, language: str = "en") -> str:
    with translation.override(language):
        return reverse("reactions:vote", kwargs={"article_id": article.pk})


def tallies() -> dict[str, int]:
    return dict(Tally.objects.values_list("choice__code", "count"))


def poll_section(html: str) -> str:
    match = re.search(r'<section id="poll".*?</section>', html, re.DOTALL)
    assert match is not None
    return match.group(0)


class ReactionsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.article = ArticleFactory()
        cls.url = vote_url(cls.article)

    def setUp(self) -> None:
        identified(self.client)


class PollPanelTests(ReactionsTestCase):
    def test_the_article_page_asks_the_question_with_a_form_that_works_without_javascript(
        self,
    ) -> None:
        html = poll_section(Client().get(self.article.get_absolute_url()).content.decode())
        assert "Do you like this article?" in html
        assert f'<form class="poll__form" method="post" action="{self.url}">' in html
        # The page is the same for every reader without cookies: no token (core/csrf.py).
        assert 'name="csrfmiddlewaretoken"' not in html
        assert 'name="choice" value="yes" aria-pressed="false"' in html
        assert 'name="choice" value="no" aria-pressed="false"' in html
        assert 'aria-live="polite"' in html

    def test_the_page_links_the_poll_script_and_styles(self) -> None:
        html = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "/static/reactions/poll.js" in html
        assert "/static/reactions/poll.css" in html

    def test_counts_are_not_sent_until_the_reader_votes_not_even_hidden(self) -> None:
        identified(Client()).post(self.url, {"choice": "yes"})
        html = poll_section(self.client.get(self.article.get_absolute_url()).content.decode())
        assert "data-poll-result" not in html
        assert "1 vote" not in html
        assert "in total" not in html
        assert "poll__percent" not in html

    def test_after_voting_the_reader_sees_their_answer_pressed_and_the_counts(self) -> None:
        self.client.post(self.url, {"choice": "no"})
        html = poll_section(self.client.get(self.article.get_absolute_url()).content.decode())
        assert 'name="withdraw" value="no" aria-pressed="true"' in html
        assert 'name="choice" value="yes" aria-pressed="false"' in html
        assert "data-poll-result" in html
        assert 'class="poll__fill" data-percent="100"' in html
        assert "1 vote in total" in html

    @override_settings(GAZETTE_REACTIONS={"SHOW_COUNTS": "always"})
    def test_a_site_can_show_counts_before_voting(self) -> None:
        html = poll_section(self.client.get(self.article.get_absolute_url()).content.decode())
        assert "data-poll-result" in html
        assert "0 votes in total" in html

    def test_the_poll_speaks_the_edition_of_the_article(self) -> None:
        feelings = ReactionSetFactory(question_translations={"ru": "Ваша реакция?"})
        ReactionChoiceFactory(
            reaction_set=feelings, label="Sad", symbol="😢", label_translations={"ru": "Грустно"}
        )
        russian = ArticleFactory(language="ru")
        target = PollTarget.for_article(russian)
        Poll.objects.create(
            site=target.site, key=target.key, article=russian, reaction_set=feelings
        )
        html = poll_section(self.client.get(russian.get_absolute_url()).content.decode())
        assert "Ваша реакция?" in html
        assert "Грустно" in html
        assert vote_url(russian, "ru") in html

    def test_editors_text_is_escaped(self) -> None:
        feelings = ReactionSetFactory(question="<script>alert(1)</script>")
        ReactionChoiceFactory(reaction_set=feelings, label='<img src=x onerror="alert(2)">')
        target = PollTarget.for_article(self.article)
        Poll.objects.create(
            site=target.site, key=target.key, article=self.article, reaction_set=feelings
        )
        html = poll_section(self.client.get(self.article.get_absolute_url()).content.decode())
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_a_preview_of_a_draft_shows_the_poll_closed(self) -> None:
        draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        editor = UserFactory(is_staff=True, is_superuser=True)
        self.client.force_login(editor)
        with translation.override("en"):
            preview = reverse("articles:preview", kwargs={"pk": draft.pk})
        html = poll_section(self.client.get(preview).content.decode())
        assert 'aria-pressed="false" disabled' in html


class VoteWithoutJavaScriptTests(ReactionsTestCase):
    def test_a_vote_returns_the_reader_to_the_poll_with_a_message(self) -> None:
        response = self.client.post(self.url, {"choice": "yes"})
        assert response.status_code == 302
        assert response["Location"] == self.article.get_absolute_url() + "#poll"
        page = self.client.get(response["Location"]).content.decode()
        assert "Thank you, your vote has been counted." in page
        assert tallies() == {"yes": 1}

    def test_a_first_vote_without_a_cookie_gets_one_and_is_sent_again_with_it(self) -> None:
        browser = Client()
        response = browser.post(self.url, {"choice": "yes"})
        assert response.status_code == 307
        assert response["Location"] == self.url + "?reader=1"
        cookie = response.cookies[READER_COOKIE]
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert tallies() == {}
        followed = browser.post(self.url, {"choice": "yes"}, follow=True)
        assert followed.redirect_chain[-1][0] == self.article.get_absolute_url() + "#poll"
        assert tallies() == {"yes": 1}

    def test_a_browser_that_refuses_cookies_is_told_so_and_nothing_is_counted(self) -> None:
        response = Client().post(self.url + "?reader=1", {"choice": "yes"})
        self.assertContains(response, "allow cookies", status_code=403)
        assert tallies() == {}

    def test_a_returning_reader_changes_their_vote(self) -> None:
        self.client.post(self.url, {"choice": "yes"})
        response = self.client.post(self.url, {"choice": "no"})
        assert response.status_code == 302
        assert READER_COOKIE not in response.cookies
        assert Vote.objects.count() == 1
        assert tallies() == {"yes": 0, "no": 1}

    def test_pressing_the_chosen_answer_again_withdraws_the_vote(self) -> None:
        self.client.post(self.url, {"choice": "yes"})
        response = self.client.post(self.url, {"withdraw": "yes"}, follow=True)
        assert "Your vote has been withdrawn." in response.content.decode()
        assert Vote.objects.count() == 0
        assert tallies() == {"yes": 0}

    def test_withdrawing_twice_is_harmless(self) -> None:
        response = self.client.post(self.url, {"withdraw": "yes"}, follow=True)
        assert "You have no vote on this article to withdraw." in response.content.decode()
        assert Vote.objects.count() == 0

    def test_a_signed_in_reader_votes_as_their_account(self) -> None:
        user = UserFactory()
        self.client.force_login(user)
        self.client.post(self.url, {"choice": "yes"})
        other_browser = identified(Client())
        other_browser.force_login(user)
        other_browser.post(self.url, {"choice": "no"})
        assert list(Vote.objects.values_list("reader_key", flat=True)) == [f"user:{user.pk}"]
        assert tallies() == {"yes": 0, "no": 1}

    def test_the_vote_is_answered_in_the_readers_edition(self) -> None:
        response = self.client.post(vote_url(self.article, "ru"), {"choice": "yes"})
        assert response.status_code == 302
        assert tallies() == {"yes": 1}


class VoteWithJavaScriptTests(ReactionsTestCase):
    def test_a_vote_answers_with_the_new_counts(self) -> None:
        identified(Client()).post(self.url, {"choice": "no"})
        response = self.client.post(self.url, {"choice": "yes"}, **JSON)
        assert response.status_code == 200
        data = response.json()
        assert data["message"] == "Thank you, your vote has been counted."
        assert data["poll"]["show_counts"] is True
        assert data["poll"]["total"] == 2
        assert data["poll"]["total_text"] == "2 votes in total"
        assert data["poll"]["choices"] == [
            {"code": "yes", "chosen": True, "count": 1, "count_text": "1 vote", "percent": 50},
            {"code": "no", "chosen": False, "count": 1, "count_text": "1 vote", "percent": 50},
        ]
        assert data["poll"]["summary"] == "Yes: 1 vote, 50%; No: 1 vote, 50%. 2 votes in total."

    def test_a_withdrawal_answers_with_the_counts_hidden_again(self) -> None:
        self.client.post(self.url, {"choice": "yes"}, **JSON)
        data = self.client.post(self.url, {"withdraw": "yes"}, **JSON).json()
        assert data["message"] == "Your vote has been withdrawn."
        assert data["poll"]["show_counts"] is False
        assert data["poll"]["summary"] == ""
        assert data["poll"]["choices"] == [
            {"code": "yes", "chosen": False},
            {"code": "no", "chosen": False},
        ]
        assert "total" not in data["poll"]

    def test_the_answer_is_never_cached(self) -> None:
        response = self.client.post(self.url, {"choice": "yes"}, **JSON)
        assert "no-store" in response["Cache-Control"]


class ForgedCookieTests(ReactionsTestCase):
    def test_a_forged_cookie_is_treated_as_a_new_reader(self) -> None:
        self.client.post(self.url, {"choice": "yes"})
        genuine = self.client.cookies[READER_COOKIE].value
        reader_id = genuine.split(":")[0]
        forged = Client()
        forged.cookies[READER_COOKIE] = f"{reader_id}:1abcde:forged-signature"
        refused = forged.post(self.url, {"choice": "no"}, **JSON)
        # The forger did not take over the genuine vote; they are given a cookie of their own…
        assert refused.status_code == 403
        assert refused.cookies[READER_COOKIE].value.split(":")[0] != reader_id
        # …and with it their vote is a second, separate one.
        response = forged.post(self.url, {"choice": "no"}, **JSON)
        assert response.json()["poll"]["choices"][0]["chosen"] is False
        assert tallies() == {"yes": 1, "no": 1}
        assert Vote.objects.count() == 2


class RefusedVoteTests(ReactionsTestCase):
    def test_an_unknown_answer_is_a_400_with_a_message(self) -> None:
        response = self.client.post(self.url, {"choice": "maybe"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "That answer is not one of this poll&#x27;s choices." in html
        assert f'href="{self.article.get_absolute_url()}#poll"' in html
        assert Vote.objects.count() == 0
        assert READER_COOKIE not in response.cookies

    def test_an_unknown_answer_is_a_400_in_json_too(self) -> None:
        response = self.client.post(self.url, {"choice": "maybe"}, **JSON)
        assert response.status_code == 400
        assert response.json() == {
            "error": "That answer is not one of this poll's choices. Please choose again."
        }
        assert Vote.objects.count() == 0

    def test_an_answer_that_is_not_a_code_is_refused(self) -> None:
        response = self.client.post(self.url, {"choice": "<script>"}, **JSON)
        assert response.status_code == 400
        assert Vote.objects.count() == 0

    def test_a_form_without_an_answer_is_refused(self) -> None:
        response = self.client.post(self.url, {}, **JSON)
        assert response.status_code == 400
        assert response.json() == {"error": "Please choose one of the answers."}

    def test_a_form_with_both_a_vote_and_a_withdrawal_is_refused(self) -> None:
        response = self.client.post(self.url, {"choice": "yes", "withdraw": "yes"})
        assert response.status_code == 400
        assert Vote.objects.count() == 0

    def test_an_unknown_article_is_a_404(self) -> None:
        response = self.client.post(vote_url(Article(pk=self.article.pk + 1000)), {"choice": "yes"})
        assert response.status_code == 404
        assert Poll.objects.count() == 0

    def test_an_unpublished_article_is_a_404(self) -> None:
        draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        scheduled = ArticleFactory(
            status=Article.Status.SCHEDULED,
            published_at=self.article.published_at.replace(year=2100),
        )
        for article in (draft, scheduled):
            assert self.client.post(vote_url(article), {"choice": "yes"}).status_code == 404
        assert Poll.objects.count() == 0

    def test_reading_the_vote_address_is_not_allowed(self) -> None:
        assert self.client.get(self.url).status_code == 405

    def test_a_vote_without_the_csrf_token_is_refused(self) -> None:
        browser = identified(Client(enforce_csrf_checks=True))
        browser.get(self.article.get_absolute_url())
        response = browser.post(self.url, {"choice": "yes"})
        assert response.status_code == 403
        assert Vote.objects.count() == 0

    def test_a_vote_from_this_site_without_a_token_is_accepted(self) -> None:
        # What a browser sends from the page kept for every reader (core/csrf.py).
        browser = identified(Client(enforce_csrf_checks=True))
        browser.get(self.article.get_absolute_url())
        response = browser.post(
            self.url,
            {"choice": "yes"},
            headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
            **JSON,
        )
        assert response.status_code == 200
        assert Vote.objects.count() == 1

    def test_a_vote_with_the_pages_csrf_token_is_accepted(self) -> None:
        # A browser with its reader cookie gets pages rendered for it, with the token.
        browser = identified(Client(enforce_csrf_checks=True))
        html = browser.get(self.article.get_absolute_url()).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token is not None
        response = browser.post(
            self.url, {"choice": "yes"}, HTTP_X_CSRFTOKEN=token.group(1), **JSON
        )
        assert response.status_code == 200
        assert Vote.objects.count() == 1


@override_settings(GAZETTE_CHALLENGES={"RATES": {"vote": {"ip": "2/3600"}}})
class RateLimitTests(ReactionsTestCase):
    def test_too_many_votes_from_one_address_get_a_429_and_are_not_recorded(self) -> None:
        # Each request comes from a new browser (cookies cleared), all from one address.
        identified(Client()).post(self.url, {"choice": "yes"})
        identified(Client()).post(self.url, {"choice": "yes"})
        response = identified(Client()).post(self.url, {"choice": "no"})
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "You are doing that too often." in response.content.decode()
        assert tallies() == {"yes": 2}
        assert Vote.objects.count() == 2

    def test_the_429_is_json_for_the_script(self) -> None:
        identified(Client()).post(self.url, {"choice": "yes"})
        identified(Client()).post(self.url, {"choice": "yes"})
        response = identified(Client()).post(self.url, {"choice": "no"}, **JSON)
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert response.json()["error"].startswith("You are doing that too often.")
        assert tallies() == {"yes": 2}

    def test_another_address_may_still_vote(self) -> None:
        identified(Client()).post(self.url, {"choice": "yes"})
        identified(Client()).post(self.url, {"choice": "yes"})
        response = identified(Client(REMOTE_ADDR="203.0.113.9")).post(self.url, {"choice": "no"})
        assert response.status_code == 302
        assert tallies() == {"yes": 2, "no": 1}
