"""RSS and Atom feeds of an edition, site-wide and per section.

The edition is the language of the URL (/ru/feeds/rss/); Django's Feed announces it as the
feed's language when `language` is left unset.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gazette.articles import queries
from gazette.articles.models import Article, Section
from gazette.articles.seo import description_of
from gazette.core.text import xml_safe


class LatestArticlesFeed(Feed[Article, Section | None]):
    """The latest articles of the current edition; of one section when the URL names it."""

    def get_object(self, request: HttpRequest, section_slug: str | None = None) -> Section | None:
        if section_slug is None:
            return None
        return queries.section_for_reader(section_slug)

    def title(self, obj: Section | None) -> str:
        if obj is None:
            return xml_safe(settings.GAZETTE_SITE_NAME)
        return xml_safe(f"{obj.local_name} | {settings.GAZETTE_SITE_NAME}")

    def link(self, obj: Section | None) -> str:
        return obj.get_absolute_url() if obj else reverse("articles:home")

    def description(self, obj: Section | None) -> str:
        if obj is None:
            text = _("The latest articles from %(site)s.") % {"site": settings.GAZETTE_SITE_NAME}
        else:
            text = _("The latest articles in %(section)s from %(site)s.") % {
                "section": obj.local_name,
                "site": settings.GAZETTE_SITE_NAME,
            }
        return xml_safe(text)

    def items(self, obj: Section | None) -> list[Article]:
        return queries.feed_articles(get_language() or settings.LANGUAGE_CODE, obj)

    def item_title(self, item: Article) -> str:
        return xml_safe(item.headline)

    def item_description(self, item: Article) -> str:
        return xml_safe(description_of(item))

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at

    def item_author_name(self, item: Article) -> str:
        return xml_safe(", ".join(author.name for author in item.byline_authors))

    def item_categories(self, item: Article) -> list[str]:
        return [xml_safe(item.section.name_in(item.language))]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Section | None) -> str:
        return self.description(obj)
