"""Readers' reports: a reader names the clause or the law a comment breaks; enough reports
hold it; the decision on the comment resolves them all, and every reporter is told.

A reader reports a comment once, under a clause of the Comment Policy or as illegal content
(the law, a substantiated explanation and a statement of good faith). The report records the
text it is about (the comment's revision) and the policy version of its clause, and is
acknowledged; filed from the account of an organisation trusted as a flagger, it is marked so,
and the desk reads it first. When the open reports on a published comment reach the threshold
set in the admin, the comment is taken out of view automatically until a moderator decides. One
decision resolves every open report on the comment (`resolve_reports`), and each reporter gets one
message naming the clause considered, whether automated means took part, and their redress. A
reporter whose report was closed with no action may ask, once, for a review. Repeated
manifestly unfounded reports earn a warning, then a time-limited loss of the right to report.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import live, policy
from gazette.moderation.exceptions import AlreadyReported, ModerationError, ReportingSuspended
from gazette.moderation.models import (
    AuditEntry,
    Clause,
    Decision,
    ModerationSettings,
    Report,
    ReporterMessage,
    ReportingRestriction,
    TrustedFlagger,
)
from gazette.moderation.policy import Action, ReportingMeasure, Source
from gazette.moderation.services import audit, decisions
from gazette.moderation.services.reporter_messages import send_reporter_message
from gazette.moderation.webhooks import announce_report


class NotReportable(ModerationError):  # noqa: N818 - named for the state it reports
    default_message = _("Only a published comment can be reported, and a review asked for once.")


class ReportIncomplete(ModerationError):  # noqa: N818 - named for the state it reports
    default_message = _(
        "Name the rule the comment breaks, or, for illegal content, the law, why the comment "
        "breaks it, and confirm that you report in good faith."
    )


def report_comment(
    *,
    comment: Comment,
    clause: Clause | None,
    reporter_key: str,
    reporter: User | None = None,
    note: str = "",
    ground: str = Report.Ground.POLICY,
    legal_ground: str = "",
    bona_fide: bool = False,
    reporter_name: str = "",
    reporter_email: str = "",
    language: str = "",
) -> Report:
    """Record a reader's report and acknowledge it; hold the comment once the reports reach the
    threshold.

    Raises ReportIncomplete (no clause; for illegal content no law, explanation or statement of
    good faith), ReportingSuspended while the reader may not report, AlreadyReported if this
    reader reported it before, NotReportable unless it is published.
    """
    # Long by design: the report, its audit entry, its acknowledgement and the hold at the
    # threshold are one transaction.
    note, legal_ground = note.strip(), legal_ground.strip()
    _require_ground(
        ground, clause=clause, legal_ground=legal_ground, note=note, bona_fide=bona_fide
    )
    threshold = ModerationSettings.load().report_threshold
    with transaction.atomic():
        refuse_if_suspended(reporter_key=reporter_key, user_id=reporter.pk if reporter else None)
        current = decisions.locked(comment.pk)
        if current.state != Comment.State.PUBLISHED:
            raise NotReportable
        trusted = is_trusted_flagger(reporter)
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    comment=current,
                    comment_revision=current.revisions.count(),
                    comment_edited_at=current.edited_at,
                    ground=ground,
                    clause=clause,
                    policy_version=clause.version.number if clause is not None else None,
                    legal_ground=legal_ground if ground == Report.Ground.ILLEGAL else "",
                    note=note,
                    bona_fide=bona_fide,
                    reporter=reporter,
                    reporter_key=reporter_key,
                    reporter_name=reporter_name.strip(),
                    reporter_email=reporter_email.strip(),
                    trusted_flagger=trusted,
                    **({"language": language} if language else {}),
                )
        except IntegrityError as exc:
            raise AlreadyReported from exc
        # A reader acted, not the system: signed in, the entry names them.
        audit.record(
            AuditEntry.Event.REPORTED,
            comment=current,
            actor=reporter,
            automatic=False,
            clause=clause,
            outcome=ground,
            record_id=report.pk,
            source=_source(report),
        )
        send_reporter_message(report=report, kind=ReporterMessage.Kind.ACKNOWLEDGED)
        announce_report(report)
        live.report_received(report)
        open_reports = Report.objects.filter(comment=current, outcome=Report.Outcome.OPEN).count()
        if open_reports >= threshold:
            decisions.decide(
                comment=current,
                action=Action.HOLD,
                actor=None,
                automatic=True,
                note=f"{open_reports} reports",
            )
    return report


def is_trusted_flagger(reporter: User | None) -> bool:
    """Whether the account is an organisation trusted as a flagger now."""
    return reporter is not None and TrustedFlagger.objects.in_force().filter(user=reporter).exists()


def _source(report: Report) -> str:
    return Source.TRUSTED_FLAGGER if report.trusted_flagger else Source.READER_REPORT


def _require_ground(
    ground: str, *, clause: Clause | None, legal_ground: str, note: str, bona_fide: bool
) -> None:
    if ground == Report.Ground.ILLEGAL:
        if not (legal_ground and note and bona_fide):
            raise ReportIncomplete
    elif ground != Report.Ground.POLICY or clause is None:
        raise ReportIncomplete


def refuse_if_suspended(*, reporter_key: str, user_id: int | None) -> None:
    """Raise ReportingSuspended, saying until when, while the reader may not report."""
    restriction = (
        ReportingRestriction.objects.in_force()
        .of_reporter(reporter_key=reporter_key, user_id=user_id)
        .order_by("-ends_at")
        .first()
    )
    if restriction is not None and restriction.ends_at is not None:
        until = formats.date_format(restriction.ends_at, "DATETIME_FORMAT")
        raise ReportingSuspended(
            _(
                "You cannot report comments until %(until)s: after a warning, more of your "
                "reports were found manifestly unfounded."
            )
            % {"until": until}
        )


def resolve_reports(
    *,
    comment: Comment,
    outcome: str,
    decision: Decision | None = None,
    actor: User | None = None,
    manifestly_unfounded: bool = False,
) -> int:
    """Close every open report on the comment with one outcome (the decision just taken on it),
    tell each reporter once, and take the measure due against misuse. Must run inside the
    decision's transaction, the comment's row locked. Returns how many reports were closed."""
    now = clock.now()
    automated = decision.automatic if decision is not None else actor is None
    unfounded = manifestly_unfounded and outcome == Report.Outcome.NO_ACTION
    reports = list(
        Report.objects.filter(comment=comment, outcome=Report.Outcome.OPEN)
        .select_related("clause__version", "reporter", "comment")
        .order_by("pk")
    )
    Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        outcome=outcome,
        resolved_at=now,
        decision=decision,
        automated=automated,
        manifestly_unfounded=unfounded,
    )
    extra: dict[str, object] = {
        "automated_decision": automated,
        "automated_detection": bool(comment.screening_reasons),
    }
    for report in reports:
        report.outcome, report.resolved_at, report.decision = outcome, now, decision
        report.manifestly_unfounded = unfounded
        audit.record(
            AuditEntry.Event.REPORT_RESOLVED,
            comment=comment,
            actor=actor,
            automatic=automated,
            clause=report.clause,
            outcome=outcome,
            note=report.ground,
            record_id=report.pk,
            source=_source(report),
            # The ground the comment was acted on (law or policy), for the published figures.
            ground=decision.ground
            if decision is not None and outcome == Report.Outcome.ACTIONED
            else "",
        )
        send_reporter_message(
            report=report, kind=ReporterMessage.Kind.OUTCOME, decision=decision, extra=extra
        )
        if outcome == Report.Outcome.NO_ACTION:
            _consider_misuse(report)
    return len(reports)


def revise_reports(*, comment: Comment, decision: Decision, actor: User | None = None) -> int:
    """A removed comment is put back (an appeal upheld, a mistake corrected): the reports that
    led to the removal now say it was reinstated, with the new decision, and each reporter is
    told.
    Must run inside the decision's transaction. Returns how many reports changed."""
    now = clock.now()
    reports = list(
        Report.objects.filter(comment=comment, outcome=Report.Outcome.ACTIONED)
        .select_related("clause__version", "reporter", "comment")
        .order_by("pk")
    )
    Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        outcome=Report.Outcome.REINSTATED, resolved_at=now, decision=decision
    )
    extra: dict[str, object] = {
        "automated_decision": decision.automatic,
        "automated_detection": bool(comment.screening_reasons),
    }
    for report in reports:
        report.outcome, report.resolved_at, report.decision = (
            Report.Outcome.REINSTATED,
            now,
            decision,
        )
        audit.record(
            AuditEntry.Event.REPORT_RESOLVED,
            comment=comment,
            actor=actor,
            automatic=decision.automatic,
            clause=report.clause,
            outcome=Report.Outcome.REINSTATED,
            note=report.ground,
            record_id=report.pk,
            source=_source(report),
        )
        send_reporter_message(
            report=report, kind=ReporterMessage.Kind.OUTCOME, decision=decision, extra=extra
        )
    return len(reports)


