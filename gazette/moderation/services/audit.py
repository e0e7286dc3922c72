"""Writing the audit log, and the facts about a comment that every entry carries.

Every entry names who acted: a user, or else the component that did (`actor_component`, with
its version where it has one, e.g. "screening@3f2a9c01de"; "reader" for a reader without an
account). Entries are chained: each carries the previous entry's hash and its own, computed
while holding the log's write lock, so that the chain has one order however many workers
write at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction

from gazette.accounts.models import User
from gazette.comments.models import Comment, Thread
from gazette.core import clock
from gazette.core.ordering import order_log_writers
from gazette.moderation.models import AuditEntry, Clause
from gazette.moderation.models.audit import chain_digest

# Who acted when no user did and the caller names no component.
SYSTEM = "system"
READER = "reader"


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
    component: str = "",
) -> AuditEntry:
    """Append one entry, linked to the one before it. Call inside the transaction of the
    change it records. Unless told, an entry with no actor is automatic; a reader's own act
    (an appeal, a report) says automatic=False, and is named as the component "reader".

    The last keywords carry what the statement-of-reasons figures are split by, and the
    statement's public id (to join the statement export).
    """
    if context is None and comment is not None:
        context = Context.of(comment)
    if automatic is None:
        automatic = actor is None
    if actor is None and not component:
        component = SYSTEM if automatic else READER
    entry = AuditEntry(
        created_at=clock.now(),
        event=event,
        actor=actor,
        actor_component=component[:80] if actor is None else "",
        automatic=automatic,
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
    # No savepoint: an error here aborts the change being recorded anyway.
    with transaction.atomic(savepoint=False):
        entry.previous_hash = _lock_chain_head()
        entry.entry_hash = chain_digest(entry, entry.previous_hash)
        entry.save(force_insert=True)
    return entry


def _lock_chain_head() -> str:
    """The newest entry's hash, read under the lock that orders the chain's writers.

    SQLite serialises writers already (every transaction begins IMMEDIATE). PostgreSQL takes a
    transaction-scoped advisory lock (core/ordering.py, shared with the live updates' event
    log, so a transaction writing both logs cannot deadlock with another) rather than
    `select_for_update` of the newest row: the lock also covers an empty log, and it is held
    until commit, so the next writer reads this entry as the head.
    """
    order_log_writers()
    head = AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
    return head or ""
