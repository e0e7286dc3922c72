"""Shared-cache copies of what every reader of an edition sees: the section menu, a story's block.

Both (and an article page's metadata) are keyed by the *publishing stamp*, a random token kept
in the shared cache and replaced whenever anything they show is written (a section or its
names, an article, its byline, authors, photos, tags and their names). A new stamp means new
keys, so no worker can serve what was shown before the write; the old entries simply expire. The
stamp is replaced as soon as the write is saved (so the writer's own next read already sees it)
and again when its transaction commits (so a page rendered by another worker between the two,
from the data before the commit, is never kept under the new stamp). A reader, for its part,
reads the stamp before the data it covers, so what it renders is never older than its stamp.

Writes that bypass model signals (`QuerySet.update()`) must call `content_changed()` or, for an
article, set its `updated_at` (part of the story's key), as the publishing services do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language

from gazette.articles import queries
from gazette.articles.models import (
    Article,
    Author,
    Byline,
    Photo,
    Section,
    SectionName,
    Tag,
    TagName,
)
from gazette.core import clock, fragments, pages
from gazette.core.http import absolute_url

STAMP_KEY = "articles:stamp"
FRAGMENT_SECONDS = fragments.FRAGMENT_SECONDS
_REQUEST_ATTRIBUTE = "_gazette_publishing_stamp"


def _menu_key(language: str) -> str:
    return f"articles:menu:{language}"


def publishing_stamp(request: HttpRequest | None = None) -> str:
    """The current stamp, read once per request (with the section menu, in the same read)."""
    if request is None:
        return fragments.stamp(STAMP_KEY)
    remembered = getattr(request, _REQUEST_ATTRIBUTE, None)
    if remembered is None:
        language = get_language() or settings.LANGUAGE_CODE
        found = fragments.read_many([STAMP_KEY, _menu_key(language)])
        stamp = found.get(STAMP_KEY)
        if stamp is None:
            stamp = fragments.stamp(STAMP_KEY)
        remembered = (str(stamp), language, found.get(_menu_key(language)))
        pages.depends_on(pages.STAMP_CHECK, STAMP_KEY, stamp)
        setattr(request, _REQUEST_ATTRIBUTE, remembered)
    return str(remembered[0])


def content_changed() -> None:
    """Retire every cached menu and story: now, and again when the transaction commits."""
    fragments.replace_stamp(STAMP_KEY)


def _on_write(sender: type, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures
    content_changed()


def connect_signals() -> None:
    for model in (Article, Author, Byline, Photo, Section, SectionName, Tag, TagName):
        uid = f"articles-fragments-{model.__name__}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_on_write, sender=Article.tags.through, dispatch_uid="articles-tags")


# ---------------------------------------------------------------- the section menu


@dataclass(frozen=True)
class MenuSection:
    """What the section menu shows of a section (the names the templates use)."""

    pk: int
    get_absolute_url: str
    local_name: str


def section_menu(request: HttpRequest, language: str) -> list[MenuSection]:
    """The sections in menu order, named in `language`: one cache read when warm.

    Kept with the stamp it was built under, and used only while that stamp is current.
    """
    stamp = publishing_stamp(request)
    _stamp, read_language, kept = getattr(request, _REQUEST_ATTRIBUTE)
    if read_language != language:
        kept = fragments.read(_menu_key(language))
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp:  # noqa: PLR2004
        return list(kept[1])
    sections = Section.objects.prefetch_related("translations")
    menu = [
        MenuSection(section.pk, section.get_absolute_url(), section.name_in(language))
        for section in sections
    ]
    fragments.write(_menu_key(language), (stamp, menu))
    return menu


# ---------------------------------------------------------------- the story block


def story_key(
    request: HttpRequest, article: Article, language: str, editions: list[Article]
) -> str:
    """The cache key of an article's story block and metadata: everything they depend on.

    The editions are part of it because a scheduled translation appears when its time comes,
    without any write; the site's address because the metadata holds absolute links.
    """
    revised = article.revised_at.isoformat() if article.revised_at else ""
    parts = (
        language,
        str(article.pk),
        article.updated_at.isoformat(),
        revised,
        publishing_stamp(request),
        settings.TIME_ZONE,
        absolute_url("/", request=request),
        ",".join(str(edition.pk) for edition in editions),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"articles:story:{digest}"


# ---------------------------------------------------------------- related stories


def related_articles(request: HttpRequest, article: Article, language: str) -> list[Article]:
    """`queries.related_articles`, kept under the publishing stamp for `pages.PAGE_SECONDS` at
    most: an article scheduled for now appears there within that time, as on a kept page."""
    period = int(clock.now().timestamp()) // pages.PAGE_SECONDS
    key = f"articles:related:{language}:{article.pk}:{publishing_stamp(request)}:{period}"
    related = fragments.read_immutable(key)
    if related is None:
        related = queries.related_articles(article, language)
        fragments.write_immutable(key, related)
    return list(related)
