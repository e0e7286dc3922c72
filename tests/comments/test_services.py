from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.accounts.readers import Reader
from gazette.comments import services
from gazette.comments.exceptions import (
    CommentError,
    CommentRejected,
    CommentsClosed,
    EditWindowClosed,
    EmailNotVerified,
    EmailRequired,
    NotCommentAuthor,
    ParentNotFound,
    ParentNotPublished,
    SignInRequired,
)
from gazette.comments.models import Comment, CommentRevision, ReplySubscription, Thread
from gazette.comments.seam import Unmoderated
from gazette.comments.services import AuthorProof
from gazette.moderation.models import ScreeningTerm
from tests.comments.helpers import HELD, moderation_connected, posting_as
from tests.factories import ArticleFactory, ThreadFactory, UserFactory
from tests.moderation.factories import ScreeningTermFactory

DANA = posting_as("Dana", anonymous_id="reader-dana", ip_hash="h1")
ERLAN = posting_as("Erlan", anonymous_id="reader-erlan", ip_hash="h2")


def post(thread, author=DANA, body="The verdict deserves a closer look.", **kwargs):
    return services.post_comment(thread=thread, **author, body=body, **kwargs)


class BrokenScreening(Unmoderated):
    """A moderation whose screening machinery fails, as a model that cannot load would."""

    def screen(self, submission):
        raise RuntimeError("classifier down")


class PostCommentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def refreshed_count(self):
        self.thread.refresh_from_db()
        return self.thread.comment_count

    def test_comment_is_published_and_counted(self):
        comment = post(self.thread)
        assert comment.state == Comment.State.PUBLISHED
        assert comment.body_html == "<p>The verdict deserves a closer look.</p>"
        assert comment.policy_version == "1"
        assert self.refreshed_count() == 1

    def test_thread_for_article_is_created_once(self):
        article = ArticleFactory()
        first = services.thread_for_article(article)
        second = services.thread_for_article(article)
        assert first.pk == second.pk
        assert first.key == f"article:{article.pk}"

    def test_empty_comment_is_refused(self):
        with pytest.raises(CommentError):
            post(self.thread, body="   \n ")
        assert self.refreshed_count() == 0
        assert not Comment.objects.exists()

    @override_settings(GAZETTE_COMMENT_MAX_LENGTH=20)
    def test_oversized_comment_is_refused(self):
        with pytest.raises(CommentError, match="at most 20 characters"):
            post(self.thread, body="x" * 21)
        assert not Comment.objects.exists()

    def test_control_characters_are_dropped(self):
        comment = post(
            self.thread, author=posting_as(name="D\x00ana", anonymous_id="c"), body="a\x00b\x07c"
        )
        assert (comment.author_name, comment.body) == ("Dana", "abc")

    def test_reply_is_attached_to_its_parent(self):
        parent = post(self.thread)
        reply = post(self.thread, author=ERLAN, body="Agreed.", parent_id=parent.pk)
        assert reply.parent == parent
        assert reply.root == parent
        assert reply.depth == 1
        assert reply.in_reply_to_name == "Dana"
        assert self.refreshed_count() == 2

    @override_settings(GAZETTE_COMMENT_MAX_DEPTH=2)
    def test_reply_past_the_depth_limit_sits_beside_its_parent(self):
        top = post(self.thread, body="one")
        second = post(self.thread, author=ERLAN, body="two", parent_id=top.pk)
        third = post(self.thread, body="three", parent_id=second.pk)
        fourth = post(self.thread, author=ERLAN, body="four", parent_id=third.pk)
        assert third.depth == 2
        assert fourth.depth == 2
        assert fourth.parent == second
        assert fourth.in_reply_to == third
        assert fourth.in_reply_to_name == "Dana"
        assert fourth.root == top

    def test_unknown_parent_is_refused(self):
        with pytest.raises(ParentNotFound):
            post(self.thread, parent_id=999_999)
        assert not Comment.objects.exists()

    def test_parent_in_another_thread_is_refused(self):
        elsewhere = post(ThreadFactory())
        with pytest.raises(ParentNotFound):
            post(self.thread, author=ERLAN, parent_id=elsewhere.pk)
        assert self.refreshed_count() == 0

    def test_reply_to_removed_comment_is_refused(self):
        parent = post(self.thread)
        services.change_comment_state(comment=parent, state=Comment.State.REMOVED)
        with pytest.raises(ParentNotPublished):
            post(self.thread, author=ERLAN, parent_id=parent.pk)
        assert Comment.objects.count() == 1

    def test_double_submit_creates_one_comment(self):
        first = post(self.thread)
        second = post(self.thread, body="  The verdict deserves a closer look. ")
        assert first.pk == second.pk
        assert self.refreshed_count() == 1

    def test_same_text_after_the_dedupe_window_is_a_new_comment(self):
        first = post(self.thread)
        Comment.objects.filter(pk=first.pk).update(
            created_at=timezone.now() - timedelta(seconds=60)
        )
        second = post(self.thread)
        assert first.pk != second.pk

    def test_same_text_from_another_reader_is_a_new_comment(self):
        assert post(self.thread).pk != post(self.thread, author=ERLAN).pk

    @override_settings(GAZETTE_COMMENTS_REQUIRE_SIGN_IN=True)
    def test_site_can_require_sign_in(self):
        with pytest.raises(SignInRequired):
            post(self.thread)
        member = posting_as("Member", user=UserFactory())
        assert post(self.thread, author=member).is_published

    def test_abuse_signals_hold_the_comment_and_are_kept(self):
        comment = post(self.thread, human_check=HELD)
        assert comment.state == Comment.State.PENDING
        assert comment.abuse_signals["hold_for_review"] is True
        assert comment.abuse_signals["fill_seconds"] == 1.2
        assert self.refreshed_count() == 0

    def test_screening_can_hold(self):
        ScreeningTermFactory(phrase="closer", action=ScreeningTerm.Action.SUSPECT)
        comment = post(self.thread)
        assert comment.state == Comment.State.PENDING
        assert any("closer" in reason for reason in comment.screening_reasons)

    def test_screening_can_reject(self):
        ScreeningTermFactory(phrase="closer", action=ScreeningTerm.Action.BLOCK)
        with pytest.raises(CommentRejected):
            post(self.thread)
        assert not Comment.objects.exists()

    def test_failing_screening_holds(self):
        with moderation_connected(BrokenScreening()):
            assert post(self.thread).state == Comment.State.PENDING


class ClosingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def test_closed_thread_accepts_nothing(self):
        services.close_thread(thread=self.thread, reason="The trial is under way.")
        with pytest.raises(CommentsClosed, match=r"The trial is under way\."):
            post(self.thread)
        assert not Comment.objects.exists()

    def test_closed_thread_takes_no_likes_or_edits_but_allows_deletion(self):
        comment = post(self.thread)
        services.close_thread(thread=self.thread)
        proof = AuthorProof(comment_ids=frozenset({comment.pk}))
        with pytest.raises(CommentsClosed):
            services.like_comment(comment_id=comment.pk, reader=Reader.anonymous("abc"))
        with pytest.raises(CommentsClosed):
            services.edit_comment(comment_id=comment.pk, proof=proof, body="Changed.")
        services.delete_comment(comment_id=comment.pk, proof=proof)
        comment.refresh_from_db()
        assert (comment.like_count, comment.body, comment.state) == (0, comment.body, "deleted")

    def test_reopened_thread_accepts_comments(self):
        services.close_thread(thread=self.thread)
        services.reopen_thread(thread=self.thread)
        assert post(self.thread).is_published

    def test_closed_section_closes_its_articles(self):
        services.close_section(section=self.thread.article.section, reason="")
        with pytest.raises(CommentsClosed, match="closed in this section"):
            post(self.thread)
        services.reopen_section(section=self.thread.article.section)
        assert post(self.thread).is_published

    @override_settings(GAZETTE_COMMENT_AUTO_CLOSE_DAYS=7)
    def test_thread_closes_some_days_after_publication(self):
        old = ThreadFactory(article=ArticleFactory(published_at=timezone.now() - timedelta(days=8)))
        with pytest.raises(CommentsClosed, match="7 days after publication"):
            post(old)
        assert post(self.thread).is_published


class EditAndDeleteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def setUp(self):
        self.comment = post(self.thread, body="First *draft*.")
        self.proof = AuthorProof(comment_ids=frozenset({self.comment.pk}))

    def age(self, minutes):
        Comment.objects.filter(pk=self.comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=minutes)
        )

    def test_author_edits_and_history_is_kept(self):
        edited = services.edit_comment(
            comment_id=self.comment.pk, proof=self.proof, body="Second **take**."
        )
        assert edited.body_html == "<p>Second <strong>take</strong>.</p>"
        assert edited.edited_at is not None
        assert list(CommentRevision.objects.values_list("body", flat=True)) == ["First *draft*."]

    def test_someone_else_cannot_edit(self):
        with pytest.raises(NotCommentAuthor):
            services.edit_comment(comment_id=self.comment.pk, proof=AuthorProof(), body="Mine.")
        self.comment.refresh_from_db()
        assert self.comment.body == "First *draft*."

    def test_edit_window_closes(self):
        self.age(16)
        with pytest.raises(EditWindowClosed):
            services.edit_comment(comment_id=self.comment.pk, proof=self.proof, body="Late.")
        assert not CommentRevision.objects.exists()

    @override_settings(GAZETTE_COMMENT_EDIT_MINUTES=60)
    def test_edit_window_is_configurable(self):
        self.age(30)
        edited = services.edit_comment(comment_id=self.comment.pk, proof=self.proof, body="Ok.")
        assert edited.body == "Ok."

    def test_account_owns_its_comments(self):
        user = UserFactory()
        mine = post(self.thread, author=posting_as(name="M", user=user), body="By account.")
        with pytest.raises(NotCommentAuthor):
            services.delete_comment(
                comment_id=mine.pk, proof=AuthorProof(comment_ids=frozenset({mine.pk}))
            )
        deleted = services.delete_comment(comment_id=mine.pk, proof=AuthorProof(user_id=user.pk))
        assert deleted.state == Comment.State.DELETED

    def test_held_edit_takes_the_comment_out_of_the_count(self):
        ScreeningTermFactory(phrase="edited", action=ScreeningTerm.Action.SUSPECT)
        Comment.objects.filter(pk=self.comment.pk).update(state=Comment.State.PUBLISHED)
        services.edit_comment(comment_id=self.comment.pk, proof=self.proof, body="Edited.")
        self.comment.refresh_from_db()
        self.thread.refresh_from_db()
        assert self.comment.state == Comment.State.PENDING
        assert self.thread.comment_count == 0

    def test_delete_without_replies(self):
        services.delete_comment(comment_id=self.comment.pk, proof=self.proof)
        self.thread.refresh_from_db()
        assert self.thread.comment_count == 0

    def test_delete_twice_counts_once(self):
        post(self.thread, author=ERLAN)
        services.delete_comment(comment_id=self.comment.pk, proof=self.proof)
        with pytest.raises(CommentError):
            services.delete_comment(comment_id=self.comment.pk, proof=self.proof)
        self.thread.refresh_from_db()
        assert self.thread.comment_count == 1

    def test_delete_after_the_window_is_refused(self):
        self.age(16)
        with pytest.raises(EditWindowClosed):
            services.delete_comment(comment_id=self.comment.pk, proof=self.proof)
        self.comment.refresh_from_db()
        assert self.comment.is_published


class ChangeStateTests(TestCase):
    def test_counts_follow_every_transition(self):
        thread = ThreadFactory()
        comment = post(thread, human_check=HELD)
        steps = [
            (Comment.State.PUBLISHED, 1),
            (Comment.State.PUBLISHED, 1),
            (Comment.State.REMOVED, 0),
            (Comment.State.PUBLISHED, 1),
            (Comment.State.PENDING, 0),
        ]
        seen = []
        for state, _expected in steps:
            services.change_comment_state(comment=comment, state=state)
            thread.refresh_from_db()
            seen.append((comment.state, thread.comment_count))
        assert seen == steps


class NotificationRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()

    def test_anonymous_reader_needs_an_address(self):
        with pytest.raises(EmailRequired):
            post(self.thread, notify=True)
        assert not Comment.objects.exists()

    def test_unverified_account_is_refused(self):
        author = posting_as("M", user=UserFactory(email="m@example.org"))
        with pytest.raises(EmailNotVerified):
            post(self.thread, author=author, notify=True)
        assert not Comment.objects.exists()

    def test_verified_account_is_subscribed_at_once(self):
        user = UserFactory(email="v@example.org", email_verified_at=timezone.now())
        with self.captureOnCommitCallbacks(execute=True):
            comment = post(self.thread, author=posting_as(name="V", user=user), notify=True)
        assert comment.subscription.is_active
        assert mail.outbox == []

    def test_anonymous_address_gets_a_confirmation_link(self):
        author = posting_as("A", email="A@Example.org", anonymous_id="x")
        with self.captureOnCommitCallbacks(execute=True):
            comment = post(self.thread, author=author, notify=True)
        subscription = ReplySubscription.objects.get()
        assert subscription.email == "a@example.org"
        assert comment.subscription == subscription
        assert not subscription.is_active
        assert [message.to for message in mail.outbox] == [["a@example.org"]]


class ThreadModelTests(TestCase):
    def test_thread_key_is_unique_per_site(self):
        thread = ThreadFactory()
        assert Thread.objects.filter(site=thread.site, key=thread.key).count() == 1


class HeaderSafeNameTests(TestCase):
    def test_a_name_with_line_breaks_is_stored_on_one_line(self):
        thread = ThreadFactory()
        comment = post(thread, author=posting_as("Dana\r\nBcc: all@example.org", anonymous_id="z"))
        assert comment.author_name == "Dana Bcc: all@example.org"
