"""Moderators' decisions on comments: approve, remove, hold, reinstate, dismiss reports.

Each decision is one transaction: the comment's row is locked, the allowed transitions table
(policy.TRANSITIONS) says whether the action may be taken from the state it is in now, the
comments app makes the change (and keeps the thread's count exact), and the decision (a
statement of reasons), its audit log entry and the notice to the author are written with it.

A restrictive decision (policy.RESTRICTIVE) carries a specific explanation, and cites only a
clause of the policy version the comment was written under (queries.clause_for_comment): no
rule applies backwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.comments.services import change_comment_state
from gazette.core import clock
from gazette.moderation import live, policy, queries, tasks
from gazette.moderation.exceptions import (
    ClauseNotInForce,
    ClauseRequired,
    ExplanationRequired,
    LegalGroundRequired,
    ModerationError,
    PermissionRequired,
    TransitionNotAllowed,
)
from gazette.moderation.models import (
    AuditEntry,
    AuthorityRequest,
    Clause,
    Decision,
    ModerationSettings,
    Notice,
    Report,
)
from gazette.moderation.policy import Action, Ground, Source
from gazette.moderation.screening.languages import language_of
from gazette.moderation.services import audit, claims
from gazette.moderation.services import reports as reporting
from gazette.moderation.services.audit import Context
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


@dataclass(frozen=True)
class Grounds:
    """Why a decision is taken, as its statement of reasons gives it (the desk's form, an
    authority's order, the system). All optional for decisions that restrict nothing."""

    explanation: str = ""
    ground: str = Ground.INCOMPATIBLE
    legal_ground: str = ""
    also_illegal: bool = False
    facts: str = ""
    source: str = ""
    authority_request: AuthorityRequest | None = None
    # What an appeal that led to this decision was against (policy.AppealBasis), so that the
    # published figures tell reinstatements on appeal from the others.
    appeal_basis: str = ""


def decide(
    *,
    comment: Comment,
    action: Action,
    actor: User | None,
    clause: Clause | None = None,
    note: str = "",
    automatic: bool = False,
    grounds: Grounds | None = None,
) -> Decision:
    """Take `action` on the comment. Must run inside a transaction.

    Raises PermissionRequired, ClauseRequired, ClauseNotInForce, ExplanationRequired,
    LegalGroundRequired, ItemClaimed (another moderator's claim is in force) or
    TransitionNotAllowed (also when another moderator changed the comment first). A moderator's
    decision ends any claim on the item.
    """
    # Long by design: every decision passes these steps in this order, and one reading shows them
    # all.
    if not automatic:
        require(actor, MODERATE)
    # Callers that give no grounds wrote `note` for the author (an appeal's reasons, the count
    # of reports): it is the explanation. Given grounds, `note` stays among moderators.
    grounds = grounds or Grounds(explanation=note)
    if action in policy.NEEDS_CLAUSE and clause is None:
        raise ClauseRequired
    current = locked(comment.pk)
    if actor is not None and not automatic:
        claims.end_for_decision(comment=current, actor=actor)
    clause = _cited(current, clause)
    _check_grounds(action, clause, grounds, automatic=automatic)
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
        grounds=grounds,
    )
    live.comment_decided(current, action=action.value, actor=actor)
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
            comment=current, kind=kind, decision=decision, clause=clause, automatic=automatic
        )
    comment.state = current.state
    return decision


def _cited(comment: Comment, clause: Clause | None) -> Clause | None:
    """The clause of that key in the version the comment was written under, or
    ClauseNotInForce when that version has none."""
    if clause is None:
        return None
    cited = queries.clause_for_comment(comment, clause.key)
    if cited is None:
        raise ClauseNotInForce
    return cited


def _check_grounds(
    action: Action, clause: Clause | None, grounds: Grounds, *, automatic: bool
) -> None:
    if grounds.ground == Ground.ILLEGAL and not grounds.legal_ground.strip():
        raise LegalGroundRequired
    if action not in policy.RESTRICTIVE or automatic:
        return
    titles = [clause.title, *(t.title for t in clause.translations.all())] if clause else []
    if not policy.is_specific_explanation(grounds.explanation, clause_titles=titles):
        raise ExplanationRequired


