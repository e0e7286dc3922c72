"""Search-engine and social metadata: an article's canonical URL, OpenGraph and JSON-LD, and the
JSON-LD of listing pages (where the page sits, and which articles it lists)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from gazette.articles.editions import edition_paths
from gazette.articles.models import Article
from gazette.core.http import absolute_url
from gazette.core.text import ARTICLE, render_markdown

LOGO = "gazette/logo.png"
SCHEMA_ORG = "https://schema.org"
# Characters that could close the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Alternate:
    language: str
    url: str


@dataclass(frozen=True)
class ArticleMetadata:
    canonical_url: str
    description: str
    image_url: str
    alternates: list[Alternate]
    json_ld: SafeString


def description_of(article: Article) -> str:
    text = article.standfirst or strip_tags(render_markdown(article.body, ARTICLE))
    return Truncator(" ".join(text.split())).chars(200)


def article_metadata(
    request: HttpRequest, article: Article, editions: list[Article]
) -> ArticleMetadata:
    # Long by design: one literal per metadata field keeps the page's search metadata in one view.
    canonical = absolute_url(article.get_absolute_url(), request=request)
    image = article.lead_photo.image.url if article.lead_photo else static(LOGO)
    image_url = absolute_url(image, request=request)
    description = description_of(article)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "headline": article.headline,
        "description": description,
        "inLanguage": article.language,
        "articleSection": article.section.name_in(article.language),
        "image": [image_url],
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (
            article.revised_at or article.published_at or article.updated_at
        ).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(author.get_absolute_url(), request=request),
            }
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.GAZETTE_SITE_NAME,
            "logo": {"@type": "ImageObject", "url": absolute_url(static(LOGO), request=request)},
        },
        "keywords": [tag.name_in(article.language) for tag in article.tags.all()],
    }
    return ArticleMetadata(
        canonical_url=canonical,
        description=description,
        image_url=image_url,
        alternates=[
            Alternate(language, absolute_url(path, request=request))
            for language, path in edition_paths(editions).items()
        ],
        json_ld=script_json(data),
    )


def script_json(data: object) -> SafeString:
    """JSON to put inside a <script> element: nothing in it can close the element."""
    encoded = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(encoded)  # noqa: S308 - JSON with every markup character escaped


def listing_json_ld(
    request: HttpRequest, *, trail: list[tuple[str, str]], articles: Iterable[Article]
) -> SafeString:
    """A BreadcrumbList from the front page down to this listing (`trail` is (name, path) from
    the top) and an ItemList of the articles it shows, in order."""
    crumbs = [
        {
            "@type": "ListItem",
            "position": position,
            "name": name,
            "item": absolute_url(path, request=request),
        }
        for position, (name, path) in enumerate(trail, start=1)
    ]
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "url": absolute_url(article.get_absolute_url(), request=request),
        }
        for position, article in enumerate(articles, start=1)
    ]
    return script_json(
        [
            {
                "@context": SCHEMA_ORG,
                "@type": "BreadcrumbList",
                "itemListElement": crumbs,
            },
            {"@context": SCHEMA_ORG, "@type": "ItemList", "itemListElement": items},
        ]
    )
