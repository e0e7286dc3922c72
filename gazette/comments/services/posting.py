"""Posting a comment or a reply.

The order is what keeps the records honest. Refusals that need no screening come first and
write nothing: an empty or over-long text, a missing sign-in or address, a closed thread, an
unknown or unpublished parent, a sanctioned reader, a double submit. Screening then reads, and
writes nothing either. Only the saving transaction writes: the comment, its count, and what
screening keeps of it (its audit entry, its memory of recent texts), together or not at all. A
comment refused by screening is itself a decision: moderation records it (and keeps the text for
an appeal), and its writer is told where to appeal. A refused comment that a person accepts on
appeal is published by publish_refused_comment.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.challenges.forms import AbuseSignals
from gazette.challenges.limits import may_mail
from gazette.comments import live, policy, seam, tasks
from gazette.comments.conf import comment_settings
from gazette.comments.exceptions import (
    CommentError,
    CommentRejected,
    EmailNotVerified,
    EmailRequired,
    ParentNotFound,
    ParentNotPublished,
    SignInRequired,
)
from gazette.comments.models import Comment, ReplySubscription, Thread
from gazette.comments.seam import HOLD, REJECT, Submission, Verdict
from gazette.comments.services.text import checked_text
from gazette.comments.services.threads import refuse_if_closed
from gazette.comments.webhooks import announce_comment
from gazette.core import clock
from gazette.core.text import COMMENT, NameRefused, clean_name, render_markdown
from gazette.sites.models import WebhookEvent

State = Comment.State


@dataclass(frozen=True)
class Placement:
    """Where a reply sits: under its parent, or beside it when the thread is deep enough."""

    parent_id: int | None
    in_reply_to: Comment
    root_id: int
    depth: int


def post_comment(
    *,
    thread: Thread,
    reader: Reader,
    name: str,
    body: str,
    email: str = "",
    parent_id: int | None = None,
    language: str = "en",
    human_check: AbuseSignals | None = None,
    notify: bool = False,
    nudged: str = "",
) -> Comment:
    """Post a comment or a reply and return it: published, or pending when screening holds it.

    A reply deeper than the depth limit sits beside its parent and names whom it answers. The
    same text from the same reader in the same thread within a few seconds returns the comment
    already saved, and records nothing. Raises CommentsClosed, ParentNotFound,
    ParentNotPublished, CommentRejected (a sanction, or screening), SignInRequired,
    EmailRequired, EmailNotVerified or CommentError (empty or too long).
    """
    # Long by design: the order of the steps is the rule (refusals, screening, then one saving
    # transaction); splitting it would hide the order.
    text = checked_text(body)
    _check_author(reader, email, notify=notify)
    refuse_if_closed(thread)
    placement = _placement(thread, parent_id) if parent_id is not None else None
    fingerprint = _fingerprint(reader, parent_id, text)
    duplicate = _recent_duplicate(thread, fingerprint)
    if duplicate is not None:
        return duplicate
    submission = Submission(
        thread=thread,
        reader=reader,
        name=_display_name(reader, name),
        text=text,
        email=_author_email(reader, email),
        human_check=human_check,
        nudged=nudged,
        parent_id=parent_id,
    )
    verdict = _screened(submission)
    # Built (its HTML rendered, the policy version read) before the transaction: on SQLite the
    # transaction holds the database's one write lock, so only writes and the checks that must
    # see them happen inside it.
    comment = _new_comment(submission, verdict, placement, fingerprint, language=language)
    with transaction.atomic():
        # Locking the thread row serialises posts to one thread, so the second look for a
        # duplicate is exact; other threads are not held up.
        Thread.objects.select_for_update().filter(pk=thread.pk).first()
        duplicate = _recent_duplicate(thread, fingerprint)
        if duplicate is not None:
            return duplicate
        if notify:
            comment.subscription = _subscribe(reader, submission.email, language)
        comment.save()
        seam.moderation().record(submission, verdict, comment)
        announce_comment(WebhookEvent.COMMENT_CREATED, comment)
        if comment.is_published:
            announce_comment(WebhookEvent.COMMENT_PUBLISHED, comment)
            Thread.objects.filter(pk=thread.pk).update(
                comment_count=F("comment_count") + 1, version=F("version") + 1
            )
            announce_publication(comment)
            live.comment_published(comment)
        else:
            live.comment_held(comment)
    return comment


def _screened(submission: Submission) -> Verdict:
    """Moderation's verdict, or CommentRejected: a sanction (nothing recorded), or screening's
    refusal (recorded as the decision it is)."""
    refusal = seam.moderation().refusal(submission)
    if refusal is not None:
        raise CommentRejected(refusal)
    verdict = seam.screen(submission)
    if verdict.action == REJECT:
        with transaction.atomic():
            appeal = seam.moderation().record(submission, verdict, None)
        message = " ".join(part for part in (verdict.message, appeal) if part)
        raise CommentRejected(message or None)
    return verdict


def _new_comment(
    submission: Submission,
    verdict: Verdict,
    placement: Placement | None,
    fingerprint: str,
    *,
    language: str,
) -> Comment:
    reader = submission.reader
    comment = Comment(
        thread=submission.thread,
        user=reader.user,
        author_key=reader.key,
        author_name=submission.name,
        author_standing=_standing(reader),
        email=submission.email,
        body=submission.text,
        body_html=str(render_markdown(submission.text, COMMENT)).strip(),
        state=State.PENDING if verdict.action == HOLD else State.PUBLISHED,
        policy_version=seam.moderation().policy_version(),
        language=language,
        abuse_signals=_signals(submission),
        screening_reasons=list(verdict.reasons),
        ip_hash=reader.ip_hash,
        fingerprint=fingerprint,
        created_at=clock.now(),
    )
    if placement is not None:
        comment.parent_id = placement.parent_id
        comment.in_reply_to = placement.in_reply_to
        comment.in_reply_to_name = placement.in_reply_to.author_name
        comment.root_id = placement.root_id
        comment.depth = placement.depth
    return comment


def _signals(submission: Submission) -> dict[str, object]:
    """What moderators may weigh about how the comment was sent."""
    signals = submission.human_check.as_dict() if submission.human_check else {}
    if submission.nudged:
        signals["nudged"] = submission.nudged
    return signals


def _check_author(reader: Reader, email: str, *, notify: bool) -> None:
    if comment_settings().require_sign_in and reader.user is None:
        raise SignInRequired
    if not notify:
        return
    if reader.user is not None:
        if not reader.user.email or reader.user.email_verified_at is None:
            raise EmailNotVerified
    elif not email.strip():
        raise EmailRequired


def _standing(reader: Reader) -> str:
    user = reader.user
    return policy.author_standing(
        has_account=user is not None,
        is_staff=user is not None and user.is_staff,
        address_verified=user is not None and user.email_verified_at is not None,
    )


def _display_name(reader: Reader, name: str) -> str:
    """The name as it will be shown, and as it may go into an e-mail's header: no line break,
    control or invisible character (core.text.clean_name)."""
    given = reader.user.public_name if reader.user is not None else name
    try:
        return clean_name(given)[:80]
    except NameRefused as exc:
        raise CommentError(str(exc)) from exc


def _author_email(reader: Reader, email: str) -> str:
    address = reader.user.email if reader.user is not None else email
    return address.strip().lower()


def _fingerprint(reader: Reader, parent_id: int | None, text: str) -> str:
    material = "\x1f".join([reader.key, str(parent_id or ""), " ".join(text.split())])
    return hashlib.sha256(material.encode()).hexdigest()


def _recent_duplicate(thread: Thread, fingerprint: str) -> Comment | None:
    since = clock.now() - timedelta(seconds=comment_settings().dedupe_seconds)
    return (
        Comment.objects.filter(thread=thread, fingerprint=fingerprint, created_at__gte=since)
        .order_by("-created_at")
        .first()
    )


def _placement(thread: Thread, parent_id: int) -> Placement:
    parent = Comment.objects.filter(pk=parent_id).first()
    if parent is None or parent.thread_id != thread.pk:
        raise ParentNotFound
    if not parent.is_published:
        raise ParentNotPublished
    root_id = parent.root_id or parent.pk
    max_depth = comment_settings().max_depth
    if policy.attaches_to_grandparent(parent_depth=parent.depth, max_depth=max_depth):
        return Placement(parent.parent_id, parent, root_id, parent.depth)
    return Placement(parent.pk, parent, root_id, parent.depth + 1)


def _subscribe(reader: Reader, email: str, language: str) -> ReplySubscription:
    """The author's subscription; an account's verified address needs no further confirmation,
    any other address gets a confirmation link first (within the address's daily limit of
    such mails, so that posting cannot be used to flood someone's inbox)."""
    subscription, _created = ReplySubscription.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    updates: dict[str, object] = {"language": language}
    if subscription.unsubscribed_at is not None:
        updates.update(unsubscribed_at=None, confirmed_at=None)
        subscription.confirmed_at = None
    if isinstance(reader.user, User) and subscription.confirmed_at is None:
        updates["confirmed_at"] = clock.now()
    ReplySubscription.objects.filter(pk=subscription.pk).update(**updates)
    subscription.refresh_from_db()
    if subscription.confirmed_at is None and may_mail(email):
        sub_id = subscription.pk
        transaction.on_commit(lambda: tasks.send_subscription_confirmation.enqueue(sub_id))
    return subscription


def publish_refused_comment(
    *,
    thread: Thread,
    reader: Reader,
    name: str,
    email: str,
    body: str,
    parent_id: int | None,
    written_at: datetime,
) -> Comment:
    """Publish, as it was written, a comment that was refused before anyone read it and that a
    person has since found acceptable (moderation decides that; nothing is screened again).
    It answers its parent if that is still published, else it starts a thread of its own; it
    keeps the time it was written. Must run inside a transaction."""
    placement = None
    if parent_id is not None:
        parent = Comment.objects.filter(pk=parent_id, thread=thread).first()
        if parent is not None and parent.is_published:
            placement = _placement(thread, parent_id)
    comment = Comment(
        thread=thread,
        user=reader.user,
        author_key=reader.key,
        author_name=name,
        email=email,
        body=body,
        body_html=str(render_markdown(body, COMMENT)).strip(),
        state=State.PUBLISHED,
        policy_version=seam.moderation().policy_version(),
        ip_hash=reader.ip_hash,
        fingerprint=_fingerprint(reader, parent_id, body),
        created_at=written_at,
    )
    if placement is not None:
        comment.parent_id = placement.parent_id
        comment.in_reply_to = placement.in_reply_to
        comment.in_reply_to_name = placement.in_reply_to.author_name
        comment.root_id = placement.root_id
        comment.depth = placement.depth
    comment.save()
    Thread.objects.filter(pk=thread.pk).update(
        comment_count=F("comment_count") + 1, version=F("version") + 1
    )
    announce_publication(comment)
    live.comment_published(comment)
    return comment


def announce_publication(comment: Comment) -> None:
    """After commit, tell the author of the comment a newly published reply answers."""
    if comment.in_reply_to_id is not None:
        comment_id = comment.pk
        transaction.on_commit(lambda: tasks.send_reply_notification.enqueue(comment_id))
