"""The nudge before posting, as a reader meets it: the words are shown once, nothing is sent,
and the second send records whether the reader rephrased."""

from django.test import TestCase, override_settings
from django.urls import reverse

from gazette.comments.models import Comment
from gazette.moderation.models import AuditEntry, ScreeningTerm
from tests.comments.helpers import GENEROUS_RATES, comment_check
from tests.factories import ArticleFactory
from tests.moderation.factories import ScreeningTermFactory

JSON = {"HTTP_ACCEPT": "application/json"}
INSULT = "You are a blorfy, and this ruling is fine."


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class NudgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})
        ScreeningTermFactory(
            phrase="blorfy", action=ScreeningTerm.Action.SUSPECT, clause_key="attacks"
        )
        ScreeningTermFactory(
            phrase="zorbcoin", action=ScreeningTerm.Action.SUSPECT, clause_key="spam"
        )

    def setUp(self):
        self.check = comment_check(self.article)

    def send(self, body, **extra):
        data = {"name": "Dana", "body": body, "accept_policy": "on", **self.check, **extra}
        return self.client.post(self.url, data)

    def nudges(self, outcome):
        return AuditEntry.objects.filter(event="nudged", outcome=outcome).count()

    def test_the_words_are_shown_and_nothing_is_sent(self):
        response = self.send(INSULT)
        self.assertContains(response, "Before you post")
        self.assertContains(response, "“blorfy”")
        self.assertContains(response, INSULT)  # the reader's text, kept in the form
        assert not Comment.objects.exists()
        assert self.nudges("shown") == 1

    def test_sent_as_written_it_goes_to_moderation_and_is_counted(self):
        token = self.send(INSULT).context["discussion"].form["nudged"].value()
        response = self.send(INSULT, nudged=token)
        assert response.status_code == 302  # the captcha answer was not spent on the nudge
        comment = Comment.objects.get()
        assert comment.state == Comment.State.PENDING
        assert comment.abuse_signals["nudged"] == "as_written"
        assert self.nudges("as_written") == 1

    def test_rephrased_it_is_published_and_counted(self):
        token = self.send(INSULT).context["discussion"].form["nudged"].value()
        self.send("I disagree with you, but this ruling is fine.", nudged=token)
        comment = Comment.objects.get()
        assert comment.is_published
        assert self.nudges("rephrased") == 1

    def test_a_forged_token_gets_the_nudge_again_and_no_comment(self):
        self.assertContains(self.send(INSULT, nudged="forged"), "Before you post")
        assert not Comment.objects.exists()

    def test_the_script_gets_the_nudge_as_json(self):
        data = {"name": "Dana", "body": INSULT, "accept_policy": "on", **self.check}
        answer = self.client.post(self.url, data, **JSON).json()
        assert answer["nudge"]["words"] == ["blorfy"]
        assert answer["nudge"]["token"]
        assert not Comment.objects.exists()

    def test_spam_words_are_not_shown_to_the_spammer(self):
        response = self.send("Buy zorbcoin today, it doubles.")
        assert response.status_code == 302
        assert Comment.objects.get().state == Comment.State.PENDING
        assert self.nudges("shown") == 0
