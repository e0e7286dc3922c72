"""Screening's writing half: what it keeps of a decided submission, written in the transaction
that saves the comment (or, for a refusal, in one of its own), so that nothing is counted as
received that was not, and nothing is remembered that was never posted."""

from __future__ import annotations

from django.db import transaction

from gazette.comments.models import Comment, Thread
from gazette.comments.seam import HOLD, Submission, Verdict
from gazette.moderation import tasks
from gazette.moderation.models import AuditEntry, Notice, ScreeningHold, TermListVersion
from gazette.moderation.queries import clause_in_force
from gazette.moderation.screening import memory
from gazette.moderation.screening.languages import language_of
from gazette.moderation.screening.rules import active_term_rows, version_of
from gazette.moderation.services import audit
from gazette.moderation.services.audit import Context
from gazette.moderation.services.notices import send_notice

NUDGE_SHOWN = "shown"
# Purge about once every this many remembered comments (checked on the new row's id).
PURGE_EVERY = 500


def record_screening(submission: Submission, verdict: Verdict, comment: Comment | None) -> None:
    """The audit entry of the arrival (every new comment, and every refusal); for a saved
    comment, the author's notice when it is held, and its place in the memory the
    near-duplicate and burst checks read."""
    if submission.is_edit:
        return
    thread = submission.thread
    context = Context.of_thread(thread)
    component = _component(verdict)
    audit.record(
        AuditEntry.Event.SCREENED,
        comment=comment,
        automatic=True,
        outcome=verdict.action,
        context=context,
        rules=",".join(verdict.rules)[:200],
        written=language_of(submission.text),
        component=component,
    )
    if submission.nudged:
        audit.record(
            AuditEntry.Event.NUDGED,
            comment=comment,
            automatic=True,
            outcome=submission.nudged,
            context=context,
            component=component,
        )
    if comment is None:
        return
    if verdict.action == HOLD:
        _keep_for_replay(comment, submission.text, verdict)
        send_notice(
            comment=comment,
            kind=Notice.Kind.SCREENED,
            clause=clause_in_force(verdict.clause_key) if verdict.clause_key else None,
            note=verdict.explanation,
            automatic=True,
        )
    remembered = memory.remember(
        author_key=submission.reader.key, thread_key=thread.key, text=submission.text
    )
    if remembered % PURGE_EVERY == 0:
        transaction.on_commit(tasks.forget_recent_texts.enqueue)


def _component(verdict: Verdict) -> str:
    version = verdict.evidence.get("term_list")
    return f"screening@{version}" if version else "screening"


def _keep_for_replay(comment: Comment, text: str, verdict: Verdict) -> None:
    """The hold's input and evidence, and its term list version if no hold kept it yet."""
    ScreeningHold.objects.create(
        comment=comment, created_at=comment.created_at, text=text, evidence=dict(verdict.evidence)
    )
    version = verdict.evidence.get("term_list")
    if not isinstance(version, str) or TermListVersion.objects.filter(version=version).exists():
        return
    rows = active_term_rows()
    # The list may have changed since screening compiled it; then that version is gone, and a
    # replay of this hold says so rather than replaying against other terms.
    if version_of(rows) == version:
        TermListVersion.objects.get_or_create(
            version=version, defaults={"terms": [list(row) for row in rows]}
        )


def record_nudge(thread: Thread) -> None:
    """One nudge shown before posting (its outcome is recorded with the send that follows)."""
    with transaction.atomic():
        audit.record(
            AuditEntry.Event.NUDGED,
            automatic=True,
            outcome=NUDGE_SHOWN,
            context=Context.of_thread(thread),
        )
