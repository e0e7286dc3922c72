"""XML sitemaps: every public article (with its other editions) and section, a Google News
sitemap of the last 48 hours, and the index that lists them all."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit
from xml.sax.xmlreader import AttributesImpl

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe

from gazette.articles import queries
from gazette.articles.editions import edition_paths
from gazette.articles.models import Article, Section
from gazette.core.http import absolute_url, cache_publicly
from gazette.core.text import xml_safe

if TYPE_CHECKING:
    # The sites framework is not installed: only its types are needed here.
    from django.contrib.sites.models import Site
    from django.contrib.sites.requests import RequestSite

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

Item = TypeVar("Item")


class _SiteSitemap(Sitemap[Item]):
    """Locations on GAZETTE_BASE_URL when it is set, so that they match the canonical links."""

    def get_protocol(self, protocol: str | None = None) -> str:
        base = urlsplit(settings.GAZETTE_BASE_URL)
        return base.scheme or super().get_protocol(protocol)

    def get_domain(self, site: Site | RequestSite | None = None) -> str:
        base = urlsplit(settings.GAZETTE_BASE_URL)
        return base.netloc or super().get_domain(site)


class ArticleSitemap(_SiteSitemap[Article]):
    """Every public article, each with the addresses of the story in its other editions."""

    changefreq = "daily"
    limit = 5000

    @cached_property
    def _articles(self) -> list[Article]:
        # Django makes one sitemap object per request: read once for its pages and alternates.
        return [*queries.sitemap_articles(), *queries.written_for_sitemap()]

    def items(self) -> list[Article]:
        return self._articles

    def get_urls(
        self,
        page: int | str = 1,
        site: Site | RequestSite | None = None,
        protocol: str | None = None,
    ) -> list[dict[str, Any]]:
        urls = super().get_urls(page, site, protocol)
        # Every edition of a story is an item here, so the stories come from the items alone.
        stories: dict[int, list[Article]] = defaultdict(list)
        for article in self._articles:
            stories[article.original_id or article.pk].append(article)
        for url in urls:
            article = url["item"]
            paths = edition_paths(stories[article.original_id or article.pk])
            if len(paths) > 1:
                origin = "{0.scheme}://{0.netloc}".format(urlsplit(url["location"]))
                url["alternates"] = [
                    {"lang_code": code, "location": origin + path}
                    for code, path in sorted(paths.items())
                ]
        return urls

    def lastmod(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at


class SectionSitemap(_SiteSitemap[Section]):
    changefreq = "hourly"
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[Section]:
        return list(Section.objects.all())


SITEMAPS = {"articles": ArticleSitemap, "sections": SectionSitemap}


@cache_publicly()
def sitemap_index(
    request: HttpRequest, sitemaps: dict[str, type[Sitemap[Any]] | Sitemap[Any]]
) -> HttpResponse:
    """Django's index of the sitemaps above, and the Google News sitemap."""
    response = sitemap_views.index(request, sitemaps)
    news = absolute_url(reverse("news-sitemap"), request=request)
    response.context_data["sitemaps"].append(SitemapIndexItem(news, None))  # type: ignore[index]
    return response


sitemap_section = cache_publicly()(sitemap_views.sitemap)


@require_safe
@cache_publicly()
def news_sitemap(request: HttpRequest) -> HttpResponse:
    """The articles of the last 48 hours in Google News sitemap form, written by an XML writer
    (every headline escaped, characters XML cannot carry dropped)."""
    stream = io.StringIO()
    xml = SimplerXMLGenerator(stream, "utf-8")
    xml.startDocument()
    xml.startElement("urlset", AttributesImpl({"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS}))
    publication = xml_safe(settings.GAZETTE_SITE_NAME)
    for article in queries.recent_for_news_sitemap():
        xml.startElement("url", AttributesImpl({}))
        xml.addQuickElement("loc", absolute_url(article.get_absolute_url(), request=request))
        xml.startElement("news:news", AttributesImpl({}))
        xml.startElement("news:publication", AttributesImpl({}))
        xml.addQuickElement("news:name", publication)
        xml.addQuickElement("news:language", article.language)
        xml.endElement("news:publication")
        published_at = article.published_at.isoformat() if article.published_at else ""
        xml.addQuickElement("news:publication_date", published_at)
        xml.addQuickElement("news:title", xml_safe(article.headline))
        keywords = ", ".join(tag.name_in(article.language) for tag in article.tags.all())
        if keywords:
            xml.addQuickElement("news:keywords", xml_safe(keywords))
        xml.endElement("news:news")
        xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    return HttpResponse(stream.getvalue(), content_type="application/xml; charset=utf-8")
