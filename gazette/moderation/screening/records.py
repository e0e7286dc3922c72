"""Screening's writing half: what it keeps of a decided submission, written in the transaction
that saves the comment (or, for a refusal, in one of its own), so that nothing is counted as
received that was not, and nothing is remembered that was never posted."""

from __future__ import annotations

from django.db import transaction

from gazette.comments.models import Comment
from gazette.comments.seam import Submission, Verdict
from gazette.moderation import tasks
from gazette.moderation.models import AuditEntry
from gazette.moderation.screening import memory
from gazette.moderation.services import audit
from gazette.moderation.services.audit import Context

# Purge about once every this many remembered comments (checked on the new row's id).
PURGE_EVERY = 500


def record_screening(submission: Submission, verdict: Verdict, comment: Comment | None) -> None:
    """The audit entry of the arrival (every new comment, and every refusal), and, for a saved
    comment, its place in the memory the near-duplicate and burst checks read."""
    if submission.is_edit:
        return
    thread = submission.thread
    context = Context.of_thread(thread)
    audit.record(
        AuditEntry.Event.SCREENED,
        comment=comment,
        automatic=True,
        outcome=verdict.action,
        context=context,
    )
    if comment is None:
        return
    remembered = memory.remember(
        author_key=submission.reader.key, thread_key=thread.key, text=submission.text
    )
    if remembered % PURGE_EVERY == 0:
        transaction.on_commit(tasks.forget_recent_texts.enqueue)
