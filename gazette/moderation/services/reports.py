"""Readers' reports: a reader names the clause a comment breaks; enough reports hold it.

A reader reports a comment once. When the open reports on a published comment reach the
threshold set in the admin, the comment is taken out of view automatically until a moderator
decides. A reporter whose report was closed with no action may ask, once, for a review.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation.exceptions import AlreadyReported, ModerationError
from gazette.moderation.models import AuditEntry, Clause, ModerationSettings, Report
from gazette.moderation.policy import Action
from gazette.moderation.services import audit
from gazette.moderation.services.decisions import decide, locked


class NotReportable(ModerationError):  # noqa: N818 - named for the state it reports
    default_message = _("Only a published comment can be reported, and a review asked for once.")


def report_comment(
    *,
    comment: Comment,
    clause: Clause,
    reporter_key: str,
    reporter: User | None = None,
    note: str = "",
) -> Report:
    """Record a reader's report; hold the comment once the reports reach the threshold.

    Raises AlreadyReported if this reader reported it before, NotReportable unless it is
    published.
    """
    # Long by design: the report, its audit entry and the hold at the threshold are one transaction.
    threshold = ModerationSettings.load().report_threshold
    with transaction.atomic():
        current = locked(comment.pk)
        if current.state != Comment.State.PUBLISHED:
            raise NotReportable
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    comment=current,
                    clause=clause,
                    note=note.strip(),
                    reporter=reporter,
                    reporter_key=reporter_key,
                )
        except IntegrityError as exc:
            raise AlreadyReported from exc
        audit.record(
            AuditEntry.Event.REPORTED,
            comment=current,
            actor=None,
            automatic=False,
            clause=clause,
            record_id=report.pk,
        )
        open_reports = Report.objects.filter(comment=current, outcome=Report.Outcome.OPEN).count()
        if open_reports >= threshold:
            decide(
                comment=current,
                action=Action.HOLD,
                actor=None,
                automatic=True,
                note=f"{open_reports} reports",
            )
    return report


def request_review(*, report: Report) -> Report:
    """A reporter asks for a second look at a decision to leave the comment up (once)."""
    with transaction.atomic():
        changed = Report.objects.filter(
            pk=report.pk, outcome=Report.Outcome.NO_ACTION, review_requested_at__isnull=True
        ).update(review_requested_at=clock.now())
        if not changed:
            raise NotReportable
        report.refresh_from_db()
        audit.record(
            AuditEntry.Event.REVIEW_REQUESTED,
            comment=report.comment,
            clause=report.clause,
            record_id=report.pk,
        )
    return report