def _source(comment: Comment, grounds: Grounds, detected: list[str]) -> str:
    if grounds.source:
        return grounds.source
    if grounds.authority_request is not None:
        return Source.AUTHORITY_REQUEST
    # A trusted flagger's report outranks any reader's: its notice is what set the desk off.
    flagged_by = set(
        Report.objects.filter(comment=comment).values_list("trusted_flagger", flat=True)
    )
    if True in flagged_by:
        return Source.TRUSTED_FLAGGER
    if flagged_by:
        return Source.READER_REPORT
    return Source.SCREENING if detected else Source.MODERATOR


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
    grounds: Grounds,
) -> Decision:
    """The decision and its audit entry, side by side."""
    detected = queries.screening_rules_that_held(comment.pk)
    edition = Context.of(comment).edition
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
        source=_source(comment, grounds, detected),
        automation=policy.automation_of(automatic=automatic, detected_automatically=bool(detected)),
        detected_automatically=bool(detected),
        detected_by=detected,
        ground=grounds.ground,
        legal_ground=grounds.legal_ground.strip(),
        also_illegal=grounds.also_illegal or grounds.ground == Ground.ILLEGAL,
        explanation=grounds.explanation.strip(),
        facts=grounds.facts.strip(),
        scope=[edition],
        authority_request=grounds.authority_request,
        comment_text=comment.body,
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
        written=str(language_of(comment.body)),
        action=action,
        source=decision.source,
        automation=decision.automation,
        detected_automatically=decision.detected_automatically,
        ground=decision.ground,
        public_id=decision.public_id,
        basis=grounds.appeal_basis,
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
    *,
    comment: Comment,
    actor: User,
    clause: Clause | None,
    note: str = "",
    explanation: str = "",
    grounds: Grounds | None = None,
) -> Decision:
    """Take a comment down under a clause, with a specific explanation (`explanation`, or the
    fuller `grounds`); the author gets a notice and may appeal. `note` stays among moderators."""
    with transaction.atomic():
        return decide(
            comment=comment,
            action=Action.REMOVE,
            actor=actor,
            clause=clause,
            note=note,
            grounds=grounds or Grounds(explanation=explanation),
        )


def hold_comment(
    *,
    comment: Comment,
    actor: User | None,
    note: str = "",
    explanation: str = "",
    clause: Clause | None = None,
) -> Decision:
    """Take a published comment out of view until it is reviewed (actor None: automatic, after
    readers' reports). A moderator's hold needs a specific explanation."""
    automatic = actor is None
    if automatic and not explanation:
        explanation = _(
            "Readers reported this comment, so it is out of view until a moderator has read "
            "it. Nothing has been decided yet."
        )
    with transaction.atomic():
        return decide(
            comment=comment,
            action=Action.HOLD,
            actor=actor,
            clause=clause,
            note=note,
            automatic=automatic,
            grounds=Grounds(
                explanation=explanation, source=Source.READER_REPORT if automatic else ""
            ),
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
        claims.end_for_decision(comment=current, actor=actor)
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
    explanation: str = "",
) -> BulkResult:
    """The same decision on several comments, each in its own transaction: a comment another
    moderator has just decided is skipped, not failed (so is one whose policy version lacks the
    clause). Raises PermissionRequired, ClauseRequired or ExplanationRequired before touching
    any."""
    require(actor, MODERATE)
    chosen = Action(action)
    if chosen in policy.NEEDS_CLAUSE and clause is None:
        raise ClauseRequired
    grounds = Grounds(explanation=explanation)
    _check_grounds(chosen, clause, grounds, automatic=False)
    done = skipped = 0
    for comment in Comment.objects.filter(pk__in=list(comment_ids)).order_by("pk"):
        try:
            with transaction.atomic():
                decision = decide(
                    comment=comment,
                    action=chosen,
                    actor=actor,
                    clause=clause,
                    note=note,
                    grounds=grounds,
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
