import pytest
from django.test import TestCase

from gazette.accounts.readers import Reader
from gazette.comments import services
from gazette.comments.exceptions import CommentError
from gazette.comments.models import Comment
from tests.comments.helpers import posting_as
from tests.factories import ThreadFactory, UserFactory


def post(thread):
    return services.post_comment(
        thread=thread,
        **posting_as(name="Dana", anonymous_id="reader-dana"),
        body="The verdict deserves a closer look.",
    )


class LikeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.comment = post(ThreadFactory())

    def test_one_like_per_anonymous_reader(self):
        reader = Reader.anonymous("abc")
        services.like_comment(comment_id=self.comment.pk, reader=reader)
        assert services.like_comment(comment_id=self.comment.pk, reader=reader) == (True, 1)

    def test_one_like_per_account(self):
        reader = Reader.signed_in(UserFactory())
        services.like_comment(comment_id=self.comment.pk, reader=reader)
        services.like_comment(comment_id=self.comment.pk, reader=reader)
        other = Reader.anonymous("abc")
        assert services.like_comment(comment_id=self.comment.pk, reader=other) == (True, 2)

    def test_unlike(self):
        reader = Reader.anonymous("abc")
        services.like_comment(comment_id=self.comment.pk, reader=reader)
        result = services.like_comment(comment_id=self.comment.pk, reader=reader, liked=False)
        again = services.like_comment(comment_id=self.comment.pk, reader=reader, liked=False)
        assert (result, again) == ((False, 0), (False, 0))

    def test_removed_comment_cannot_be_liked(self):
        services.change_comment_state(comment=self.comment, state=Comment.State.REMOVED)
        with pytest.raises(CommentError):
            services.like_comment(comment_id=self.comment.pk, reader=Reader.anonymous("abc"))


class OwnCommentLikeTests(TestCase):
    def test_an_author_cannot_like_their_own_comment(self):
        thread = ThreadFactory()
        comment = services.post_comment(
            thread=thread, **posting_as("Dana", anonymous_id="dana"), body="Mine."
        )
        with pytest.raises(CommentError, match="your own comment"):
            services.like_comment(comment_id=comment.pk, reader=Reader.anonymous("dana"))
        comment.refresh_from_db()
        assert comment.like_count == 0
        services.like_comment(comment_id=comment.pk, reader=Reader.anonymous("erlan"))
        comment.refresh_from_db()
        assert comment.like_count == 1

    def test_an_account_cannot_like_its_own_comment(self):
        user = UserFactory()
        comment = services.post_comment(
            thread=ThreadFactory(), **posting_as("Acc", user=user), body="By account."
        )
        with pytest.raises(CommentError):
            services.like_comment(comment_id=comment.pk, reader=Reader.signed_in(user))
