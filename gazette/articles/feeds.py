"""RSS and Atom feeds of an edition, site-wide and per section."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gazette.articles import queries
from gazette.articles.models import Article, Section
from gazette.articles.seo import description_of

FEED_LENGTH = 30


class LatestArticlesFeed(Feed[Article, Section | None]):
    """The latest articles of the current edition; of one section when the URL names it."""

    def get_object(self, request: HttpRequest, section_slug: str | None = None) -> Section | None:
        if section_slug is None:
            return None
        return get_object_or_404(Section, slug=section_slug)

    def title(self, obj: Section | None) -> str:
        if obj is None:
            return settings.GAZETTE_SITE_NAME
        return f"{obj.local_name} | {settings.GAZETTE_SITE_NAME}"

    def link(self, obj: Section | None) -> str:
        return obj.get_absolute_url() if obj else reverse("articles:home")

    def description(self, obj: Section | None) -> str:
        return _("The latest articles from %(site)s.") % {"site": settings.GAZETTE_SITE_NAME}

    def language(self, obj: Section | None) -> str:
        return get_language() or settings.LANGUAGE_CODE

    def items(self, obj: Section | None) -> list[Article]:
        articles = queries.public_articles().in_language(self.language(obj)).for_listing()
        if obj is not None:
            articles = articles.filter(section=obj)
        return list(articles[:FEED_LENGTH])

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return description_of(item)

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at

    def item_author_name(self, item: Article) -> str:
        return ", ".join(author.name for author in item.byline_authors)

    def item_categories(self, item: Article) -> list[str]:
        return [item.section.name_in(item.language)]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Section | None) -> str:
        return self.description(obj)
