"""Writing the audit log, and the facts about a comment that every entry carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from gazette.accounts.models import User
from gazette.comments.models import Comment, Thread
from gazette.core import clock
from gazette.moderation.models import AuditEntry, Clause


@dataclass(frozen=True)
class Context:
    """Where a comment sits, as plain values: its discussion, edition and section."""

    thread_key: str
    edition: str
    section: str

    @classmethod
    def of(cls, comment: Comment) -> Context:
        return cls.of_thread(comment.thread)

    @classmethod
    def of_thread(cls, thread: Thread) -> Context:
        article = thread.article
        if article is None:
            return cls(thread.key, settings.LANGUAGE_CODE, "")
        return cls(thread.key, article.language, article.section.slug)


def record(
    event: str,
    *,
    comment: Comment | None = None,
    actor: User | None = None,
    automatic: bool | None = None,
    from_state: str = "",
    to_state: str = "",
    outcome: str = "",
    clause: Clause | None = None,
    note: str = "",
    record_id: int | None = None,
    context: Context | None = None,
    rules: str = "",
    written: str = "",
    basis: str = "",
    screening_flagged: bool | None = None,
    filed_at: datetime | None = None,
    policy_version: int | None = None,
    action: str = "",
    source: str = "",
    automation: str = "",
    detected_automatically: bool | None = None,
    ground: str = "",
    sanction_kind: str = "",
    public_id: str = "",
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the change it records. Unless told,
    an entry with no actor is automatic; a reader's own act (an appeal, a report) says
    automatic=False.

    The last keywords carry what the statement-of-reasons figures are split by, and the
    statement's public id (to join the statement export).
    """
    if context is None and comment is not None:
        context = Context.of(comment)
    return AuditEntry.objects.create(
        created_at=clock.now(),
        event=event,
        actor=actor,
        automatic=actor is None if automatic is None else automatic,
        comment_id=comment.pk if comment is not None else None,
        comment_posted_at=comment.created_at if comment is not None else None,
        thread_key=context.thread_key if context else "",
        edition=context.edition if context else "",
        section=context.section if context else "",
        from_state=from_state,
        to_state=to_state,
        outcome=outcome,
        clause_key=clause.key if clause is not None else "",
        clause_number=clause.number if clause is not None else None,
        policy_version=clause.version.number if clause is not None else policy_version,
        note=note,
        record_id=record_id,
        rules=rules,
        written=written,
        basis=basis,
        screening_flagged=screening_flagged,
        filed_at=filed_at,
        action=action,
        source=source,
        automation=automation,
        detected_automatically=detected_automatically,
        ground=ground,
        sanction_kind=sanction_kind,
        public_id=public_id,
    )
