"""Screening's short memory of recent comments, kept no longer than its checks need."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from gazette.core import clock
from gazette.moderation.models import ModerationSettings, RecentText, RecentTextHash
from gazette.moderation.screening import sketch
from gazette.moderation.screening.normalise import normalise


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


def remember(*, author_key: str, thread_key: str, text: str) -> int:
    """Keep the sketch of a new comment for the near-duplicate and burst checks; its row id.
    Call inside the transaction that saves the comment."""
    now = clock.now()
    remembered = RecentText.objects.create(
        author_key=author_key[:100], thread_key=thread_key, created_at=now
    )
    RecentTextHash.objects.bulk_create(
        RecentTextHash(text=remembered, value=value, created_at=now)
        for value in sketch.sketch(normalise(text).skeleton)
    )
    return remembered.pk
