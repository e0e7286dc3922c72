"""Opening, closing and reopening discussions, and the version every cached page of a thread is
keyed by."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from gazette.articles.models import Article, Section
from gazette.comments import queries
from gazette.comments.exceptions import CommentsClosed
from gazette.comments.models import ClosedSection, Thread
from gazette.comments.page_urls import canonical_page_url
from gazette.sites.exceptions import OwnSitePage
from gazette.sites.models import Site
from gazette.sites.queries import check_page


def thread_for_article(article: Article) -> Thread:
    """The article's thread, created on first use (safe when two requests create it at once)."""
    thread, _created = Thread.objects.get_or_create(
        site=queries.site_id(),
        key=queries.article_thread_key(article),
        defaults={"article": article, "title": article.headline[:200]},
    )
    thread.article = article
    return thread


def thread_for_page(*, site: Site, url: str) -> Thread:
    """The thread of a registered site's page, created on first use, keyed by the page's
    canonical address (so the same page reached with tracking parameters or another spelling
    of its host shares one thread).

    Raises NotAPageAddress (not an absolute http(s) address), PageNotOnSite (served from none
    of the site's allowed origins) and OwnSitePage (our own pages are articles).
    """
    if site.is_own:
        raise OwnSitePage
    key = canonical_page_url(url)
    check_page(site, key)
    thread, _created = Thread.objects.get_or_create(
        site=site.key, key=key, defaults={"url": key, "title": ""}
    )
    return thread


def thread_changed(thread_id: int) -> None:
    """Record that what a thread shows has changed (cached pages are keyed by its version).

    Must run inside the transaction that makes the change.
    """
    Thread.objects.filter(pk=thread_id).update(version=F("version") + 1)


def refuse_if_closed(thread: Thread) -> None:
    """Raise CommentsClosed, with the reason, when the thread accepts nothing."""
    closure = queries.closure_of(thread)
    if closure is not None:
        raise CommentsClosed(closure.message)


def close_thread(*, thread: Thread, reason: str = "") -> None:
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(
            is_closed=True, closed_reason=reason, version=F("version") + 1
        )
    thread.is_closed, thread.closed_reason = True, reason


def reopen_thread(*, thread: Thread) -> None:
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(
            is_closed=False, closed_reason="", version=F("version") + 1
        )
    thread.is_closed, thread.closed_reason = False, ""


def _section_threads_changed(section: Section) -> None:
    # Every cached page of the section's discussions shows (or hides) the form.
    Thread.objects.filter(article__section=section).update(version=F("version") + 1)


def close_section(*, section: Section, reason: str = "") -> ClosedSection:
    """Close every discussion of a section, with the reason readers are shown."""
    with transaction.atomic():
        closed, _created = ClosedSection.objects.update_or_create(
            section=section, defaults={"reason": reason}
        )
        _section_threads_changed(section)
    return closed


def reopen_section(*, section: Section) -> None:
    with transaction.atomic():
        ClosedSection.objects.filter(section=section).delete()
        _section_threads_changed(section)
