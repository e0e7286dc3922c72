"""Every write to threads and comments: one function per reader or editor action.

Each runs in one transaction. Thread.comment_count changes only together with a comment's
state, by an F() expression, after a conditional UPDATE proved that this call made the change,
so counts stay exact however many requests race. E-mail goes out after commit, as tasks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.articles.models import Article, Section
from gazette.comments import notifications, policy, queries
from gazette.comments.conf import comment_settings
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
from gazette.comments.models import (
    ClosedSection,
    Comment,
    CommentRevision,
    ReplySubscription,
    Thread,
)
from gazette.comments.screening import HOLD, REJECT, screen
from gazette.core import clock
from gazette.core.text import COMMENT, render_markdown

State = Comment.State


@dataclass(frozen=True)
class Commenter:
    """Who is writing: an account, or an anonymous reader with the name they gave."""

    name: str
    email: str = ""
    user: User | None = None
    anonymous_id: str = ""
    ip_hash: str = ""
    language: str = "en"

    @property
    def identity(self) -> str:
        if self.user is not None:
            return f"user:{self.user.pk}"
        return f"anon:{self.anonymous_id or self.ip_hash}"


@dataclass(frozen=True)
class AuthorProof:
    """What shows a request comes from a comment's author: the account, or the comment IDs in
    the author's signed cookie."""

    user_id: int | None = None
    comment_ids: frozenset[int] = field(default_factory=frozenset)

    def owns(self, comment: Comment) -> bool:
        return self.owns_comment(comment.pk, comment.user_id)

    def owns_comment(self, pk: int, user_id: int | None) -> bool:
        """Whether the comment with this ID, written by this user (or anonymously), is ours."""
        if user_id is not None:
            return user_id == self.user_id
        return pk in self.comment_ids


# ---------------------------------------------------------------- threads


def thread_for_article(article: Article) -> Thread:
    """The article's thread, created on first use (safe when two requests create it at once)."""
    thread, _created = Thread.objects.get_or_create(
        site=queries.site_id(),
        key=queries.article_thread_key(article),
        defaults={"article": article, "title": article.headline[:200]},
    )
    thread.article = article
    return thread


def thread_changed(thread_id: int) -> None:
    """Record that what a thread shows has changed (cached pages are keyed by its version).

    Must run inside the transaction that makes the change.
    """
    Thread.objects.filter(pk=thread_id).update(version=F("version") + 1)


def close_thread(*, thread: Thread, reason: str = "") -> None:
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(
            is_closed=True, closed_reason=reason, version=F("version") + 1
        )
    thread.is_closed, thread.closed_reason = True, reason


def reopen_thread(*, thread: Thread) -> None:
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(
            is_closed=False, closed_reason="", version=F("version") + 1
        )
    thread.is_closed, thread.closed_reason = False, ""


def close_section(*, section: Section, reason: str = "") -> ClosedSection:
    with transaction.atomic():
        closed, _created = ClosedSection.objects.update_or_create(
            section=section, defaults={"reason": reason}
        )
    return closed


def reopen_section(*, section: Section) -> None:
    with transaction.atomic():
        ClosedSection.objects.filter(section=section).delete()


# ---------------------------------------------------------------- posting


def post_comment(
    *,
    thread: Thread,
    author: Commenter,
    body: str,
    parent_id: int | None = None,
    policy_version: str,
    signals: Mapping[str, object] | None = None,
    notify: bool = False,
) -> Comment:
    """Post a comment or a reply and return it: published, or pending when screening holds it.

    A reply deeper than the depth limit sits beside its parent and names whom it answers. The
    same text from the same reader in the same thread within a few seconds returns the comment
    already saved. Raises CommentsClosed, ParentNotFound, ParentNotPublished, CommentRejected,
    SignInRequired, EmailRequired, EmailNotVerified or CommentError (empty or too long).
    """
    conf = comment_settings()
    text = _checked_text(body)
    if conf.require_sign_in and author.user is None:
        raise SignInRequired
    if notify:
        _check_notification_address(author)
    refuse_if_closed(thread)
    signals = dict(signals or {})
    verdict = screen(
        text=text,
        author_name=author.name,
        thread_key=thread.key,
        signals={
            **signals,
            **_identity(author.user, author.email, author.ip_hash, author.identity),
        },
    )
    if verdict.action == REJECT:
        raise CommentRejected(verdict.message or None)
    fingerprint = _fingerprint(author, parent_id, text)
    with transaction.atomic():
        # Locking the thread row serialises posts to one thread, which makes the duplicate check
        # below exact; other threads are not held up.
        Thread.objects.select_for_update().filter(pk=thread.pk).first()
        duplicate = _recent_duplicate(thread, fingerprint, conf.dedupe_seconds)
        if duplicate is not None:
            return duplicate
        comment = Comment(
            thread=thread,
            user=author.user,
            author_name=_CONTROL_CHARACTERS.sub("", author.name).strip()[:80],
            email=_notification_email(author) if notify else author.email,
            body=text,
            body_html=str(render_markdown(text, COMMENT)).strip(),
            state=State.PENDING if verdict.action == HOLD else State.PUBLISHED,
            policy_version=policy_version,
            abuse_signals=signals,
            screening_reasons=list(verdict.reasons),
            ip_hash=author.ip_hash,
            fingerprint=fingerprint,
            created_at=clock.now(),
        )
        if parent_id is not None:
            _place_reply(comment, thread, parent_id, conf.max_depth)
        if notify:
            comment.subscription = _subscribe(author)
        comment.save()
        if comment.is_published:
            Thread.objects.filter(pk=thread.pk).update(
                comment_count=F("comment_count") + 1, version=F("version") + 1
            )
            _after_publication(comment)
    return comment


