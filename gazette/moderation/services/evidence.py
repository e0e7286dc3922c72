"""The evidence a decision keeps: the comment's text as it was when decided, for the appeal
window (policy.EVIDENCE_DAYS), whatever its author does to the comment or their account; then
minimised, so that it is kept no longer than the appeal needs it."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from gazette.core import clock
from gazette.moderation import policy
from gazette.moderation.models import AuditEntry, Decision
from gazette.moderation.services import audit


def minimise_expired_evidence() -> int:
    """Blank the kept text of every decision past the appeal window; how many were minimised.
    Each is logged (`evidence_minimised`), and running it again changes nothing."""
    now = clock.now()
    cutoff = now - timedelta(days=policy.EVIDENCE_DAYS)
    with transaction.atomic():
        expired = list(
            Decision.objects.select_for_update()
            .filter(created_at__lte=cutoff, evidence_minimised_at__isnull=True)
            .exclude(comment_text="")
            .values_list("pk", "public_id")
        )
        Decision.objects.filter(pk__in=[pk for pk, _public_id in expired]).update(
            comment_text="", evidence_minimised_at=now
        )
        for pk, public_id in expired:
            audit.record(
                AuditEntry.Event.EVIDENCE_MINIMISED,
                automatic=True,
                record_id=pk,
                public_id=public_id,
            )
    return len(expired)
