"""What the comments app holds about one reader, for their data request, and its erasure.

Reads: the comments a reader wrote (with their earlier versions), their likes and the reply
notifications their address asked for. Writes: a reader's comments removed or kept under
"former reader", their likes cut loose from them, their subscription ended, and, for the
retention period, old address hashes blanked.

Every erasure keeps the counts right: a removed comment leaves the thread's count through the
state machine (`change_comment_state`), and a like stays a like, of nobody, so `like_count`
still equals the rows.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import datetime

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from gazette.comments.models import Comment, CommentLike, CommentRevision, ReplySubscription
from gazette.comments.services import change_comment_state, thread_changed

State = Comment.State
# The anonymous ID a forgotten reader's like is given: never a cookie ID of ours.
FORGOTTEN_PREFIX = "erased:"


def written_by_account(user_id: int, *, confirmed_address: str = "") -> QuerySet[Comment]:
    """The account's comments, and those written as a guest with the address the account has
    confirmed it receives."""
    mine = Q(user_id=user_id)
    if confirmed_address.strip():
        mine |= Q(email__iexact=confirmed_address.strip())
    return Comment.objects.filter(mine)


def written_with_address(email: str) -> QuerySet[Comment]:
    """The comments whose author gave this address (compared without regard to case)."""
    if not email.strip():
        return Comment.objects.none()
    return Comment.objects.filter(email__iexact=email.strip())


def address_of(comment_id: int) -> str:
    """The address the comment's author gave ("" if none, or no longer kept)."""
    found = Comment.objects.filter(pk=comment_id).values_list("email", flat=True).first()
    return found or ""


def author_keys(comments: QuerySet[Comment]) -> set[str]:
    """The reader keys the comments were written under (an account's, or a browser's)."""
    return set(comments.exclude(author_key="").values_list("author_key", flat=True))


def comment_records(comments: QuerySet[Comment]) -> list[dict[str, object]]:
    """The comments as their author may read them: text, history, state and what they gave.
    Two queries whatever the number of comments."""
    rows = comments.select_related("thread__article__section").prefetch_related(
        Prefetch("revisions", queryset=CommentRevision.objects.order_by("created_at", "pk"))
    )
    return [
        {
            "id": comment.pk,
            "page": comment.thread.page_url or comment.thread.key,
            "in_reply_to": comment.in_reply_to_id,
            "name": comment.author_name,
            "email": comment.email,
            "text": comment.body,
            "state": comment.state,
            "language": comment.language,
            "posted_at": comment.created_at.isoformat(),
            "edited_at": _iso(comment.edited_at),
            "deleted_at": _iso(comment.deleted_at),
            "likes": comment.like_count,
            "address_hash": comment.ip_hash,
            "human_check": comment.abuse_signals,
            "earlier_versions": [
                {"text": revision.body, "replaced_at": revision.created_at.isoformat()}
                for revision in comment.revisions.all()
            ],
        }
        for comment in rows
    ]


def _likes(user_id: int | None, anonymous_ids: Collection[str]) -> QuerySet[CommentLike]:
    mine = Q(anonymous_id__in=list(anonymous_ids), user__isnull=True)
    if user_id is not None:
        mine |= Q(user_id=user_id)
    return CommentLike.objects.filter(mine)


def likes_of(
    *, user_id: int | None = None, anonymous_ids: Collection[str] = ()
) -> list[dict[str, object]]:
    return [
        {"comment": comment_id, "liked_at": created.isoformat()}
        for comment_id, created in _likes(user_id, anonymous_ids)
        .order_by("created_at", "pk")
        .values_list("comment_id", "created_at")
    ]


def subscriptions_of(emails: Collection[str]) -> list[dict[str, object]]:
    """The reply notifications these addresses asked for (at most one each)."""
    found = ReplySubscription.objects.filter(_any_address(emails)).order_by("pk")
    return [
        {
            "email": subscription.email,
            "language": subscription.language,
            "asked_at": subscription.created_at.isoformat(),
            "confirmed_at": _iso(subscription.confirmed_at),
            "ended_at": _iso(subscription.unsubscribed_at),
        }
        for subscription in found
    ]


