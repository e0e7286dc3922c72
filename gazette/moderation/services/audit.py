"""Writing the audit log, and the facts about a comment that every entry carries."""

from __future__ import annotations

from dataclasses import dataclass

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
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the change it records.

    With no actor and `automatic` not given, the system acted; a reader who is no account (a
    report, an appeal) passes automatic=False."""
    if context is None and comment is not None:
        context = Context.of(comment)
    return AuditEntry.objects.create(
        created_at=clock.now(),
        event=event,
        actor=actor,
        automatic=automatic if automatic is not None else actor is None,
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
        policy_version=clause.version.number if clause is not None else None,
        note=note,
        record_id=record_id,
        rules=rules,
        written=written,
    )
