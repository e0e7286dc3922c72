"""Submissions as the comments app hands them to moderation, for screening's own tests."""

from __future__ import annotations

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.comments.models import Thread
from gazette.comments.seam import Submission


def submission_of(
    text: str,
    *,
    thread: str | Thread = "article:1",
    name: str = "Dana",
    user_id: int | None = None,
    anonymous_id: str = "reader-1",
    ip_hash: str = "",
    email: str = "",
    human_check=None,
) -> Submission:
    """A new comment by an account (`user_id`) or an anonymous reader, in the discussion with
    key `thread` (made if need be)."""
    if not isinstance(thread, Thread):
        thread, _created = Thread.objects.get_or_create(site="main", key=thread)
    user = User.objects.filter(pk=user_id).first() if user_id is not None else None
    if user is not None:
        reader = Reader.signed_in(user, ip_hash=ip_hash)
    elif user_id is not None:
        reader = Reader(key=f"user:{user_id}", ip_hash=ip_hash)
    else:
        reader = Reader.anonymous(anonymous_id, ip_hash=ip_hash)
    return Submission(
        thread=thread,
        reader=reader,
        name=name,
        text=text,
        email=email,
        human_check=human_check,
    )
