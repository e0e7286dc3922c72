"""How long a refused comment is kept: for its writer's appeal, and no longer."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from gazette.core import clock
from gazette.moderation import policy
from gazette.moderation.models import ScreeningRefusal


def minimise_old_refusals() -> int:
    """Past the appeal window, a refused text nobody is appealing is no longer kept: its text
    and what named its writer are blanked (the row and its audit entry stay, for the figures).
    Returns how many were minimised."""
    cutoff = clock.now() - timedelta(days=policy.APPEAL_WINDOW_DAYS)
    with transaction.atomic():
        return (
            ScreeningRefusal.objects.filter(created_at__lt=cutoff)
            .exclude(body="")
            .exclude(appeal__outcome="pending")
            .update(body="", email="", ip_hash="", author_key="", author_name="", user=None)
        )
