"""Appeals: anyone a decision touched contests it once; a person who took no part decides.

What may be appealed (policy.AppealBasis): a removal or hold of a comment (by its author), a
sanction (by its subject), a comment screening refused (by its writer) and a report closed with
no action (by the reporter). Each is appealed once (a one-to-one field), free of charge, within
policy.APPEAL_WINDOW_DAYS of the day the person was told. Filing routes the appeal to a
reviewer who reads the language of what is appealed, or flags it when there is none; it is
acknowledged at once. Only a person holding `decide_appeals`, who neither made the decision
nor reported the comment and who reads its language, may take or decide it: no function here
closes an appeal without such a person (services/appeal_outcomes.py applies the outcome).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import policy, reviewers
from gazette.moderation.exceptions import (
    AppealAlreadyDecided,
    AppealAlreadyFiled,
    AppealClosed,
    AppealNotAllowed,
    AppealRightSuspended,
    OutcomeNotAvailable,
    OwnDecision,
    PermissionRequired,
    ReasonsRequired,
    ReporterMayNotDecide,
    ReviewerLacksLanguage,
)
from gazette.moderation.models import (
    Appeal,
    AppealNotice,
    AppealRightSuspension,
    AuditEntry,
    Decision,
    Report,
    Sanction,
    ScreeningRefusal,
)
from gazette.moderation.policy import AppealOutcome
from gazette.moderation.screening.languages import language_of
from gazette.moderation.services import appeal_outcomes, audit
from gazette.moderation.services.appeal_notices import send_appeal_notice
from gazette.moderation.services.decisions import require
from gazette.moderation.webhooks import announce_appeal
from gazette.sites.models import WebhookEvent

DECIDE_APPEALS = reviewers.DECIDE_APPEALS

_DECIDED_EVENTS = {
    AppealOutcome.UPHELD: AuditEntry.Event.APPEAL_REJECTED,
    AppealOutcome.REVERSED: AuditEntry.Event.APPEAL_UPHELD,
    AppealOutcome.MODIFIED: AuditEntry.Event.APPEAL_MODIFIED,
}


@dataclass(frozen=True)
class _Target:
    """What an appeal is against, as filing needs it."""

    basis: policy.AppealBasis
    fields: dict[str, object]
    comment: Comment | None
    decision_actor_id: int | None
    informed_at: datetime
    email: str
    text: str
    flagged: bool = False


# ---------------------------------------------------------------- filing


def file_appeal(
    *,
    decision: Decision,
    statement: str,
    information: str = "",
    appellant: Reader | None = None,
    language: str | None = None,
) -> Appeal:
    """The author's appeal against a removal or hold of their comment. Raises
    AppealNotAllowed (not a removal or hold, or the comment has since changed), AppealClosed
    (too late), AppealAlreadyFiled or AppealRightSuspended."""
    comment = decision.comment
    if decision.action not in policy.APPEALABLE or comment.state != decision.to_state:
        raise AppealNotAllowed
    target = _Target(
        policy.AppealBasis.DECISION,
        {"decision": decision},
        comment,
        decision.actor_id,
        decision.created_at,
        comment.email,
        comment.body,
        bool(comment.screening_reasons),
    )
    return _file(target, statement, information, appellant, language)


def appeal_sanction(
    *,
    sanction: Sanction,
    statement: str,
    information: str = "",
    appellant: Reader | None = None,
    language: str | None = None,
) -> Appeal:
    """The subject's appeal against a warning, suspension or ban. Raises AppealNotAllowed
    (revoked already), AppealClosed, AppealAlreadyFiled or AppealRightSuspended."""
    if sanction.revoked_at is not None:
        raise AppealNotAllowed
    comment = sanction.comment
    email = sanction.user.email if sanction.user is not None else sanction.email
    target = _Target(
        policy.AppealBasis.SANCTION,
        {"sanction": sanction},
        comment,
        sanction.decided_by_id,
        sanction.starts_at,
        email,
        comment.body if comment is not None else "",
        comment is not None and bool(comment.screening_reasons),
    )
    return _file(target, statement, information, appellant, language)


def appeal_refusal(
    *,
    refusal: ScreeningRefusal,
    statement: str,
    information: str = "",
    appellant: Reader | None = None,
    language: str | None = None,
) -> Appeal:
    """The writer's appeal against screening's refusal of their comment. Raises
    AppealClosed, AppealAlreadyFiled or AppealRightSuspended."""
    target = _Target(
        policy.AppealBasis.REFUSAL,
        {"refusal": refusal},
        None,
        None,
        refusal.created_at,
        refusal.email,
        refusal.body,
        flagged=True,
    )
    return _file(target, statement, information, appellant, language)


def appeal_no_action(
    *,
    report: Report,
    statement: str,
    information: str = "",
    appellant: Reader | None = None,
    language: str | None = None,
) -> Appeal:
    """The reporter's appeal against closing their report with no action. The comment's
    author is never told who appealed. Raises AppealNotAllowed (the report is not closed with
    no action), AppealClosed, AppealAlreadyFiled or AppealRightSuspended."""
    if report.outcome != Report.Outcome.NO_ACTION or report.resolved_at is None:
        raise AppealNotAllowed
    comment = report.comment
    target = _Target(
        policy.AppealBasis.NO_ACTION,
        {"report": report},
        comment,
        reviewers.no_action_decider(report),
        report.resolved_at,
        report.reporter.email if report.reporter is not None else "",
        comment.body,
        bool(comment.screening_reasons),
    )
    return _file(target, statement, information, appellant, language)


def _file(
    target: _Target,
    statement: str,
    information: str,
    appellant: Reader | None,
    language: str | None,
) -> Appeal:
    # Long by design: the checks, the appeal, its routing, audit entries and acknowledgement
    # are one transaction, read top to bottom.
    now = clock.now()
    key = appellant.key if appellant is not None else ""
    _refuse_if_suspended(key, now)
    deadline = policy.appeal_deadline(target.informed_at)
    if now > deadline:
        raise AppealClosed(_closed_message(deadline))
    with transaction.atomic():
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(
                    basis=target.basis,
                    comment=target.comment,
                    decision_actor_id=target.decision_actor_id,
                    appellant=appellant.user if appellant is not None else None,
                    appellant_key=key,
                    email=target.email,
                    language=_known_language(language or translation.get_language()),
                    content_language=policy.base_language(language_of(target.text))
                    if target.text.strip()
                    else _known_language(language),
                    statement=statement.strip(),
                    information=information.strip(),
                    screening_flagged=target.flagged,
                    informed_at=target.informed_at,
                    created_at=now,
                    decide_by=policy.appeal_decide_by(now),
                    **target.fields,
                )
        except IntegrityError as exc:
            raise AppealAlreadyFiled from exc
        _audit(AuditEntry.Event.APPEAL_FILED, appeal, actor=appellant.user if appellant else None)
        announce_appeal(WebhookEvent.APPEAL_CREATED, appeal)
        _route(appeal)
        send_appeal_notice(appeal=appeal, kind=AppealNotice.Kind.ACKNOWLEDGED)
    return appeal


def _known_language(code: str | None) -> str:
    codes = {language for language, _name in settings.LANGUAGES}
    base = policy.base_language(code or settings.LANGUAGE_CODE)
    return base if base in codes else policy.base_language(settings.LANGUAGE_CODE)


def _closed_message(deadline: datetime) -> str:
    return _(
        "The time for appealing this decision ended on %(date)s: an appeal may be filed within "
        "%(days)s days of the day you were told of the decision."
    ) % {
        "date": formats.date_format(timezone.localtime(deadline), "DATE_FORMAT"),
        "days": policy.APPEAL_WINDOW_DAYS,
    }


def _refuse_if_suspended(key: str, now: datetime) -> None:
    if not key:
        return
    suspension = (
        AppealRightSuspension.objects.filter(appellant_key=key, starts_at__lte=now, ends_at__gt=now)
        .order_by("-ends_at")
        .first()
    )
    if suspension is not None:
        until = formats.date_format(timezone.localtime(suspension.ends_at), "DATETIME_FORMAT")
        raise AppealRightSuspended(
            _(
                "You cannot file an appeal until %(until)s: too many of your appeals were found "
                "manifestly unfounded, after a warning."
            )
            % {"until": until}
        )


def _route(appeal: Appeal) -> None:
    """Give the appeal to the qualified reviewer with the fewest open appeals, or flag it."""
    chosen = reviewers.qualified_reviewers(
        language=appeal.content_language, involved=reviewers.involved_in(appeal)
    ).first()
    if chosen is None:
        Appeal.objects.filter(pk=appeal.pk).update(no_qualified_reviewer=True)
        appeal.no_qualified_reviewer = True
        _audit(AuditEntry.Event.APPEAL_NO_REVIEWER, appeal, automatic=True)
        return
    Appeal.objects.filter(pk=appeal.pk).update(assigned_to=chosen)
    appeal.assigned_to = chosen
    _audit(AuditEntry.Event.APPEAL_ASSIGNED, appeal, automatic=True, note=f"reviewer {chosen.pk}")


def _audit(
    event: str,
    appeal: Appeal,
    *,
    actor: User | None = None,
    automatic: bool = False,
    outcome: str = "",
    note: str = "",
) -> None:
    """An appeal's audit entry: its basis, whether screening flagged the item, when it was
    filed. Filing is the appellant's own act, never automatic."""
    comment = appeal.comment
    if comment is None and appeal.refusal_id is not None:
        thread = ScreeningRefusal.objects.get(pk=appeal.refusal_id).thread
        context: audit.Context | None = audit.Context.of_thread(thread)
    else:
        context = None
    audit.record(
        event,
        comment=comment,
        actor=actor,
        automatic=automatic,
        outcome=outcome,
        note=note,
        record_id=appeal.pk,
        context=context,
        basis=appeal.basis,
        screening_flagged=appeal.screening_flagged,
        filed_at=appeal.created_at,
        written=appeal.content_language,
    )