def _any_address(emails: Collection[str]) -> Q:
    condition = Q(pk__in=[])
    for email in {e.strip().lower() for e in emails if e.strip()}:
        condition |= Q(email__iexact=email)
    return condition


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def erase_comments(comments: QuerySet[Comment], *, remove: bool) -> int:
    """Erase what names the author of these comments: their name, address, address hash, key
    and account link. With `remove`, the comments also leave their threads (as if their author
    had deleted them; a removed one stays removed) and their text and earlier versions go; else
    they stay, shown under "former reader". Replies that named the author no longer do.
    Returns how many comments were erased; one transaction."""
    with transaction.atomic():
        chosen = list(comments.select_for_update().order_by("pk"))
        ids = [comment.pk for comment in chosen]
        for comment in chosen:
            if remove and comment.state in (State.PUBLISHED, State.PENDING):
                change_comment_state(comment=comment, state=State.DELETED)
        anonymous: dict[str, object] = {
            "author_name": "",
            "author_key": "",
            "email": "",
            "ip_hash": "",
            "abuse_signals": {},
            "user": None,
            "subscription": None,
        }
        if remove:
            anonymous.update(body="", body_html="")
            CommentRevision.objects.filter(comment_id__in=ids).delete()
        Comment.objects.filter(pk__in=ids).update(**anonymous)
        Comment.objects.filter(in_reply_to_id__in=ids).update(in_reply_to_name="")
        threads = set(Comment.objects.filter(pk__in=ids).values_list("thread_id", flat=True))
        threads |= set(
            Comment.objects.filter(in_reply_to_id__in=ids).values_list("thread_id", flat=True)
        )
        for thread_id in sorted(threads):
            thread_changed(thread_id)
    return len(ids)


def forget_liker(*, user_id: int | None = None, anonymous_ids: Collection[str] = ()) -> int:
    """Cut the reader's likes loose from them: each stays, of a reader nobody can name, so the
    comments' like counts do not move. Returns how many likes were changed."""
    with transaction.atomic():
        likes = list(_likes(user_id, anonymous_ids).only("pk"))
        for like in likes:
            like.user = None
            like.anonymous_id = FORGOTTEN_PREFIX + secrets.token_urlsafe(16)
            like.ip_hash = ""
        CommentLike.objects.bulk_update(likes, ["user", "anonymous_id", "ip_hash"], batch_size=500)
    return len(likes)


def end_subscriptions(emails: Collection[str]) -> int:
    """Delete the reply notifications of these addresses (the address is all such a row is)."""
    with transaction.atomic():
        deleted, _by_model = ReplySubscription.objects.filter(_any_address(emails)).delete()
    return deleted


def forget_old_address_hashes(*, before: datetime, batch_size: int, dry_run: bool = False) -> int:
    """Blank the address hashes and human-check signals of comments and likes made before
    `before`, in batches of `batch_size` rows, each its own short transaction so that posting is
    never held up for long. Running it again changes nothing. Returns how many rows were (with
    `dry_run`, would be) changed."""
    old_comments = Comment.objects.filter(created_at__lt=before).filter(
        ~Q(ip_hash="") | ~Q(abuse_signals={})
    )
    old_likes = CommentLike.objects.filter(created_at__lt=before).exclude(ip_hash="")
    if dry_run:
        return old_comments.count() + old_likes.count()
    changed = _in_batches(old_comments, batch_size, ip_hash="", abuse_signals={})
    return changed + _in_batches(old_likes, batch_size, ip_hash="")


def _in_batches(rows: QuerySet[Comment] | QuerySet[CommentLike], size: int, **blank: object) -> int:
    changed = 0
    while True:
        with transaction.atomic():
            ids = list(rows.order_by("pk").values_list("pk", flat=True)[:size])
            if not ids:
                return changed
            changed += rows.model._default_manager.filter(pk__in=ids).update(**blank)
