"""Changing a comment after it is posted: its author edits or deletes it, moderation moves it
between states.

Thread.comment_count changes only together with a comment's state, by an F() expression, after a
conditional UPDATE proved that this call made the change, so counts stay exact however many
requests race.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gazette.accounts.readers import Reader
from gazette.comments import live, policy, seam
from gazette.comments.conf import comment_settings
from gazette.comments.exceptions import (
    CommentError,
    CommentRejected,
    EditWindowClosed,
    NotCommentAuthor,
)
from gazette.comments.models import Comment, CommentRevision, Thread
from gazette.comments.seam import HOLD, REJECT, Submission
from gazette.comments.services.posting import announce_publication
from gazette.comments.services.text import checked_text
from gazette.comments.services.threads import refuse_if_closed, thread_changed
from gazette.comments.webhooks import announce_comment
from gazette.core import clock
from gazette.core.text import COMMENT, render_markdown
from gazette.sites.models import WebhookEvent

State = Comment.State


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


def _transition(comment: Comment, *, to: State, allowed_from: tuple[State, ...]) -> bool:
    """Move the comment to `to` if it is still in one of `allowed_from`; adjust the count.

    Must run inside a transaction. The conditional UPDATE is what decides: of two racing calls
    only one sees its row change, so the count moves once.
    """
    extra: dict[str, object] = {"deleted_at": clock.now()} if to == State.DELETED else {}
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
        was_published = comment.state == State.PUBLISHED
        changed = _transition(comment, to=state, allowed_from=others)
        if changed and state == State.PUBLISHED and was_pending:
            announce_publication(comment)
        if changed and state in _ANNOUNCED_STATES:
            announce_comment(_ANNOUNCED_STATES[state], comment)
        if changed:
            _tell_listeners(comment, was_published=was_published)
    return changed


def _tell_listeners(comment: Comment, *, was_published: bool) -> None:
    """The live updates of a change of state: readers see it come or go, moderators see a
    comment held again."""
    if comment.state == State.PUBLISHED:
        live.comment_published(comment)
    elif was_published:
        live.comment_withdrawn(comment)
    if comment.state == State.PENDING:
        live.comment_held(comment)


# The states a site's webhooks hear of; a reinstated comment is published again.
_ANNOUNCED_STATES = {
    State.PUBLISHED: WebhookEvent.COMMENT_PUBLISHED,
    State.REMOVED: WebhookEvent.COMMENT_REMOVED,
}


def _own_comment_for_change(
    comment_id: int, proof: AuthorProof, *, for_update: bool = True
) -> Comment:
    comments = Comment.objects.select_for_update() if for_update else Comment.objects.all()
    comment = comments.filter(pk=comment_id).first()
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


def comment_for_editing(*, comment_id: int, proof: AuthorProof) -> Comment:
    """The author's own comment as they wrote it, to fill the edit box while it may still be
    changed. Raises NotCommentAuthor, EditWindowClosed or CommentError, as an edit would."""
    return _own_comment_for_change(comment_id, proof, for_update=False)


def _author_of(comment: Comment) -> Reader:
    """The reader who wrote the comment, as it was recorded when they posted it."""
    return Reader(key=comment.author_key, ip_hash=comment.ip_hash, user=comment.user)


def edit_comment(*, comment_id: int, proof: AuthorProof, body: str) -> Comment:
    """Replace the text of the author's own comment within the edit window; the earlier text is
    kept for moderators. The new text is screened like a new comment: held text takes the
    comment out of the thread until reviewed. A closed thread takes no edits (its author may
    still delete). Raises NotCommentAuthor, EditWindowClosed, CommentsClosed, CommentRejected
    or CommentError."""
    text = checked_text(body)
    with transaction.atomic():
        comment = _own_comment_for_change(comment_id, proof)
        refuse_if_closed(comment.thread)
        if text == comment.body:
            return comment
        submission = Submission(
            thread=comment.thread,
            reader=_author_of(comment),
            name=comment.author_name,
            text=text,
            email=comment.email,
            edit_of=comment.pk,
        )
        refusal = seam.moderation().refusal(submission)
        if refusal is not None:
            raise CommentRejected(refusal)
        verdict = seam.screen(submission)
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
        was_published = comment.state == State.PUBLISHED
        if verdict.action == HOLD:
            _transition(comment, to=State.PENDING, allowed_from=(State.PUBLISHED,))
        comment.refresh_from_db()
        if comment.state == State.PUBLISHED:
            live.comment_edited(comment)
        elif verdict.action == HOLD:
            _tell_listeners(comment, was_published=was_published)
        # Held text is a restriction too: moderation writes its author a notice.
        seam.moderation().record(submission, verdict, comment)
    return comment


def delete_comment(*, comment_id: int, proof: AuthorProof) -> Comment:
    """Delete the author's own comment within the edit window. A comment with replies stays as
    a placeholder so the thread keeps its shape. Raises NotCommentAuthor or EditWindowClosed."""
    with transaction.atomic():
        comment = _own_comment_for_change(comment_id, proof)
        was_published = comment.state == State.PUBLISHED
        if _transition(comment, to=State.DELETED, allowed_from=(State.PUBLISHED, State.PENDING)):
            _tell_listeners(comment, was_published=was_published)
    return comment
