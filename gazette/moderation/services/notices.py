"""Notices to a comment's author, written once and stored exactly as sent.

The text is rendered when the decision is made, in the edition's language, with the clause's
number, title and text and the policy version of that moment copied in; the author's status page
shows these stored notices, never today's policy. An e-mail goes out after commit when the
comment carries an address.
"""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from gazette.challenges.limits import may_mail
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, tasks
from gazette.moderation.models import Clause, Decision, Notice
from gazette.moderation.services.audit import Context


def send_notice(
    *,
    comment: Comment,
    kind: str,
    decision: Decision | None = None,
    clause: Clause | None = None,
    note: str = "",
    automatic: bool = False,
    extra: dict[str, object] | None = None,
) -> Notice:
    """Write the notice (inside the caller's transaction) and e-mail it after commit.

    An automatic notice follows from what a visitor did (posted words screening holds, with
    any address typed in): it is mailed only within that address's daily limit, and otherwise
    kept for the status page alone.
    """
    # Long by design: the notice is rendered, stored and mailed in one place, so what is stored is
    # exactly what was sent.
    language = Context.of(comment).edition
    status_path = links.comment_status_path(comment.pk, language)
    context = {
        "kind": kind,
        "comment": comment,
        "clause": clause,
        "note": note,
        "automatic": automatic,
        "status_url": absolute_url(status_path),
        **(extra or {}),
    }
    with translation.override(language):
        subject = " ".join(render_to_string("moderation/email/notice_subject.txt", context).split())
        body = render_to_string("moderation/email/notice.txt", context).strip()
        clause_title = clause.local_title if clause is not None else ""
        clause_text = clause.local_text if clause is not None else ""
    notice = Notice.objects.create(
        comment=comment,
        decision=decision,
        kind=kind,
        language=language,
        subject=subject[:200],
        body=body,
        clause_number=clause.number if clause is not None else None,
        clause_title=clause_title,
        clause_text=clause_text,
        policy_version=clause.version.number if clause is not None else None,
        automatic=automatic,
        emailed=bool(comment.email) and (not automatic or may_mail(comment.email)),
        created_at=clock.now(),
    )
    if notice.emailed:
        notice_id = notice.pk
        transaction.on_commit(lambda: tasks.email_notice.enqueue(notice_id))
    return notice
