import pytest
from django.test import TestCase

from gazette.comments import likes, services
from gazette.comments.exceptions import CommentError
from gazette.comments.likes import LikeIdentity
from gazette.comments.models import Comment
from gazette.comments.services import Commenter
from tests.factories import ThreadFactory, UserFactory


def post(thread):
    return services.post_comment(
        thread=thread,
        author=Commenter(name="Dana", anonymous_id="reader-dana"),
        body="The verdict deserves a closer look.",
        policy_version="1",
    )


class LikeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.comment = post(ThreadFactory())

    def test_one_like_per_anonymous_reader(self):
        reader = LikeIdentity(user_id=None, anonymous_id="abc")
        likes.like_comment(comment_id=self.comment.pk, reader=reader)
        assert likes.like_comment(comment_id=self.comment.pk, reader=reader) == (True, 1)

    def test_one_like_per_account(self):
        reader = LikeIdentity(user_id=UserFactory().pk, anonymous_id="abc")
        likes.like_comment(comment_id=self.comment.pk, reader=reader)
        likes.like_comment(comment_id=self.comment.pk, reader=reader)
        other = LikeIdentity(user_id=None, anonymous_id="abc")
        assert likes.like_comment(comment_id=self.comment.pk, reader=other) == (True, 2)

    def test_unlike(self):
        reader = LikeIdentity(user_id=None, anonymous_id="abc")
        likes.like_comment(comment_id=self.comment.pk, reader=reader)
        result = likes.like_comment(comment_id=self.comment.pk, reader=reader, liked=False)
        again = likes.like_comment(comment_id=self.comment.pk, reader=reader, liked=False)
        assert (result, again) == ((False, 0), (False, 0))

    def test_removed_comment_cannot_be_liked(self):
        services.change_comment_state(comment=self.comment, state=Comment.State.REMOVED)
        with pytest.raises(CommentError):
            likes.like_comment(comment_id=self.comment.pk, reader=LikeIdentity(None, "abc"))
