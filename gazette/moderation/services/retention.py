"""How long abuse-handling data is kept: the address hashes and human-check signals stored
with comments, likes and refused comments are blanked once older than
GAZETTE_ABUSE_DATA_RETENTION_DAYS (docs/security.md, "How long abuse-handling data is kept").

Each app blanks its own rows; this composes them for the scheduled job and the command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from gazette.comments import personal_data as comments_data
from gazette.core import clock
from gazette.moderation.models import ScreeningRefusal

BATCH_SIZE = 500


@dataclass(frozen=True)
class Purge:
    cutoff: datetime
    comments_and_likes: int
    refusals: int

    @property
    def total(self) -> int:
        return self.comments_and_likes + self.refusals


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
    old_refusals = ScreeningRefusal.objects.filter(created_at__lt=cutoff).exclude(ip_hash="")
    if dry_run:
        return Purge(cutoff, comments, old_refusals.count())
    refusals = 0
    while True:
        with transaction.atomic():
            ids = list(old_refusals.order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not ids:
                break
            refusals += ScreeningRefusal.objects.filter(pk__in=ids).update(ip_hash="")
    return Purge(cutoff, comments, refusals)
