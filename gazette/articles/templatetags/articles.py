"""Template helpers for article pages and teasers."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from gazette.articles import queries
from gazette.articles.editions import switcher_paths
from gazette.articles.models import Article
from gazette.core.text import ARTICLE, render_markdown

register = template.Library()

DATELINE_SEPARATOR = " --"


@register.filter
def article_body(article: Article) -> SafeString:
    """The body as HTML, its first paragraph opening with the dateline (ASTANA --).

    A body that opens with something else (a quote, a heading) gets the dateline in a
    paragraph of its own, so that it is never lost.
    """
    html = str(render_markdown(article.body, ARTICLE))
    if not article.dateline:
        return mark_safe(html)  # noqa: S308 - sanitised by render_markdown
    dateline = format_html(
        '<span class="dateline">{}{}</span>', article.dateline.upper(), DATELINE_SEPARATOR
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
