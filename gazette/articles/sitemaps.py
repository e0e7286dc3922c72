"""XML sitemaps: every public article and section; a Google News sitemap of the last 48 hours."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gazette.articles import queries
from gazette.articles.models import Article, Section


class ArticleSitemap(Sitemap[Article]):
    changefreq = "daily"
    limit = 5000

    def items(self) -> list[Article]:
        return list(queries.public_articles().select_related("section").order_by("-published_at"))

    def lastmod(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at


class SectionSitemap(Sitemap[Section]):
    changefreq = "hourly"
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[Section]:
        return list(Section.objects.all())


SITEMAPS = {"articles": ArticleSitemap, "sections": SectionSitemap}


@require_safe
def news_sitemap(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "articles/news_sitemap.xml",
        {"articles": queries.recent_for_news_sitemap()},
        content_type="application/xml; charset=utf-8",
    )
