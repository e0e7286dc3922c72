"""What an appeal's outcome does, inside the transaction that decides it.

A reversal undoes everything at once: a removed or held comment returns with the same id,
place and times, and the thread's count with it; the sanctions it led to are revoked; the
reports that had it removed say it was reinstated on appeal. A reversed sanction is revoked;
a refused comment is published as it was written; a "no action" becomes a removal under the
reported clause. A modification keeps the decision but lifts the sanction it led to (for a
suspension or ban: replaces it with a warning). Called only by services.appeals.decide_appeal,
with the person who decided.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.comments.models import Comment
from gazette.comments.services import publish_refused_comment
from gazette.core import clock
from gazette.moderation.exceptions import OutcomeNotAvailable
from gazette.moderation.models import Appeal, AuditEntry, Report, Sanction, ScreeningRefusal
from gazette.moderation.policy import Action, AppealBasis, AppealOutcome, SanctionKind
from gazette.moderation.services import audit, sanctions
from gazette.moderation.services.decisions import Grounds, decide, locked


def apply(appeal: Appeal, *, actor: User) -> None:
    outcome = AppealOutcome(appeal.outcome)
    if outcome == AppealOutcome.UPHELD:
        return
    basis = AppealBasis(appeal.basis)
    if basis == AppealBasis.DECISION:
        _decision(appeal, actor, outcome)
    elif basis == AppealBasis.SANCTION:
        _sanction(appeal, actor, outcome)
    elif basis == AppealBasis.REFUSAL:
        _publish_refused(appeal, actor)
    else:
        _remove_reported(appeal, actor)


def _decision(appeal: Appeal, actor: User, outcome: AppealOutcome) -> None:
    decision = appeal.decision
    assert decision is not None  # noqa: S101 - the basis says so (a check constraint)
    comment = decision.comment
    if outcome == AppealOutcome.REVERSED:
        current = locked(comment.pk)
        undo = Action.REINSTATE if current.state == Comment.State.REMOVED else Action.APPROVE
        # The comment's reports follow the decision (services/reports: revise_reports for a
        # reinstatement, resolve_reports for an approval), and their reporters are told.
        decide(
            comment=current,
            action=undo,
            actor=actor,
            note=appeal.response,
            grounds=Grounds(explanation=appeal.response, appeal_basis=appeal.basis),
        )
    for sanction in Sanction.objects.filter(comment=comment, revoked_at__isnull=True):
        _lift(sanction, actor, appeal.response)


def _lift(sanction: Sanction, actor: User, reason: str) -> None:
    sanctions.revoke_sanction(
        sanction=sanction,
        actor=actor,
        reason=_("Lifted on appeal: %(reason)s") % {"reason": reason},
    )


def _sanction(appeal: Appeal, actor: User, outcome: AppealOutcome) -> None:
    sanction = appeal.sanction
    assert sanction is not None  # noqa: S101 - the basis says so (a check constraint)
    if outcome == AppealOutcome.MODIFIED and sanction.kind == SanctionKind.WARNING:
        raise OutcomeNotAvailable(_("A warning can only be upheld or reversed."))
    _lift(sanction, actor, appeal.response)
    if outcome == AppealOutcome.MODIFIED:
        sanctions.sanction_author(
            kind=SanctionKind.WARNING,
            clause=sanction.clause,
            reason=appeal.response,
            actor=actor,
            user=sanction.user,
            email=sanction.email,
            ip_hash=sanction.ip_hash,
            comment=sanction.comment,
        )


def _publish_refused(appeal: Appeal, actor: User) -> None:
    refusal = appeal.refusal
    assert refusal is not None  # noqa: S101 - the basis says so (a check constraint)
    comment = publish_refused_comment(
        thread=refusal.thread,
        reader=Reader(key=refusal.author_key, ip_hash=refusal.ip_hash, user=refusal.user),
        name=refusal.author_name,
        email=refusal.email,
        body=refusal.body,
        parent_id=refusal.parent_id,
        written_at=refusal.created_at,
    )
    ScreeningRefusal.objects.filter(pk=refusal.pk).update(published_as=comment)
    Appeal.objects.filter(pk=appeal.pk).update(comment=comment)
    appeal.comment = comment
    audit.record(
        AuditEntry.Event.REFUSAL_PUBLISHED,
        comment=comment,
        actor=actor,
        from_state="refused",
        to_state=comment.state,
        note=appeal.response,
        record_id=appeal.pk,
        basis=appeal.basis,
    )


def _remove_reported(appeal: Appeal, actor: User) -> None:
    report = appeal.report
    assert report is not None  # noqa: S101 - the basis says so (a check constraint)
    current = locked(report.comment_id)
    if current.state == Comment.State.REMOVED:
        return
    decide(
        comment=current,
        action=Action.REMOVE,
        actor=actor,
        clause=report.clause,
        note=appeal.response,
    )
    Report.objects.filter(pk=report.pk).update(
        outcome=Report.Outcome.ACTIONED, resolved_at=clock.now()
    )
