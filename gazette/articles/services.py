"""Writes on the publishing side: publishing articles at once, promoting due schedules, and
saving photos with their renditions.

Publishing is one transaction of one conditional UPDATE, so two editors (or an editor and the
scheduler) acting at the same moment cannot count or publish anything twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from gazette.articles import caching, renditions, tasks
from gazette.articles.models import Article, Photo
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


def save_photo(*, photo: Photo, image_changed: bool) -> Photo:
    """Save a photo; a new or replaced image gets its renditions made in the background (the
    page shows the original until they are ready)."""
    with transaction.atomic():
        if image_changed:
            photo.renditions = []
        photo.save()
        if image_changed:
            photo_id = photo.pk
            transaction.on_commit(lambda: tasks.make_photo_renditions.enqueue(photo_id))
    return photo


def make_photo_renditions(*, photo_id: int) -> int:
    """Make the renditions of one photo and list them on it; returns how many files were made.

    Written only if the photo still has the image they were made from (an editor may have
    replaced it meanwhile; its own task follows).
    """
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or not photo.image:
        return 0
    made = renditions.make_renditions(photo)
    with transaction.atomic():
        Photo.objects.filter(pk=photo.pk, image=photo.image.name).update(renditions=made)
        caching.content_changed()  # cached pages show the original until now
    return len(made)


def photos_without_renditions() -> list[int]:
    return list(Photo.objects.filter(renditions=[]).order_by("pk").values_list("pk", flat=True))