# ---------------------------------------------------------------- review


def _check_reviewer(appeal: Appeal, user: User) -> None:
    """Raise unless `user` may review this appeal: the permission, no part in it, the
    language."""
    require(user, DECIDE_APPEALS)
    involved = reviewers.involved_in(appeal)
    if involved.decider_id is not None and involved.decider_id == user.pk:
        raise OwnDecision
    if user.pk in involved.reporter_ids:
        raise ReporterMayNotDecide
    if not policy.reads_language(
        languages=reviewers.languages_of(user), language=appeal.content_language
    ):
        raise ReviewerLacksLanguage


def _locked(appeal: Appeal) -> Appeal:
    current = Appeal.objects.select_for_update(of=("self",)).filter(pk=appeal.pk).first()
    if current is None or current.outcome != Appeal.Outcome.PENDING:
        raise AppealAlreadyDecided
    return current


def assign_appeal(*, appeal: Appeal, actor: User, reviewer: User | None = None) -> Appeal:
    """Put the appeal in review with `reviewer` (the actor themself by default). Raises
    PermissionRequired, OwnDecision, ReporterMayNotDecide, ReviewerLacksLanguage (the reviewer
    does not read the comment's language) or AppealAlreadyDecided."""
    require(actor, DECIDE_APPEALS)
    chosen = reviewer or actor
    _check_reviewer(appeal, chosen)
    with transaction.atomic():
        current = _locked(appeal)
        Appeal.objects.filter(pk=current.pk).update(
            assigned_to=chosen, status=Appeal.Status.IN_REVIEW, no_qualified_reviewer=False
        )
        current.refresh_from_db()
        _audit(AuditEntry.Event.APPEAL_ASSIGNED, current, actor=actor, note=f"reviewer {chosen.pk}")
    return current


