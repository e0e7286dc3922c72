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
    when the thread is closed, CommentError when the comment is not published or is the
    reader's own (a like is what other readers think of it).
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
        if _is_own(comment, reader):
            raise CommentError(_("You cannot like your own comment."))
        changed = _add_like(comment, reader) if liked else _remove_like(comment, reader)
        if changed:
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + changed)
            thread_changed(comment.thread_id)
        count = Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)
    return liked, count


def _is_own(comment: Comment, reader: Reader) -> bool:
    if comment.user_id is not None:
        return comment.user_id == reader.user_id
    return bool(comment.author_key) and comment.author_key == reader.key


def _add_like(comment: Comment, reader: Reader) -> int:
    """+1 if this call added the reader's like; 0 if they liked it already."""
    try:
        with transaction.atomic():
            CommentLike.objects.create(
                comment=comment,
                user_id=reader.user_id,
                anonymous_id=reader.anonymous_id,
                ip_hash=reader.ip_hash,
            )
    except IntegrityError:
        return 0  # the unique constraint keeps it to one
    return 1


def _remove_like(comment: Comment, reader: Reader) -> int:
    """-1 if this call removed the reader's like; 0 if there was none."""
    if reader.user_id is not None:
        mine = CommentLike.objects.filter(comment=comment, user_id=reader.user_id)
    else:
        mine = CommentLike.objects.filter(
            comment=comment, user__isnull=True, anonymous_id=reader.anonymous_id
        )
    deleted, _rows = mine.delete()
    return -1 if deleted else 0
