"""Checking the audit log's hash chain: each entry's hash recomputed from its fields and the
hash of the entry before it. A row changed after it was written, or removed from the middle,
breaks the chain at that entry."""

from __future__ import annotations

from dataclasses import dataclass

from gazette.moderation.models import AuditEntry
from gazette.moderation.models.audit import chain_digest

BATCH = 2000


@dataclass(frozen=True)
class ChainCheck:
    checked: int
    head: str  # the hash of the newest entry checked: worth writing down outside the database
    broken_at: int | None = None  # the id of the first entry that does not verify
    reason: str = ""

    @property
    def is_intact(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainCheck:
    """Walk the log in the order it was written and stop at the first entry that does not
    verify."""
    previous = ""
    checked = 0
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=BATCH):
        if entry.previous_hash != previous:
            return ChainCheck(checked, previous, entry.pk, "its link to the previous entry")
        if entry.entry_hash != chain_digest(entry, previous):
            return ChainCheck(checked, previous, entry.pk, "its content")
        previous = entry.entry_hash
        checked += 1
    return ChainCheck(checked, previous)
