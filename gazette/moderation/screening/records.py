"""Screening's writing half: what it keeps of a decided submission, written in the transaction
that saves the comment (or, for a refusal, in one of its own), so that nothing is counted as
received that was not, and nothing is remembered that was never posted."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.comments.models import Comment, Thread
from gazette.comments.seam import HOLD, REJECT, Submission, Verdict
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, policy, tasks
from gazette.moderation.models import AuditEntry, Notice, ScreeningRefusal
from gazette.moderation.queries import clause_in_force
from gazette.moderation.screening import memory
from gazette.moderation.screening.languages import language_of
from gazette.moderation.services import audit
from gazette.moderation.services.audit import Context
from gazette.moderation.services.notices import Facts, send_notice

NUDGE_SHOWN = "shown"
# Purge about once every this many remembered comments (checked on the new row's id).
PURGE_EVERY = 500


def record_screening(submission: Submission, verdict: Verdict, comment: Comment | None) -> str:
    """The audit entry of the arrival (every new comment, and every refusal); for a saved
    comment, the author's notice when it is held, and its place in the memory the
    near-duplicate and burst checks read; for a refusal, its notice, the refused text kept for
    an appeal, and the sentence telling its writer where to appeal."""
    thread = submission.thread
    context = Context.of_thread(thread)
    if submission.is_edit:
        # An edit is not counted as received; only a hold of its new text is notified.
        if comment is not None and verdict.action == HOLD:
            _notify_hold(comment, verdict, context)
        return ""
    written = language_of(submission.text)
    audit.record(
        AuditEntry.Event.SCREENED,
        comment=comment,
        automatic=True,
        outcome=verdict.action,
        context=context,
        rules=",".join(verdict.rules)[:200],
        written=written,
    )
    if submission.nudged:
        audit.record(
            AuditEntry.Event.NUDGED,
            comment=comment,
            automatic=True,
            outcome=submission.nudged,
            context=context,
        )
    if comment is None:
        _notify_refusal(submission, verdict)
        return keep_refusal(submission, verdict, written=written)
    if verdict.action == HOLD:
        _notify_hold(comment, verdict, context)
    remembered = memory.remember(
        author_key=submission.reader.key, thread_key=thread.key, text=submission.text
    )
    if remembered % PURGE_EVERY == 0:
        transaction.on_commit(tasks.forget_recent_texts.enqueue)
        transaction.on_commit(tasks.minimise_old_refusals.enqueue)
    return ""


def keep_refusal(submission: Submission, verdict: Verdict, *, written: str) -> str:
    """Keep a refused submission as written, so that a person can review it on appeal; the
    writer is given the private address where to appeal."""
    refusal = ScreeningRefusal.objects.create(
        thread=submission.thread,
        parent_id=submission.parent_id,
        user=submission.reader.user,
        author_key=submission.reader.key,
        author_name=submission.name,
        email=submission.email,
        ip_hash=submission.reader.ip_hash,
        body=submission.text,
        reasons=list(verdict.reasons),
        rules=",".join(verdict.rules)[:200],
        clause_key=verdict.clause_key,
        written=written,
        created_at=clock.now(),
    )
    url = absolute_url(links.refusal_path(refusal.pk))
    return _(
        "If you think this is a mistake, a person will review it: you may appeal within "
        "%(days)s days at %(url)s"
    ) % {"days": policy.APPEAL_WINDOW_DAYS, "url": url}


def _notify_hold(comment: Comment, verdict: Verdict, context: Context) -> None:
    send_notice(
        comment=comment,
        kind=Notice.Kind.SCREENED,
        clause=clause_in_force(verdict.clause_key) if verdict.clause_key else None,
        automatic=True,
        facts=_screening_facts(policy.Action.HOLD, verdict, context),
    )


def _screening_facts(action: str, verdict: Verdict, context: Context) -> Facts:
    """Screening's restriction, as its statement gives it: found and decided automatically."""
    rules = [rule for rule in verdict.rules if rule != "premoderation"]
    return Facts(
        action=action,
        explanation=verdict.explanation or verdict.message,
        source=policy.Source.SCREENING,
        automation=policy.Automation.FULLY,
        detected_automatically=bool(rules),
        scope=[context.edition],
    )


def _notify_refusal(submission: Submission, verdict: Verdict) -> None:
    """The statement for a comment screening refused: it was never saved, so the notice keeps
    the excerpt and goes to the account or address the author gave."""
    if verdict.action != REJECT:
        return
    keys = [verdict.clause_key] if verdict.clause_key else []
    clause = clause_in_force(keys[0]) if keys else None
    send_notice(
        comment=None,
        kind=Notice.Kind.REFUSED,
        clause=clause,
        automatic=True,
        facts=_screening_facts("refuse", verdict, Context.of_thread(submission.thread)),
        user=submission.reader.user,
        email=submission.email,
        excerpt=submission.text,
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
