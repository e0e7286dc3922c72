"""An article in the other script of its edition, and the address of a story in each edition.

Where an editor has written no article for a story in an edition's second script (Uzbek in
Cyrillic, say), readers of that edition get the first script's article written in theirs
(`core/editions.py` says which editions are written from which). It is the same article, under
the other edition's address: the same discussion, poll and byline; only its letters change.
"""

from __future__ import annotations

import copy

from django.urls import reverse
from django.utils import translation

from gazette.articles.models import Article
from gazette.core import editions

_WRITTEN_FIELDS = ("headline", "standfirst", "dateline", "body")


def written_in(article: Article, language: str) -> Article:
    """`article` as readers of `language` read it: a copy for rendering, never to be saved."""
    derivation = editions.derivation(language)
    if derivation is None or derivation.source != article.language:
        raise ValueError(f"{language} is not written from {article.language}")
    convert = derivation.convert
    written = copy.copy(article)
    written.language = language
    # Only what was read: a list that did not read the bodies does not convert them.
    deferred = article.get_deferred_fields()
    for field in _WRITTEN_FIELDS:
        if field not in deferred:
            setattr(written, field, convert(getattr(article, field)))
    if "lead_photo_id" not in deferred and article.lead_photo is not None:
        photo = copy.copy(article.lead_photo)
        photo.caption = convert(photo.caption)
        photo.alt_text = convert(photo.alt_text)
        photo.credit = convert(photo.credit)
        written.lead_photo = photo
    return written


def address_in(article: Article, language: str) -> str:
    """The article's address in an edition: there in its letters when that edition is written
    from the article's (a reader who commented on the Cyrillic page comes back to it)."""
    derivation = editions.derivation(language)
    if derivation is None or derivation.source != article.language:
        return article.get_absolute_url()
    with translation.override(language):
        kwargs = {"section_slug": article.section.slug, "slug": article.slug}
        return reverse("articles:article", kwargs=kwargs)


def edition_paths(stories: list[Article]) -> dict[str, str]:
    """Language code → address of the story in each edition that has it, written ones included.

    `stories` are the public articles of one story (`queries.translations_of`).
    """
    paths = {article.language: article.get_absolute_url() for article in stories}
    for code in editions.codes():
        derivation = editions.derivation(code)
        if code in paths or derivation is None:
            continue
        source = next((item for item in stories if item.language == derivation.source), None)
        if source is not None:
            paths[code] = address_in(source, code)
    return paths


def switcher_paths(article: Article, stories: list[Article]) -> dict[str, str]:
    """Language code → where the edition switcher sends a reader of `article`: the story in
    each edition that has it, else this article's address under that edition, which says
    that the story is not published there and offers the section (never the front page)."""
    paths = edition_paths(stories)
    kwargs = {"section_slug": article.section.slug, "slug": article.slug}
    for code in editions.codes():
        if code not in paths:
            with translation.override(code):
                paths[code] = reverse("articles:article", kwargs=kwargs)
    return paths
