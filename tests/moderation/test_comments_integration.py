"""Moderation as readers meet it on an article page: the policy they accept, the private
status link they are given, the report link, and removed comments leaving pages and feeds."""

import re

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from gazette.comments.models import Comment, ReplySubscription
from gazette.comments.services import post_comment, thread_for_article
from gazette.moderation.models import Clause
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from tests.comments.helpers import GENEROUS_RATES, comment_check, posting_as
from tests.factories import ArticleFactory
from tests.moderation.factories import WHY, ScreeningTermFactory, post, staff_in


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory()
        cls.moderator = staff_in(MODERATOR)

    def post_form(self, body="The ruling is worth reading in full."):
        data = {"name": "Dana", "body": body, "accept_policy": "on", **comment_check(self.article)}
        url = reverse("comments:post", kwargs={"article_pk": self.article.pk})
        return self.client.post(url, data, follow=True)

    def test_new_comment_records_the_policy_version_in_force_and_gives_a_status_link(self):
        response = self.post_form()
        comment = Comment.objects.get()
        assert comment.policy_version == "1"
        self.assertContains(response, "/en/comment-status/")
        self.assertContains(response, "Keep this private link")

    def test_a_comment_posted_in_place_also_gives_its_status_link(self):
        data = {
            "name": "Dana",
            "body": "Worth reading.",
            "accept_policy": "on",
            **comment_check(self.article),
        }
        url = reverse("comments:post", kwargs={"article_pk": self.article.pk})
        answer = self.client.post(url, data, headers={"accept": "application/json"}).json()
        assert answer["status_url"].startswith("/en/comment-status/")
        assert answer["status_label"] == "Keep this private link to follow your comment."

    def test_comment_form_links_to_the_comment_policy(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, reverse("moderation:policy"))

    def test_each_comment_offers_a_report_link(self):
        self.post_form()
        comment = Comment.objects.get()
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, reverse("moderation:report", kwargs={"pk": comment.pk}))

    def test_blocked_comment_is_refused_and_says_screening_did_it(self):
        ScreeningTermFactory(phrase="scam", action="block", clause_key="spam")
        response = self.post_form("Total scam, buy here")
        self.assertContains(response, "refused automatically", status_code=403)
        self.assertContains(response, "No spam or advertising", status_code=403)
        assert not Comment.objects.exists()

    def test_removed_comment_leaves_the_page_the_feed_and_the_count(self):
        thread_comment = post(self.thread(), "Remove me please.")
        kept = post(self.thread(), "Keep me.")
        clause = Clause.objects.get(version__number=1, key="attacks")
        decisions.remove_comment(
            explanation=WHY, comment=thread_comment, actor=self.moderator, clause=clause
        )
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Remove me please." not in page
        assert "Keep me." in page
        assert "1 Comment" in page
        feed = self.client.get(
            reverse("comments:feed", kwargs={"article_pk": self.article.pk})
        ).content.decode()
        assert "Remove me please." not in feed
        assert kept.body in feed

    def thread(self):
        return thread_for_article(self.article)


class LinksInEmailTests(TestCase):
    """Every e-mail follows the one absolute-URL rule: a moderation notice and a reply
    notification sent from the task worker point at the same site."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        cls.clause = Clause.objects.get(version__number=1, key="attacks")

    def mail_links(self):
        thread = thread_for_article(ArticleFactory())
        with self.captureOnCommitCallbacks(execute=True):
            parent = post_comment(
                thread=thread,
                **posting_as("Dana", anonymous_id="dana", email="dana@example.org"),
                body="First.",
                notify=True,
            )
            ReplySubscription.objects.update(confirmed_at=timezone.now())
            post(thread, "A reply.", parent_id=parent.pk, anonymous_id="erlan")
        with self.captureOnCommitCallbacks(execute=True):
            decisions.remove_comment(
                explanation=WHY, comment=parent, actor=self.moderator, clause=self.clause
            )
        # The reply notification, then the notice of the removal.
        return [re.findall(r"https?://[^\s\"'<>]+", message.body) for message in mail.outbox]

    @override_settings(GAZETTE_BASE_URL="")
    def test_without_a_base_url_every_link_points_at_the_local_site(self):
        messages = self.mail_links()
        assert len(messages) == 2
        assert all(links for links in messages)
        assert all(
            link.startswith("http://127.0.0.1:8000/") for links in messages for link in links
        )

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_with_a_base_url_every_link_uses_it(self):
        links = [link for message in self.mail_links() for link in message]
        assert links
        assert all(link.startswith("https://news.example.org/") for link in links)
