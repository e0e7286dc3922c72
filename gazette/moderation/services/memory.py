"""Screening's short memory of recent comments, kept no longer than its checks need."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from gazette.core import clock
from gazette.moderation.models import ModerationSettings, RecentText

# Purge about once every this many remembered comments (checked on the new row's id).
PURGE_EVERY = 500


def retention() -> timedelta:
    conf = ModerationSettings.load()
    hours = max(conf.duplicate_window_hours, conf.new_author_hours, 1)
    return timedelta(hours=hours)


def forget_recent_texts() -> int:
    """Delete sketches older than the longest window; returns how many comments were forgotten."""
    with transaction.atomic():
        _total, by_model = RecentText.objects.filter(
            created_at__lt=clock.now() - retention()
        ).delete()
    return by_model.get(RecentText._meta.label, 0)


def purge_when_due(remembered_id: int) -> None:
    """Queue a purge after commit now and then, so the memory never grows without bound."""
    if remembered_id % PURGE_EVERY == 0:
        from gazette.moderation import tasks  # noqa: PLC0415 - tasks import the services

        transaction.on_commit(tasks.forget_recent_texts.enqueue)