def decide_appeal(
    *,
    appeal: Appeal,
    actor: User | None,
    outcome: str,
    response: str,
    manifestly_unfounded: bool = False,
) -> Appeal:
    """Decide an appeal: upheld (the decision stands), reversed (it is undone, with everything
    that followed from it) or modified; with reasons the appellant reads, and a notice sent at
    once. A rejected appeal may be marked manifestly unfounded, which counts towards misuse.

    Raises PermissionRequired (no person, or no permission), OwnDecision, ReporterMayNotDecide,
    ReviewerLacksLanguage, ReasonsRequired, OutcomeNotAvailable or AppealAlreadyDecided.
    """
    if actor is None:
        raise PermissionRequired
    require(actor, DECIDE_APPEALS)
    chosen = AppealOutcome(outcome)
    if chosen not in policy.OUTCOMES_BY_BASIS[policy.AppealBasis(appeal.basis)]:
        raise OutcomeNotAvailable
    if manifestly_unfounded and chosen != AppealOutcome.UPHELD:
        raise OutcomeNotAvailable(_("Only an appeal that fails can be manifestly unfounded."))
    reasons = response.strip()
    if not reasons:
        raise ReasonsRequired
    _check_reviewer(appeal, actor)
    with transaction.atomic():
        current = _locked(appeal)
        Appeal.objects.filter(pk=current.pk).update(
            outcome=chosen,
            status=Appeal.Status.DECIDED,
            response=reasons,
            manifestly_unfounded=manifestly_unfounded,
            decided_by=actor,
            decided_at=clock.now(),
            assigned_to=current.assigned_to_id or actor.pk,
        )
        current.refresh_from_db()
        _audit(_DECIDED_EVENTS[chosen], current, actor=actor, outcome=chosen, note=reasons)
        announce_appeal(WebhookEvent.APPEAL_DECIDED, current)
        appeal_outcomes.apply(current, actor=actor)
        send_appeal_notice(appeal=current, kind=AppealNotice.Kind.DECIDED)
        if manifestly_unfounded:
            _count_misuse(current, actor)
    return current


