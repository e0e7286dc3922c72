"""Messages to appellants: the acknowledgement at filing, the outcome, and what misuse earns.

Each is rendered once in the appellant's language, stored as sent (their appeal's status page
shows it) and e-mailed after commit when an address is known.
"""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, policy, tasks
from gazette.moderation.models import Appeal, AppealNotice


def send_appeal_notice(
    *, appeal: Appeal, kind: str, extra: dict[str, object] | None = None
) -> AppealNotice:
    """Write the message (inside the caller's transaction) and e-mail it after commit."""
    language = appeal.language
    context = {
        "kind": kind,
        "appeal": appeal,
        "target_days": policy.APPEAL_TARGET_DAYS,
        "period_days": policy.UNFOUNDED_APPEALS_PERIOD_DAYS,
        "suspension_days": policy.APPEAL_RIGHT_SUSPENSION_DAYS,
        "status_url": absolute_url(links.appeal_status_path(appeal.pk, language)),
        **(extra or {}),
    }
    with translation.override(language):
        context["basis_label"] = str(Appeal.Basis(appeal.basis).label).lower()
        context["outcome_label"] = str(Appeal.Outcome(appeal.outcome).label)
        subject = " ".join(
            render_to_string("moderation/email/appeal_notice_subject.txt", context).split()
        )
        body = render_to_string("moderation/email/appeal_notice.txt", context).strip()
    notice = AppealNotice.objects.create(
        appeal=appeal,
        kind=kind,
        language=language,
        subject=subject[:200],
        body=body,
        emailed=bool(appeal.email),
        created_at=clock.now(),
    )
    if appeal.email:
        notice_id = notice.pk
        transaction.on_commit(lambda: tasks.email_appeal_notice.enqueue(notice_id))
    return notice