# Control characters (NUL above all, which PostgreSQL refuses to store) carry no meaning in a
# comment; tabs and line breaks stay.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _identity(
    user: User | None, email: str, ip_hash: str, key: str, *, edit: bool = False
) -> dict[str, object]:
    """Who is writing, for screening only (sanctions, bursts): never stored with the comment."""
    return {
        "author_key": key or (f"user:{user.pk}" if user is not None else ""),
        "user_id": user.pk if user is not None else None,
        "email": (user.email if user is not None else "") or email,
        "ip_hash": ip_hash,
        "is_edit": edit,
    }


def refuse_if_closed(thread: Thread) -> None:
    """Raise CommentsClosed, with the reason, when the thread accepts nothing."""
    closure = queries.closure_of(thread)
    if closure is not None:
        raise CommentsClosed(closure.message)


def _checked_text(body: str) -> str:
    text = _CONTROL_CHARACTERS.sub("", body).strip()
    limit = comment_settings().max_length
    if not text:
        raise CommentError(_("Write something before posting."))
    if len(text) > limit:
        raise CommentError(
            _("A comment may be at most %(limit)d characters long.") % {"limit": limit}
        )
    return text


def _fingerprint(author: Commenter, parent_id: int | None, text: str) -> str:
    material = "\x1f".join([author.identity, str(parent_id or ""), " ".join(text.split())])
    return hashlib.sha256(material.encode()).hexdigest()


def _recent_duplicate(thread: Thread, fingerprint: str, seconds: int) -> Comment | None:
    since = clock.now() - timedelta(seconds=seconds)
    return (
        Comment.objects.filter(thread=thread, fingerprint=fingerprint, created_at__gte=since)
        .order_by("-created_at")
        .first()
    )


def _place_reply(comment: Comment, thread: Thread, parent_id: int, max_depth: int) -> None:
    parent = Comment.objects.filter(pk=parent_id).first()
    if parent is None or parent.thread_id != thread.pk:
        raise ParentNotFound
    if not parent.is_published:
        raise ParentNotPublished
    comment.in_reply_to = parent
    comment.in_reply_to_name = parent.author_name
    if policy.attaches_to_grandparent(parent_depth=parent.depth, max_depth=max_depth):
        comment.parent_id = parent.parent_id
        comment.depth = parent.depth
    else:
        comment.parent = parent
        comment.depth = parent.depth + 1
    comment.root_id = parent.root_id or parent.pk


def _check_notification_address(author: Commenter) -> None:
    if author.user is not None:
        if not author.user.email or author.user.email_verified_at is None:
            raise EmailNotVerified
    elif not author.email:
        raise EmailRequired


def _notification_email(author: Commenter) -> str:
    email = author.user.email if author.user is not None else author.email
    return email.strip().lower()


def _subscribe(author: Commenter) -> ReplySubscription:
    """The author's subscription; an account's verified address needs no further confirmation,
    any other address gets a confirmation link first."""
    now = clock.now()
    subscription, _created = ReplySubscription.objects.get_or_create(
        email=_notification_email(author), defaults={"language": author.language}
    )
    updates: dict[str, object] = {"language": author.language}
    if subscription.unsubscribed_at is not None:
        updates.update(unsubscribed_at=None, confirmed_at=None)
        subscription.confirmed_at = None
    if author.user is not None and subscription.confirmed_at is None:
        updates["confirmed_at"] = now
    ReplySubscription.objects.filter(pk=subscription.pk).update(**updates)
    subscription.refresh_from_db()
    if subscription.confirmed_at is None:
        sub_id = subscription.pk
        transaction.on_commit(lambda: notifications.request_confirmation(sub_id))
    return subscription