def _count_misuse(appeal: Appeal, actor: User) -> None:
    """A warning at the limit of manifestly unfounded appeals in the period; past it, a
    time-limited loss of the right to appeal. Each is an audit entry and a message."""
    if not appeal.appellant_key:
        return
    now = clock.now()
    since = now - timedelta(days=policy.UNFOUNDED_APPEALS_PERIOD_DAYS)
    count = Appeal.objects.filter(
        appellant_key=appeal.appellant_key, manifestly_unfounded=True, decided_at__gte=since
    ).count()
    misuse = policy.appeal_misuse(unfounded_in_period=count)
    if misuse == policy.AppealMisuse.WARNING:
        _audit(AuditEntry.Event.APPEAL_MISUSE_WARNED, appeal, actor=actor, outcome=str(count))
        send_appeal_notice(
            appeal=appeal, kind=AppealNotice.Kind.MISUSE_WARNING, extra={"unfounded": count}
        )
    elif misuse == policy.AppealMisuse.SUSPENSION:
        suspension = AppealRightSuspension.objects.create(
            appellant_key=appeal.appellant_key,
            starts_at=now,
            ends_at=now + timedelta(days=policy.APPEAL_RIGHT_SUSPENSION_DAYS),
            unfounded_count=count,
            decided_by=actor,
        )
        _audit(AuditEntry.Event.APPEAL_RIGHT_LOST, appeal, actor=actor, outcome=str(count))
        send_appeal_notice(
            appeal=appeal,
            kind=AppealNotice.Kind.RIGHT_SUSPENDED,
            extra={"unfounded": count, "until": suspension.ends_at},
        )
