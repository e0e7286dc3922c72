"""A thread page's comments, rendered once per version of the thread and kept in the shared cache.

The key holds everything the entries depend on: the thread (its ID and creation time, so a
reused ID never meets an old entry), its `version` (raised with an F() expression by every
change readers could see, in the same transaction), the order, the page, the page size, the
language and the time zone. A write therefore never needs to purge anything: the next read
asks for a key that does not exist yet. For the same reason each worker also keeps the last few
pages it used in its own memory (fragments.read_immutable).

What differs between readers (their CSRF token, which comments they like, which they may still
edit or delete) is not in the cached HTML: the entries are kept as parts around those bits
(rendering.EntryParts), with the few facts about each comment needed to work them out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from gazette.comments import queries
from gazette.comments.conf import comment_settings
from gazette.comments.models import ClosedSection, Thread
from gazette.comments.rendering import EntryParts, EntryRenderer, Viewer
from gazette.core import fragments


@dataclass(frozen=True)
class PageInfo:
    """What the pagination links need of a page of top-level comments."""

    number: int
    num_pages: int

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass(frozen=True)
class ShownComment:
    """What the panel works out per reader about a shown comment (ownership, replying)."""

    pk: int
    is_published: bool
    user_id: int | None
    created_at: datetime
    author_name: str


@dataclass(frozen=True)
class ThreadListing:
    sort: str
    page: PageInfo | None
    entries: list[ShownComment]
    parts: list[EntryParts]

    @property
    def published_ids(self) -> list[int]:
        return [entry.pk for entry in self.entries if entry.is_published]


def _key(thread: Thread, sort: str, page_number: int) -> str:
    parts = (
        str(thread.pk),
        thread.created_at.isoformat(),
        str(thread.version),
        sort,
        str(page_number),
        str(comment_settings().per_page),
        str(comment_settings().replies_shown),
        get_language() or settings.LANGUAGE_CODE,
        settings.TIME_ZONE,
    )
    return "comments:page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def thread_listing(thread: Thread | None, *, sort: str | None, page_number: int) -> ThreadListing:
    """One page of a thread as every reader sees it: one cache read when warm."""
    # Long by design: the cache read, and on a miss the one rendering every reader shares.
    sort = queries.normalised_sort(sort)
    if thread is None:
        return ThreadListing(sort, None, [], [])
    key = _key(thread, sort, page_number)
    listing = fragments.read_immutable(key)
    if isinstance(listing, ThreadListing):
        return listing
    page = queries.comment_thread(thread, sort=sort, page_number=page_number)
    info = PageInfo(page.page.number, page.page.paginator.num_pages) if page.page else None
    renderer = EntryRenderer(
        Viewer(
            csrf_token="",
            liked_ids=frozenset(),
            changeable_ids=frozenset(),
            sort=sort,
            page=info.number if info else None,
        )
    )
    listing = ThreadListing(
        sort=sort,
        page=info,
        entries=[
            ShownComment(
                pk=entry.comment.pk,
                is_published=entry.comment.is_published,
                user_id=entry.comment.user_id,
                created_at=entry.comment.created_at,
                author_name=entry.comment.shown_name,
            )
            for entry in page.entries
            if entry.is_comment
        ],
        parts=[renderer.parts(entry) for entry in page.entries],
    )
    # A page number past the end shows the last page; only real page numbers are kept, so
    # that made-up numbers cannot fill the cache.
    if info is None or info.number == page_number:
        fragments.write_immutable(key, listing)
    return listing


def _sections_closed_or_opened(sender: type, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        fragments.replace_stamp(queries.CLOSED_SECTIONS_STAMP)


def connect_signals() -> None:
    """Pages kept whole (core/pages.py) show whether a section's threads are closed."""
    for signal in (post_save, post_delete):
        signal.connect(
            _sections_closed_or_opened,
            sender=ClosedSection,
            dispatch_uid=f"comments-closed-sections-{signal is post_save}",
        )
