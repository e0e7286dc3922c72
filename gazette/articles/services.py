"""Writes on the publishing side: publishing articles at once, promoting due schedules, saving
photos with their renditions, keeping the search index in step with what editors write, and
counting readers.

Publishing is one transaction of one conditional UPDATE, so two editors (or an editor and the
scheduler) acting at the same moment cannot count or publish anything twice. Search asks at
query time whether an article is public, so a schedule coming due needs no new search entry.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from gazette.articles import caching, renditions, tasks
from gazette.articles.models import Article, DailyReads, Photo, SearchEntry
from gazette.articles.search_backends import backend
from gazette.articles.search_text import entry_position, plain_text, without_markers
from gazette.core import clock, editions, fragments
from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)
INDEX_BATCH = 500


def publish_articles(*, article_ids: Iterable[int]) -> int:
    """Publish the given articles now; returns how many changed.

    Drafts and scheduled articles become published with the current time as their publish
    time, and their search entries are written again under it; articles already published
    keep theirs and are not counted.
    """
    now = clock.now()
    ids = list(article_ids)
    with transaction.atomic():
        published = (
            Article.objects.filter(pk__in=ids)
            .exclude(status=Article.Status.PUBLISHED)
            .update(status=Article.Status.PUBLISHED, published_at=now, updated_at=now)
        )
        # Their new publish time is their place in search's newest-first order.
        index_articles(articles=Article.objects.filter(pk__in=ids, updated_at=now))
        return published


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


def _search_entries(article: Article) -> list[SearchEntry]:
    """The article's entries: in its own edition, and in each edition written from it."""
    texts = {
        "headline": without_markers(article.headline),
        "standfirst": without_markers(article.standfirst),
        "body": plain_text(article.body),
    }
    versions = {article.language: texts}
    for code in editions.codes():
        derivation = editions.derivation(code)
        if derivation is not None and derivation.source == article.language:
            versions[code] = {name: derivation.convert(text) for name, text in texts.items()}
    return [
        SearchEntry(
            article=article,
            edition=code,
            position=entry_position(article.published_at, article.pk, code),
            **version,
        )
        for code, version in versions.items()
    ]


def index_articles(*, articles: Iterable[Article]) -> int:
    """Make search find these articles as they now read; returns how many entries were written.

    Call it in the transaction that saves them (the editors' admin does), so that search
    never finds a text the article no longer has. Whether readers may find an article is
    decided when they search, so drafts are indexed too and publishing changes nothing here.
    """
    written = 0
    items = list(articles)
    with transaction.atomic():
        for start in range(0, len(items), INDEX_BATCH):
            batch = items[start : start + INDEX_BATCH]
            SearchEntry.objects.filter(article__in=[article.pk for article in batch]).delete()
            entries = SearchEntry.objects.bulk_create(
                backend().with_documents(
                    [entry for article in batch for entry in _search_entries(article)]
                )
            )
            written += len(entries)
    return written


def index_article(*, article: Article) -> None:
    """`index_articles` for one article."""
    index_articles(articles=[article])


def rebuild_search_index(*, on_batch: Callable[[int], None] | None = None) -> int:
    """Index every article again (after restoring a backup, or changing how text is indexed);
    returns how many entries were written. One transaction per batch of articles, so readers
    keep searching meanwhile and memory stays bounded; `on_batch` hears each batch's size."""
    written = 0
    last = 0
    while True:
        batch = list(Article.objects.filter(pk__gt=last).order_by("pk")[:INDEX_BATCH])
        if not batch:
            return written
        written += index_articles(articles=batch)
        last = batch[-1].pk
        if on_batch is not None:
            on_batch(len(batch))


_counted_here: fragments.KeptInProcess[bool] = fragments.KeptInProcess(10_000)


def forget_counted_reads() -> None:
    _counted_here.clear()


def count_read(*, article: Article, reader_key: str) -> bool:
    """Count a reader's opening of an article, once per reader, article and day; returns
    whether it counted.

    Who has been counted today is remembered in the shared cache under a hash of the reader's
    key, never in the database, so the counts hold no trace of who read what. A cache that is
    down counts nothing (a count is not worth an error page).
    """
    today = clock.now().date()
    reader = hashlib.sha256(reader_key.encode()).hexdigest()[:24]
    seen_key = f"articles:read:{today.isoformat()}:{article.pk}:{reader}"
    # A reader who comes back to a page is mostly served by the same worker: it remembers
    # whom it has counted, so that a return costs no write (on SQLite, the write lock).
    if _counted_here.get(seen_key):
        return False
    try:
        first_today = cache.add(seen_key, 1, timeout=int(timedelta(days=1).total_seconds()))
    except Exception as exc:
        once_a_minute.warn(logger, "Reads not counted: the shared cache is unavailable", exc=exc)
        return False
    _counted_here.keep(seen_key, True)  # noqa: FBT003 - a set, kept as a map to True
    if not first_today:
        return False
    with transaction.atomic():
        counted = DailyReads.objects.filter(article=article, day=today).update(reads=F("reads") + 1)
        if not counted:
            try:
                with transaction.atomic():
                    DailyReads.objects.create(article=article, day=today, reads=1)
            except IntegrityError:
                # Another worker created today's row first: add to it.
                DailyReads.objects.filter(article=article, day=today).update(reads=F("reads") + 1)
    return True


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
