"""RSS and Atom feeds of an edition, site-wide and per section.

The edition is the language of the URL (/ru/feeds/rss/); Django's Feed announces it as the
feed's language when `language` is left unset. Each item carries its lead photo as Media RSS
(`media:content`, with its size, caption and credit), which feed readers and aggregators show.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urljoin
from xml.sax.xmlreader import AttributesImpl

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from gazette.articles import queries
from gazette.articles.models import Article, Section
from gazette.articles.seo import description_of
from gazette.core.text import xml_safe

MEDIA_NS = "http://search.yahoo.com/mrss/"


class _MediaRSS(SyndicationFeed):
    """Writes an item's `photo` (url, width, height, caption, credit) as `media:content`."""

    def media_namespace(self, attrs: dict[str, str]) -> dict[str, str]:
        return {**attrs, "xmlns:media": MEDIA_NS}

    def add_photo(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        photo = item.get("photo")
        if not photo:
            return
        handler.startElement(
            "media:content",
            AttributesImpl(
                {
                    # Made absolute against the feed's own link, which Django made for this request.
                    "url": urljoin(self.feed["link"], photo["url"]),
                    "medium": "image",
                    "width": str(photo["width"]),
                    "height": str(photo["height"]),
                }
            ),
        )
        handler.addQuickElement("media:description", photo["caption"], {"type": "plain"})
        handler.addQuickElement("media:credit", photo["credit"])
        handler.endElement("media:content")


class MediaRssFeed(Rss201rev2Feed, _MediaRSS):
    def rss_attributes(self) -> dict[str, str]:
        return self.media_namespace(super().rss_attributes())

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        self.add_photo(handler, item)


class MediaAtomFeed(Atom1Feed, _MediaRSS):
    def root_attributes(self) -> dict[str, str]:
        return self.media_namespace(super().root_attributes())

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        self.add_photo(handler, item)


class LatestArticlesFeed(Feed[Article, Section | None]):
    """The latest articles of the current edition; of one section when the URL names it."""

    feed_type: type[SyndicationFeed] = MediaRssFeed

    def get_object(self, request: HttpRequest, section_slug: str | None = None) -> Section | None:
        if section_slug is None:
            return None
        return queries.section_for_reader(section_slug)

    def item_extra_kwargs(self, item: Article) -> dict[str, Any]:
        photo = item.lead_photo
        if photo is None:
            return {}
        return {
            "photo": {
                "url": photo.image.url,
                "width": photo.width,
                "height": photo.height,
                "caption": xml_safe(photo.caption),
                "credit": xml_safe(photo.credit),
            }
        }

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
    feed_type = MediaAtomFeed

    def subtitle(self, obj: Section | None) -> str:
        return self.description(obj)
