"""Writes on the publishing side: publishing articles and promoting scheduled ones when due."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from gazette.articles.models import Article
from gazette.core import clock


def publish_articles_now(articles: QuerySet[Article]) -> int:
    """Publish the given articles at once; returns how many changed. Drafts get today's time."""
    with transaction.atomic():
        return articles.exclude(status=Article.Status.PUBLISHED).update(
            status=Article.Status.PUBLISHED, published_at=clock.now()
        )


def promote_due_articles() -> int:
    """Mark scheduled articles whose time has come as published; returns how many.

    Readers already see a due scheduled article (see ArticleQuerySet.published); this keeps
    the editors' status column truthful.
    """
    with transaction.atomic():
        return Article.objects.filter(
            status=Article.Status.SCHEDULED, published_at__lte=clock.now()
        ).update(status=Article.Status.PUBLISHED)
