"""What a site's webhooks are told about reports and appeals on its pages: IDs, the comment,
the clause, the state and when; never who reported or appealed."""

from __future__ import annotations

from typing import Any

from gazette.comments.models import Thread
from gazette.comments.webhooks import comment_data, thread_data
from gazette.moderation.models import Appeal, Report
from gazette.sites.models import WebhookEvent
from gazette.sites.services import announce


def announce_report(report: Report) -> None:
    """Tell the comment's site, once the current write commits, that it was reported."""
    data = {
        "report": {
            "id": report.pk,
            "ground": report.ground,
            "clause": report.clause.key if report.clause is not None else None,
            "created_at": report.created_at.isoformat(),
        },
        "comment": comment_data(report.comment),
    }
    announce(site_key=report.comment.thread.site, event=WebhookEvent.REPORT_CREATED, data=data)


def announce_appeal(event: WebhookEvent, appeal: Appeal) -> None:
    """Tell the site of the appealed comment (or refused submission) of the appeal, once the
    current write commits. An appeal against a sanction concerns no page: no site hears of it."""
    thread = _thread_of(appeal)
    if thread is None:
        return
    data: dict[str, Any] = {
        "appeal": {
            "id": appeal.pk,
            "basis": appeal.basis,
            "status": appeal.status,
            "outcome": appeal.outcome,
            "created_at": appeal.created_at.isoformat(),
            "decided_at": appeal.decided_at.isoformat() if appeal.decided_at else None,
        },
        "comment": comment_data(appeal.comment) if appeal.comment is not None else None,
        "thread": thread_data(thread),
    }
    announce(site_key=thread.site, event=event, data=data)


def _thread_of(appeal: Appeal) -> Thread | None:
    if appeal.comment is not None:
        return appeal.comment.thread
    if appeal.refusal is not None:
        return appeal.refusal.thread
    return None
