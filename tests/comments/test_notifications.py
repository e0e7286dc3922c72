import re

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from gazette.comments import notifications, services
from gazette.comments.models import Comment, ReplySubscription
from tests.comments.helpers import HELD, posting_as
from tests.factories import ThreadFactory, UserFactory

ASKING = posting_as("Dana", email="dana@example.org", anonymous_id="d", language="en")
REPLYING = posting_as("Erlan", email="erlan@example.org", anonymous_id="e")


def link_in(message, fragment):
    return next(url for url in re.findall(r"https?://\S+", message.body) if fragment in url)


class ReplyNotificationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def post(self, author, body, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return services.post_comment(thread=self.thread, **author, body=body, **kwargs)

    def confirmed_comment(self, author=ASKING):
        comment = self.post(author, "Who pays for the appeal?", notify=True)
        services.confirm_subscription(subscription_id=comment.subscription_id)
        mail.outbox.clear()
        return comment

    def test_confirmation_link_confirms(self):
        self.post(ASKING, "Who pays?", notify=True)
        link = link_in(mail.outbox[0], "/confirm/")
        assert self.client.get(link).status_code == 200
        assert not ReplySubscription.objects.get().is_active
        assert self.client.post(link).status_code == 200
        assert ReplySubscription.objects.get().is_active

    def test_no_notice_before_confirmation(self):
        parent = self.post(ASKING, "Who pays?", notify=True)
        mail.outbox.clear()
        self.post(REPLYING, "The state does.", parent_id=parent.pk)
        assert mail.outbox == []

    def test_reply_sends_plain_and_html_bodies(self):
        parent = self.confirmed_comment()
        reply = self.post(REPLYING, "The *state* does.", parent_id=parent.pk)
        (message,) = mail.outbox
        assert message.to == ["dana@example.org"]
        assert "Erlan replied to your comment" in message.subject
        assert "The *state* does." in message.body
        html, kind = message.alternatives[0]
        assert kind == "text/html"
        assert "<em>state</em>" in html
        assert reply.get_absolute_url() in message.body
        assert "erlan@example.org" not in message.body + html
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    def test_a_link_in_the_reply_is_shown_but_not_clickable(self):
        parent = self.confirmed_comment()
        self.post(REPLYING, "See [our bank](https://phish.example/login).", parent_id=parent.pk)
        html, _kind = mail.outbox[0].alternatives[0]
        assert "our bank (https://phish.example/login)" in html
        assert 'href="https://phish.example' not in html

    def test_subject_is_in_the_readers_language(self):
        parent = self.confirmed_comment(
            posting_as("Dana", email="dana@example.org", anonymous_id="d", language="ru")
        )
        self.post(REPLYING, "Согласен.", parent_id=parent.pk)
        with translation.override("ru"):
            expected = translation.gettext("%(name)s replied to your comment on “%(title)s”") % {
                "name": "Erlan",
                "title": self.thread.title,
            }
        (message,) = mail.outbox
        assert message.subject == expected
        assert "/ru/" in link_in(message, "/comments/")

    def test_one_click_unsubscribe(self):
        parent = self.confirmed_comment()
        self.post(REPLYING, "First reply.", parent_id=parent.pk)
        url = re.search(r"<(.+)>", mail.outbox[0].extra_headers["List-Unsubscribe"]).group(1)
        response = self.client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        mail.outbox.clear()
        self.post(REPLYING, "Second reply.", parent_id=parent.pk)
        assert mail.outbox == []

    def test_unsubscribe_token_cannot_be_forged(self):
        self.confirmed_comment()
        token = notifications.unsubscribe_token(ReplySubscription.objects.get().pk)
        forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        url = reverse("comments:unsubscribe", kwargs={"token": forged})
        assert self.client.post(url).status_code == 400
        assert ReplySubscription.objects.get().is_active

    def test_held_reply_notifies_once_published(self):
        parent = self.confirmed_comment()
        reply = self.post(REPLYING, "Held.", parent_id=parent.pk, human_check=HELD)
        # Only the reply's own author hears of it, that it is held for a moderator.
        assert [message.to for message in mail.outbox] == [["erlan@example.org"]]
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            services.change_comment_state(comment=reply, state=Comment.State.PUBLISHED)
        assert [message.to for message in mail.outbox] == [["dana@example.org"]]

    def test_verified_account_is_notified_without_confirmation(self):
        user = UserFactory(email="acc@example.org", email_verified_at=timezone.now())
        parent = self.post(posting_as("Acc", user=user), "Mine.", notify=True)
        self.post(REPLYING, "Yours.", parent_id=parent.pk)
        assert [message.to for message in mail.outbox] == [["acc@example.org"]]


@override_settings(GAZETTE_CHALLENGES={"RATES": {"confirmation_email": {"ip": "2/86400"}}})
class ConfirmationFloodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def post_from(self, number, email="victim@example.org"):
        author = posting_as(
            f"Reader {number}", email=email, anonymous_id=f"r{number}", ip_hash=f"ip-{number}"
        )
        with self.captureOnCommitCallbacks(execute=True):
            return services.post_comment(
                thread=self.thread, **author, body=f"Point number {number}.", notify=True
            )

    def test_one_inbox_gets_few_confirmation_links_a_day_whoever_posts(self):
        comments = [self.post_from(number) for number in range(4)]
        assert [message.to for message in mail.outbox] == [["victim@example.org"]] * 2
        # The comments themselves are posted; only the mail is held back.
        assert all(comment.is_published for comment in comments)

    def test_the_limit_is_per_address(self):
        for number in range(3):
            self.post_from(number)
        self.post_from(9, email="other@example.org")
        assert [message.to[0] for message in mail.outbox].count("other@example.org") == 1
