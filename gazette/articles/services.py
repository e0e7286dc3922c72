"""Writes on the publishing side: publishing articles at once and promoting due schedules.

Each function is one transaction of one conditional UPDATE, so two editors (or an editor and
the cron job) acting at the same moment cannot count or publish anything twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from gazette.articles.models import Article
from gazette.core import clock


def publish_articles(*, article_ids: Iterable[int]) -> int:
    """Publish the given articles now; returns how many changed.

    Drafts and scheduled articles become published with the current time as their publish
    time; articles already published keep theirs and are not counted.
    """
    now = clock.now()
    with transaction.atomic():
        return (
            Article.objects.filter(pk__in=list(article_ids))
            .exclude(status=Article.Status.PUBLISHED)
            .update(status=Article.Status.PUBLISHED, published_at=now, updated_at=now)
        )


def promote_due_articles(*, dry_run: bool = False) -> int:
    """Mark scheduled articles whose time has come as published; returns how many (with
    `dry_run`, how many would be, changing nothing).

    Readers already see a due scheduled article (see ArticleQuerySet.published); this keeps
    the editors' status column truthful. Safe to run from several machines at once.
    """
    now = clock.now()
    due = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__lte=now)
    if dry_run:
        return due.count()
    with transaction.atomic():
        return due.update(status=Article.Status.PUBLISHED, updated_at=now)
