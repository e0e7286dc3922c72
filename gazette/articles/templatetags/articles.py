"""Template helpers for article pages and teasers."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from gazette.articles import queries, renditions
from gazette.articles.editions import switcher_paths
from gazette.articles.models import Article, Photo
from gazette.core.text import ARTICLE, render_markdown

register = template.Library()

DATELINE_SEPARATOR = " --"


@register.filter
def article_body(article: Article) -> SafeString:
    return body_html(article.body, article.dateline)


def body_html(body: str, dateline: str) -> SafeString:
    """The body as HTML, its first paragraph opening with the dateline (ASTANA --): what the
    article page shows, and the editors' preview too.

    A body that opens with something else (a quote, a heading) gets the dateline in a
    paragraph of its own, so that it is never lost.
    """
    html = str(render_markdown(body, ARTICLE))
    if not dateline:
        return mark_safe(html)  # noqa: S308 - sanitised by render_markdown
    dateline = format_html(
        '<span class="dateline">{}{}</span>', dateline.upper(), DATELINE_SEPARATOR
    )
    if html.startswith("<p>"):
        html = f"<p>{dateline} {html[len('<p>') :]}"
    else:
        html = f"<p>{dateline}</p>\n{html}"
    return mark_safe(html)  # noqa: S308 - sanitised HTML plus an escaped dateline


@register.simple_tag
def edition_urls(article: Article, editions: list[Article]) -> dict[str, str]:
    """Language code → where the edition switcher links from an article (editions.py)."""
    return switcher_paths(article, editions)


@register.simple_tag
def most_read() -> list[Article]:
    """The front page's "most read" list, for the current edition."""
    return queries.most_read(get_language() or settings.LANGUAGE_CODE)


# How wide each photo is shown (site.css): the article's photo spans the page up to 56rem, the
# lead teaser two thirds of it, other teasers a column of a front (or a thumbnail on a phone).
PHOTO_SIZES = {
    "story": "(min-width: 56rem) 56rem, 100vw",
    "lead": "(min-width: 48em) 50rem, 100vw",
    "teaser": "(min-width: 64em) 19rem, (min-width: 36em) 45vw, 100vw",
}


@register.inclusion_tag("articles/_picture.html")
def picture(photo: Photo, shown_as: str, alt: str = "", **attributes: str) -> dict[str, object]:
    """The photo as a <picture>: its renditions by format and width, the original as the last
    resort, and its size set so that nothing moves when it loads."""
    widest = None if shown_as == "story" else renditions.TEASER_WIDEST
    sources = renditions.sources(photo, widest)
    fallback = next((item for item in sources if item.mime_type == "image/jpeg"), None)
    return {
        "photo": photo,
        "alt": alt,
        "sizes": PHOTO_SIZES[shown_as],
        "sources": [item for item in sources if item is not fallback],
        "fallback": fallback,
        "attributes": attributes,
    }