def _consider_misuse(report: Report) -> None:
    """Count the reader's unfounded reports since their last measure (within the window) and
    take the measure policy.report_misuse_measure says is due."""
    now = clock.now()
    since = now - policy.MISUSE_WINDOW
    restrictions = ReportingRestriction.objects.of_reporter(
        reporter_key=report.reporter_key, user_id=report.reporter_id
    ).filter(starts_at__gt=since)
    last = restrictions.order_by("-starts_at").first()
    counted = Report.objects.filter(
        reporter_key=report.reporter_key,
        outcome=Report.Outcome.NO_ACTION,
        resolved_at__gt=last.starts_at if last is not None else since,
    ).aggregate(dismissed=Count("pk"), unfounded=Count("pk", filter=Q(manifestly_unfounded=True)))
    unfounded = policy.unfounded_reports(
        manifestly_unfounded=counted["unfounded"], dismissed=counted["dismissed"]
    )
    warned = restrictions.filter(kind=ReportingMeasure.WARNING).exists()
    measure = policy.report_misuse_measure(unfounded=unfounded, warned=warned)
    if measure is not None:
        _take_measure(report, measure, unfounded=unfounded, now=now)


def _take_measure(
    report: Report, measure: ReportingMeasure, *, unfounded: int, now: datetime
) -> None:
    ends_at = now + policy.REPORTING_SUSPENSION if measure == ReportingMeasure.SUSPENSION else None
    restriction = ReportingRestriction.objects.create(
        kind=measure,
        user=report.reporter,
        reporter_key=report.reporter_key,
        report=report,
        starts_at=now,
        ends_at=ends_at,
        unfounded=unfounded,
    )
    suspended = measure == ReportingMeasure.SUSPENSION
    audit.record(
        AuditEntry.Event.REPORTING_SUSPENDED if suspended else AuditEntry.Event.REPORTER_WARNED,
        comment=report.comment,
        automatic=True,
        outcome="unfounded_reports",
        record_id=restriction.pk,
    )
    kind = (
        ReporterMessage.Kind.REPORTING_SUSPENDED
        if suspended
        else ReporterMessage.Kind.MISUSE_WARNING
    )
    send_reporter_message(
        report=report, kind=kind, extra={"unfounded": unfounded, "ends_at": ends_at}
    )
