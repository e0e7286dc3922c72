"""What a reader of an export yields, whatever the format: pages, comments, WordPress posts and
records that could not be read (with the reason, for the report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Markup(StrEnum):
    """How a source wrote its comments' text."""

    HTML = "html"  # Disqus: HTML
    WORDPRESS = "wordpress"  # WordPress: HTML whose line breaks make paragraphs
    MARKDOWN = "markdown"  # Isso: Markdown, as ours


class SourceState(StrEnum):
    PUBLISHED = "published"
    PENDING = "pending"
    SPAM = "spam"
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


@dataclass(frozen=True)
class Fault:
    """A record skipped, and why; `ref` is its source ID when it has one."""

    reason: str
    ref: str = ""
    where: str = ""
    is_comment: bool = True  # else a page's record


Record = SourceThread | SourceComment | Fault
