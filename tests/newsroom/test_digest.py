from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from gazette.newsroom import digest
from gazette.newsroom.models import DigestSubscription
from gazette.newsroom.services import refresh_figures, subscribe_to_digest
from tests.factories import ArticleFactory, UserFactory
from tests.newsroom.helpers import comment, editor, vote


class WeeklyDigestTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory(headline="Verdict expected on Friday")
        vote(cls.article, "ana", "yes")
        comment(cls.article, "ana")
        refresh_figures()
        cls.editor = editor()
        cls.editor.email = "editor@example.org"
        cls.editor.save()

    def subscribe(self, language="en"):
        return subscribe_to_digest(user=self.editor, language=language)

    def test_a_due_digest_is_sent_once_with_one_click_unsubscribe(self) -> None:
        subscription = self.subscribe()
        with self.captureOnCommitCallbacks(execute=True):
            assert digest.enqueue_due_digests() == 1
            assert digest.enqueue_due_digests() == 0
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["editor@example.org"]
        assert "Verdict expected on Friday" in message.body
        token = digest.unsubscribe_token(subscription.pk)
        assert token in message.extra_headers["List-Unsubscribe"]
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "ana" not in message.body.lower().split()

    def test_the_digest_is_due_again_a_week_later(self) -> None:
        self.subscribe()
        digest.enqueue_due_digests()
        assert digest.enqueue_due_digests(timezone.now() + timedelta(days=7)) == 1

    def test_the_digest_is_written_in_the_editors_language(self) -> None:
        self.subscribe(language="ru")
        with translation.override("ru"):
            expected = translation.gettext("Most discussed articles:")
        digest.send_digest(DigestSubscription.objects.get().pk)
        assert expected in mail.outbox[0].body

    def test_one_click_unsubscribes_without_a_session(self) -> None:
        subscription = self.subscribe()
        with translation.override("en"):
            url = reverse(
                "newsroom:unsubscribe", kwargs={"token": digest.unsubscribe_token(subscription.pk)}
            )
        assert self.client.get(url).status_code == 200
        assert DigestSubscription.objects.get().is_active
        assert self.client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
        assert not DigestSubscription.objects.get().is_active
        assert digest.enqueue_due_digests() == 0

    def test_a_forged_link_unsubscribes_no_one(self) -> None:
        self.subscribe()
        with translation.override("en"):
            url = reverse("newsroom:unsubscribe", kwargs={"token": "forged"})
        assert self.client.post(url).status_code == 400
        assert DigestSubscription.objects.get().is_active

    def test_an_editor_opts_in_and_out_on_the_dashboard(self) -> None:
        self.client.force_login(self.editor)
        with translation.override("en"):
            url = reverse("newsroom:digest")
        self.client.post(url, {"digest": "on"})
        assert DigestSubscription.objects.get().is_active
        self.client.post(url, {"digest": "off"})
        assert not DigestSubscription.objects.get().is_active

    def test_a_reader_cannot_ask_for_the_digest(self) -> None:
        self.client.force_login(UserFactory())
        with translation.override("en"):
            url = reverse("newsroom:digest")
        assert self.client.post(url, {"digest": "on"}).status_code == 403
        assert not DigestSubscription.objects.exists()
