"""How long abuse-handling data is kept: the address hashes and human-check signals stored
with comments, likes and refused comments are blanked once older than
GAZETTE_ABUSE_DATA_RETENTION_DAYS, and a sanction's address hash once the sanction has been
over for that long (docs/security.md, "How long abuse-handling data is kept").

Each app blanks its own rows; this composes them for the scheduled job and the command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from gazette.comments import personal_data as comments_data
from gazette.core import clock
from gazette.moderation.models import Sanction, ScreeningRefusal

BATCH_SIZE = 500


@dataclass(frozen=True)
class Purge:
    cutoff: datetime
    comments_and_likes: int
    refusals: int
    sanctions: int

    @property
    def total(self) -> int:
        return self.comments_and_likes + self.refusals + self.sanctions


def retention_cutoff() -> datetime:
    """Abuse-handling data older than this is no longer kept (the setting read at call time)."""
    return clock.now() - timedelta(days=settings.GAZETTE_ABUSE_DATA_RETENTION_DAYS)


def purge_abuse_data(*, dry_run: bool = False, batch_size: int = BATCH_SIZE) -> Purge:
    """Blank abuse-handling data past the retention period, in short batches; running it
    again changes nothing. With `dry_run`, count what would be blanked and change nothing."""
    cutoff = retention_cutoff()
    comments = comments_data.forget_old_address_hashes(
        before=cutoff, batch_size=batch_size, dry_run=dry_run
    )
    refusals = ScreeningRefusal.objects.filter(created_at__lt=cutoff).exclude(ip_hash="")
    # A ban without an end stays in force, and keeps what it was made against, until revoked.
    sanctions = Sanction.objects.filter(Q(ends_at__lt=cutoff) | Q(revoked_at__lt=cutoff)).exclude(
        ip_hash=""
    )
    if dry_run:
        return Purge(cutoff, comments, refusals.count(), sanctions.count())
    return Purge(
        cutoff,
        comments,
        _in_batches(refusals, batch_size, ip_hash=""),
        # The mark keeps `sanction_has_a_subject` true of one made against an address only.
        _in_batches(
            sanctions,
            batch_size,
            ip_hash="",
            subject_minimised_at=Coalesce("subject_minimised_at", clock.now()),
        ),
    )


def _in_batches(
    rows: QuerySet[ScreeningRefusal] | QuerySet[Sanction], size: int, **blank: object
) -> int:
    changed = 0
    while True:
        with transaction.atomic():
            ids = list(rows.order_by("pk").values_list("pk", flat=True)[:size])
            if not ids:
                return changed
            changed += rows.model._default_manager.filter(pk__in=ids).update(**blank)