def _after_publication(comment: Comment) -> None:
    if comment.in_reply_to_id is not None:
        comment_id = comment.pk
        transaction.on_commit(lambda: notifications.announce_reply(comment_id))


# ---------------------------------------------------------------- state changes


def _transition(comment: Comment, *, to: State, allowed_from: tuple[State, ...]) -> bool:
    """Move the comment to `to` if it is still in one of `allowed_from`; adjust the count.

    Must run inside a transaction. The conditional UPDATE is what decides: of two racing calls
    only one sees its row change, so the count moves once.
    """
    now = clock.now()
    extra: dict[str, object] = {"deleted_at": now} if to == State.DELETED else {}
    changed = False
    for from_state in allowed_from:
        if Comment.objects.filter(pk=comment.pk, state=from_state).update(state=to, **extra):
            delta = int(to == State.PUBLISHED) - int(from_state == State.PUBLISHED)
            Thread.objects.filter(pk=comment.thread_id).update(
                comment_count=F("comment_count") + delta, version=F("version") + 1
            )
            changed = True
            break
    comment.refresh_from_db()
    return changed


def change_comment_state(*, comment: Comment, state: State) -> bool:
    """Set a comment's state (for moderation: publish a held comment, remove or reinstate one).

    Returns whether anything changed. Publishing a reply for the first time notifies the author
    of the comment it answers.
    """
    others = tuple(s for s in State if s != state)
    with transaction.atomic():
        was_pending = comment.state == State.PENDING
        changed = _transition(comment, to=state, allowed_from=others)
        if changed and state == State.PUBLISHED and was_pending:
            _after_publication(comment)
    return changed


def _own_comment_for_change(comment_id: int, proof: AuthorProof) -> Comment:
    comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
    if comment is None or comment.state in (State.DELETED, State.REMOVED):
        raise CommentError(_("This comment no longer exists."))
    if not proof.owns(comment):
        raise NotCommentAuthor
    window = comment_settings().edit_window
    if not policy.may_change(
        is_author=True, created_at=comment.created_at, now=clock.now(), window=window
    ):
        raise EditWindowClosed
    return comment


def edit_comment(*, comment_id: int, proof: AuthorProof, body: str) -> Comment:
    """Replace the text of the author's own comment within the edit window; the earlier text is
    kept for moderators. The new text is screened like a new comment: held text takes the
    comment out of the thread until reviewed. A closed thread takes no edits (its author may
    still delete). Raises NotCommentAuthor, EditWindowClosed, CommentsClosed, CommentRejected
    or CommentError."""
    text = _checked_text(body)
    with transaction.atomic():
        comment = _own_comment_for_change(comment_id, proof)
        refuse_if_closed(comment.thread)
        if text == comment.body:
            return comment
        verdict = screen(
            text=text,
            author_name=comment.author_name,
            thread_key=comment.thread.key,
            signals={
                **comment.abuse_signals,
                **_identity(comment.user, comment.email, comment.ip_hash, "", edit=True),
            },
        )
        if verdict.action == REJECT:
            raise CommentRejected(verdict.message or None)
        now = clock.now()
        CommentRevision.objects.create(comment=comment, body=comment.body, created_at=now)
        Comment.objects.filter(pk=comment.pk).update(
            body=text,
            body_html=str(render_markdown(text, COMMENT)).strip(),
            edited_at=now,
            screening_reasons=list(verdict.reasons),
        )
        thread_changed(comment.thread_id)
        if verdict.action == HOLD:
            _transition(comment, to=State.PENDING, allowed_from=(State.PUBLISHED,))
        comment.refresh_from_db()
    return comment


def delete_comment(*, comment_id: int, proof: AuthorProof) -> Comment:
    """Delete the author's own comment within the edit window. A comment with replies stays as
    a placeholder so the thread keeps its shape. Raises NotCommentAuthor or EditWindowClosed."""
    with transaction.atomic():
        comment = _own_comment_for_change(comment_id, proof)
        _transition(comment, to=State.DELETED, allowed_from=(State.PUBLISHED, State.PENDING))
    return comment
