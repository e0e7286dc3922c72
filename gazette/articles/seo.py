"""Search-engine and social metadata for an article: canonical URL, OpenGraph, JSON-LD."""

from __future__ import annotations

import json
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
        "@context": "https://schema.org",
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
    encoded = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return ArticleMetadata(
        canonical_url=canonical,
        description=description,
        image_url=image_url,
        alternates=[
            Alternate(language, absolute_url(path, request=request))
            for language, path in edition_paths(editions).items()
        ],
        json_ld=mark_safe(encoded),  # noqa: S308 - JSON with every markup character escaped
    )
