"""Moderators' decisions on comments: approve, remove, hold, reinstate, dismiss reports.

Each decision is one transaction: the comment's row is locked, the allowed transitions table
(policy.TRANSITIONS) says whether the action may be taken from the state it is in now, the
comments app makes the change (and keeps the thread's count exact), and the decision, its
audit log entry and any notice to the author are written with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.comments.services import change_comment_state
from gazette.core import clock
from gazette.moderation import policy, tasks
from gazette.moderation.exceptions import (
    ClauseRequired,
    ModerationError,
    PermissionRequired,
    TransitionNotAllowed,
)
from gazette.moderation.models import (
    AuditEntry,
    Clause,
    Decision,
    ModerationSettings,
    Notice,
    Report,
)
from gazette.moderation.policy import Action
from gazette.moderation.services import audit
from gazette.moderation.services import reports as reporting
from gazette.moderation.services.notices import send_notice

MODERATE = "moderation.moderate_comments"

_EVENTS = {
    Action.APPROVE: AuditEntry.Event.APPROVED,
    Action.REMOVE: AuditEntry.Event.REMOVED,
    Action.HOLD: AuditEntry.Event.HELD,
    Action.REINSTATE: AuditEntry.Event.REINSTATED,
}
_NOTICES = {
    Action.REMOVE: Notice.Kind.REMOVED,
    Action.HOLD: Notice.Kind.HELD,
    Action.REINSTATE: Notice.Kind.REINSTATED,
}


def require(actor: User | None, permission: str) -> None:
    if actor is None or not actor.is_active or not actor.has_perm(permission):
        raise PermissionRequired


def locked(comment_id: int) -> Comment:
    """The comment, its row locked until the end of the transaction."""
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("thread__article__section")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        raise TransitionNotAllowed
    return comment


def decide(
    *,
    comment: Comment,
    action: Action,
    actor: User | None,
    clause: Clause | None = None,
    note: str = "",
    automatic: bool = False,
) -> Decision:
    """Take `action` on the comment. Must run inside a transaction.

    Raises PermissionRequired, ClauseRequired or TransitionNotAllowed (also when another
    moderator changed the comment first).
    """
    # Long by design: every decision passes these steps in this order, and one reading shows them
    # all.
    if not automatic:
        require(actor, MODERATE)
    if action in policy.NEEDS_CLAUSE and clause is None:
        raise ClauseRequired
    current = locked(comment.pk)
    before = current.state
    target = policy.next_state(before, action)
    if target is None:
        raise TransitionNotAllowed
    change_comment_state(comment=current, state=Comment.State(target.value))
    decision = _record(
        current,
        action,
        before=before,
        target=target,
        actor=actor,
        clause=clause,
        note=note,
        automatic=automatic,
    )
    if action == Action.REMOVE:
        reporting.resolve_reports(
            comment=current, outcome=Report.Outcome.ACTIONED, decision=decision, actor=actor
        )
    elif action == Action.REINSTATE:
        reporting.revise_reports(comment=current, decision=decision, actor=actor)
    if not automatic:
        _retrain_when_due()
    kind = _NOTICES.get(action)
    if kind is not None:
        send_notice(
            comment=current,
            kind=kind,
            decision=decision,
            clause=clause,
            note=note,
            automatic=automatic,
        )
    comment.state = current.state
    return decision


def _record(
    comment: Comment,
    action: Action,
    *,
    before: str,
    target: str,
    actor: User | None,
    clause: Clause | None,
    note: str,
    automatic: bool,
) -> Decision:
    """The decision and its audit entry, side by side."""
    decision = Decision.objects.create(
        comment=comment,
        action=action,
        from_state=before,
        to_state=target,
        clause=clause,
        note=note,
        actor=actor,
        automatic=automatic,
        created_at=clock.now(),
    )
    audit.record(
        _EVENTS[action],
        comment=comment,
        actor=actor,
        automatic=automatic,
        from_state=before,
        to_state=target,
        clause=clause,
        note=note,
        record_id=decision.pk,
    )
    return decision


def _retrain_when_due() -> None:
    """Every `retrain_every` moderator decisions, the site classifier learns from them anew."""
    every = ModerationSettings.load().retrain_every
    if every and Decision.objects.filter(automatic=False).count() % every == 0:
        transaction.on_commit(tasks.retrain_site_classifier.enqueue)


def approve_comment(*, comment: Comment, actor: User, note: str = "") -> Decision:
    """Publish a held comment."""
    with transaction.atomic():
        decision = decide(comment=comment, action=Action.APPROVE, actor=actor, note=note)
        reporting.resolve_reports(
            comment=comment, outcome=Report.Outcome.NO_ACTION, decision=decision, actor=actor
        )
    return decision


def remove_comment(
    *, comment: Comment, actor: User, clause: Clause | None, note: str = ""
) -> Decision:
    """Take a comment down under a clause; the author gets a notice and may appeal."""
    with transaction.atomic():
        return decide(comment=comment, action=Action.REMOVE, actor=actor, clause=clause, note=note)


def hold_comment(*, comment: Comment, actor: User | None, note: str = "") -> Decision:
    """Take a published comment out of view until it is reviewed (actor None: automatic)."""
    with transaction.atomic():
        return decide(
            comment=comment,
            action=Action.HOLD,
            actor=actor,
            note=note,
            automatic=actor is None,
        )


def reinstate_comment(*, comment: Comment, actor: User, note: str = "") -> Decision:
    """Put a removed comment back (a mistake corrected)."""
    with transaction.atomic():
        return decide(comment=comment, action=Action.REINSTATE, actor=actor, note=note)


def dismiss_reports(
    *, comment: Comment, actor: User, note: str = "", manifestly_unfounded: bool = False
) -> int:
    """Decide that reported comment breaks no clause: its open reports close with no action
    (marked manifestly unfounded if the moderator says so), and it is published again if the
    reports had taken it out of view. Returns how many reports were closed."""
    require(actor, MODERATE)
    with transaction.atomic():
        current = locked(comment.pk)
        closed = reporting.resolve_reports(
            comment=current,
            outcome=Report.Outcome.NO_ACTION,
            actor=actor,
            manifestly_unfounded=manifestly_unfounded,
        )
        if not closed:
            raise TransitionNotAllowed
        audit.record(
            AuditEntry.Event.REPORTS_DISMISSED,
            comment=current,
            actor=actor,
            from_state=current.state,
            to_state=current.state,
            outcome=str(closed),
            note=note,
        )
        if current.state == Comment.State.PENDING:
            decide(comment=current, action=Action.APPROVE, actor=actor, note=note)
    return closed


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int


def decide_many(
    *,
    comment_ids: Iterable[int],
    action: str,
    actor: User,
    clause: Clause | None = None,
    note: str = "",
) -> BulkResult:
    """The same decision on several comments, each in its own transaction: a comment another
    moderator has just decided is skipped, not failed. Raises PermissionRequired or
    ClauseRequired before touching any."""
    require(actor, MODERATE)
    chosen = Action(action)
    if chosen in policy.NEEDS_CLAUSE and clause is None:
        raise ClauseRequired
    done = skipped = 0
    for comment in Comment.objects.filter(pk__in=list(comment_ids)).order_by("pk"):
        try:
            with transaction.atomic():
                decision = decide(
                    comment=comment, action=chosen, actor=actor, clause=clause, note=note
                )
                if chosen == Action.APPROVE:
                    reporting.resolve_reports(
                        comment=comment,
                        outcome=Report.Outcome.NO_ACTION,
                        decision=decision,
                        actor=actor,
                    )
        except ModerationError:
            skipped += 1
        else:
            done += 1
    return BulkResult(done, skipped)
