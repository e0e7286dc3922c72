"""Messages to the readers who report comments, written once and stored exactly as sent.

Each message is rendered in the language the reader used when reporting, stored, logged, and
e-mailed after commit when an address is known (the one the reporter gave, else their
account's). The reporter's status page shows the stored messages, never a new rendering.
"""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, tasks
from gazette.moderation.models import AuditEntry, Decision, Report, ReporterMessage
from gazette.moderation.services import audit


def send_reporter_message(
    *,
    report: Report,
    kind: str,
    decision: Decision | None = None,
    extra: dict[str, object] | None = None,
) -> ReporterMessage:
    """Write the message (inside the caller's transaction) and e-mail it after commit."""
    context = {
        "kind": kind,
        "report": report,
        "decision": decision,
        "excerpt": report.comment.body[:200],
        "status_url": absolute_url(links.report_status_path(report.pk, report.language)),
        "policy_url": absolute_url(_policy_path(report.language)),
        **(extra or {}),
    }
    with translation.override(report.language):
        subject = render_to_string("moderation/email/reporter_subject.txt", context)
        body = render_to_string("moderation/email/reporter_message.txt", context)
    address = report.address
    message = ReporterMessage.objects.create(
        report=report,
        kind=kind,
        decision=decision,
        language=report.language,
        subject=" ".join(subject.split())[:200],
        body=body.strip(),
        emailed=bool(address),
        created_at=clock.now(),
    )
    audit.record(
        AuditEntry.Event.REPORTER_TOLD,
        comment=report.comment,
        automatic=True,
        outcome=kind,
        record_id=message.pk,
    )
    if address:
        message_id = message.pk
        transaction.on_commit(lambda: tasks.email_reporter_message.enqueue(message_id))
    return message


def _policy_path(language: str) -> str:
    with translation.override(language):
        return reverse("moderation:policy")
