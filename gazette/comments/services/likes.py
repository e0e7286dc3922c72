"""Likes on comments: one per reader (the account, or the anonymous reader's cookie ID).

The count on the comment moves with an F() expression only when a like row was really added
or removed, so it stays equal to the number of rows however many requests race.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gazette.accounts.readers import Reader
from gazette.comments.exceptions import CommentError
from gazette.comments.models import Comment, CommentLike
from gazette.comments.services.threads import refuse_if_closed, thread_changed

State = Comment.State


def like_comment(*, comment_id: int, reader: Reader, liked: bool = True) -> tuple[bool, int]:
    """Like (or stop liking) a published comment, once per reader whatever is sent twice.

    Returns whether the reader now likes it and the comment's like count. Raises CommentsClosed
    when the thread is closed, CommentError when the comment is not published.
    """
    with transaction.atomic():
        comment = (
            Comment.objects.select_related("thread__article")
            .filter(pk=comment_id, state=State.PUBLISHED)
            .first()
        )
        if comment is None:
            raise CommentError(_("This comment no longer exists."))
        refuse_if_closed(comment.thread)
        if reader.user_id is not None:
            mine = CommentLike.objects.filter(comment=comment, user_id=reader.user_id)
        else:
            mine = CommentLike.objects.filter(
                comment=comment, user__isnull=True, anonymous_id=reader.anonymous_id
            )
        if liked:
            try:
                with transaction.atomic():
                    CommentLike.objects.create(
                        comment=comment,
                        user_id=reader.user_id,
                        anonymous_id=reader.anonymous_id,
                        ip_hash=reader.ip_hash,
                    )
            except IntegrityError:
                pass  # liked already: the unique constraint keeps it to one
            else:
                Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
                thread_changed(comment.thread_id)
        else:
            deleted, _rows = mine.delete()
            if deleted:
                Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") - 1)
                thread_changed(comment.thread_id)
        count = Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)
    return liked, count
