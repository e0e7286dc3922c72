"""What a reader of an export yields, whatever the format: pages, comments, WordPress posts and
records that could not be read (with the reason, for the report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Markup(StrEnum):
    """How a source wrote its comments' text."""

    HTML = "html"  # Disqus: HTML
    WORDPRESS = "wordpress"  # WordPress: HTML whose line breaks make paragraphs
    MARKDOWN = "markdown"  # Isso: Markdown, as ours


class SourceState(StrEnum):
    PUBLISHED = "published"
    PENDING = "pending"
    SPAM = "spam"
    REMOVED = "removed"  # by moderation, in a Gazette export
    DELETED = "deleted"


@dataclass(frozen=True)
class SourcePost:
    """A WordPress post, imported as an article when none of ours is that page."""

    title: str
    slug: str
    author_login: str
    author_name: str
    published_at: datetime | None
    is_published: bool
    body_html: str
    tags: tuple[tuple[str, str], ...] = ()  # (slug, name)


@dataclass(frozen=True)
class SourceThread:
    """One page's discussion at the source."""

    ref: str
    link: str
    title: str = ""
    identifier: str = ""  # Disqus's <id>, WordPress's post ID
    is_closed: bool = False
    is_deleted: bool = False
    post: SourcePost | None = None
    # A Gazette export names the thread's site and key, and its article by edition and slug.
    site: str = ""
    key: str = ""
    article: tuple[str, str] | None = None  # (edition, slug)
    closed_reason: str = ""


@dataclass(frozen=True)
class SourceComment:
    ref: str
    thread_ref: str
    parent_ref: str
    created_at: datetime
    author_name: str
    email: str
    ip: str
    body: str
    markup: Markup
    state: SourceState
    likes: int = 0
    # What a Gazette export also carries; other sources leave them empty.
    edited_at: datetime | None = None
    deleted_at: datetime | None = None
    language: str = ""
    policy_version: str = ""
    standing: str = ""
    author_key: str = ""
    ip_hash: str = ""


@dataclass(frozen=True)
class Fault:
    """A record skipped, and why; `ref` is its source ID when it has one."""

    reason: str
    ref: str = ""
    where: str = ""
    is_comment: bool = True  # else a page's record


@dataclass(frozen=True)
class History:
    """A Gazette export's record that is neither a page nor a comment (a site, a Comment
    Policy version, a poll's tallies, a moderation decision), restored once the comments are
    in (history.py). `data` is the record as the export wrote it."""

    kind: str
    ref: str
    data: dict[str, Any]


Record = SourceThread | SourceComment | History | Fault
