"""Appeals: an author contests a removal once; someone else decides.

Upholding an appeal reinstates the comment through the comments app, which restores the
thread's count; either outcome is recorded in the audit log and notified to the author.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from gazette.accounts.models import User
from gazette.core import clock
from gazette.moderation import policy
from gazette.moderation.exceptions import (
    AppealAlreadyDecided,
    AppealAlreadyFiled,
    AppealClosed,
    AppealNotAllowed,
    OwnDecision,
)
from gazette.moderation.models import Appeal, AuditEntry, Decision, ModerationSettings, Notice
from gazette.moderation.policy import Action
from gazette.moderation.services import audit
from gazette.moderation.services.decisions import decide, require
from gazette.moderation.services.notices import send_notice

DECIDE_APPEALS = "moderation.decide_appeals"


def file_appeal(*, decision: Decision, statement: str) -> Appeal:
    """The author's appeal against a removal. Raises AppealNotAllowed (not a removal, or the
    comment has since changed), AppealClosed (too late) or AppealAlreadyFiled."""
    days = ModerationSettings.load().appeal_days
    now = clock.now()
    if decision.action not in policy.APPEALABLE:
        raise AppealNotAllowed
    if now > policy.appeal_deadline(decision.created_at, days):
        raise AppealClosed
    with transaction.atomic():
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(
                    decision=decision,
                    decision_actor=decision.actor,
                    statement=statement.strip(),
                    created_at=now,
                )
        except IntegrityError as exc:
            raise AppealAlreadyFiled from exc
        audit.record(
            AuditEntry.Event.APPEAL_FILED,
            comment=decision.comment,
            clause=decision.clause,
            record_id=appeal.pk,
        )
    return appeal


def decide_appeal(*, appeal: Appeal, actor: User, upheld: bool, response: str = "") -> Appeal:
    """Uphold (reinstate the comment) or reject an appeal.

    Raises PermissionRequired, OwnDecision (the actor made the decision appealed) or
    AppealAlreadyDecided.
    """
    # Long by design: the checks, the outcome, its audit entry and the notice are one transaction,
    # read top to bottom.
    require(actor, DECIDE_APPEALS)
    decision = appeal.decision
    if not policy.may_decide_appeal(decider_id=actor.pk, decided_by_id=decision.actor_id):
        raise OwnDecision
    outcome = Appeal.Outcome.UPHELD if upheld else Appeal.Outcome.REJECTED
    with transaction.atomic():
        changed = Appeal.objects.filter(pk=appeal.pk, outcome=Appeal.Outcome.PENDING).update(
            outcome=outcome, decided_by=actor, decided_at=clock.now(), response=response.strip()
        )
        if not changed:
            raise AppealAlreadyDecided
        audit.record(
            AuditEntry.Event.APPEAL_UPHELD if upheld else AuditEntry.Event.APPEAL_REJECTED,
            comment=decision.comment,
            actor=actor,
            clause=decision.clause,
            outcome=outcome,
            note=response,
            record_id=appeal.pk,
        )
        if upheld:
            decide(
                comment=decision.comment,
                action=Action.REINSTATE,
                actor=actor,
                note=response,
                automatic=False,
            )
        else:
            send_notice(
                comment=decision.comment,
                kind=Notice.Kind.APPEAL_REJECTED,
                clause=decision.clause,
                note=response,
            )
    appeal.refresh_from_db()
    return appeal
