import pytest
from django.test import TestCase
from django.urls import reverse

from gazette.comments import services
from gazette.comments.exceptions import CommentsClosed
from gazette.comments.models import ClosedSection, Comment, Thread
from gazette.comments.services import AuthorProof
from tests.comments.helpers import posting_as
from tests.factories import ArticleFactory, ThreadFactory, UserFactory


class CommentAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = UserFactory(is_staff=True, is_superuser=True)
        cls.thread = ThreadFactory()
        cls.comment = services.post_comment(
            thread=cls.thread,
            **posting_as(name="Dana", anonymous_id="d"),
            body="First version.",
        )
        services.edit_comment(
            comment_id=cls.comment.pk,
            proof=AuthorProof(comment_ids=frozenset({cls.comment.pk})),
            body="Second version.",
        )

    def setUp(self):
        self.client.force_login(self.staff)

    def test_moderators_see_the_edit_history(self):
        url = reverse("admin:comments_comment_change", args=[self.comment.pk])
        html = self.client.get(url).content.decode()
        assert "First version." in html
        assert "Second version." in html

    def test_close_threads_action(self):
        self.client.post(
            reverse("admin:comments_thread_changelist"),
            {"action": "close_threads", "_selected_action": [self.thread.pk]},
        )
        assert Thread.objects.get(pk=self.thread.pk).is_closed

    def test_comment_list_opens(self):
        response = self.client.get(reverse("admin:comments_comment_changelist"))
        assert response.status_code == 200
        assert Comment.objects.count() == 1

    def test_an_article_can_be_closed_before_its_first_comment(self):
        article = ArticleFactory()
        response = self.client.post(
            reverse("admin:comments_thread_add"),
            {"article": article.pk, "is_closed": "on", "closed_reason": "Under appeal."},
        )
        assert response.status_code == 302
        thread = Thread.objects.get(article=article)
        assert (thread.key, thread.is_closed, thread.closed_reason) == (
            f"article:{article.pk}",
            True,
            "Under appeal.",
        )


class ClosedSectionAdminTests(TestCase):
    """Closing a section in the admin goes through the service: its discussions' cached pages
    change at once, and reopening undoes it."""

    @classmethod
    def setUpTestData(cls):
        cls.staff = UserFactory(is_staff=True, is_superuser=True)
        cls.thread = ThreadFactory()
        cls.section = cls.thread.article.section

    def setUp(self):
        self.client.force_login(self.staff)

    def version(self):
        return Thread.objects.values_list("version", flat=True).get(pk=self.thread.pk)

    def test_closing_and_reopening_a_section_changes_its_threads(self):
        before = self.version()
        self.client.post(
            reverse("admin:comments_closedsection_add"),
            {"section": self.section.pk, "reason": "The trial has begun."},
        )
        closed = ClosedSection.objects.get()
        assert closed.reason == "The trial has begun."
        assert self.version() == before + 1
        with pytest.raises(CommentsClosed):
            services.refuse_if_closed(Thread.objects.get(pk=self.thread.pk))
        self.client.post(
            reverse("admin:comments_closedsection_delete", args=[closed.pk]), {"post": "yes"}
        )
        assert not ClosedSection.objects.exists()
        assert self.version() == before + 2
