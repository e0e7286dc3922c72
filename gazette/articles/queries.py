"""Reads for the public pages: the one gate deciding which articles a reader may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.utils.module_loading import import_string

from gazette.articles.models import Article, ArticleQuerySet, Section
from gazette.core import clock


def decorate_listing(articles: Iterable[Article]) -> None:
    """Let other apps attach what teasers show (comment counts, say), one call per list."""
    items = list(articles)
    for dotted_path in settings.GAZETTE_ARTICLE_LIST_HOOKS:
        hook = import_string(dotted_path)
        hook(items)


@dataclass(frozen=True)
class SectionFront:
    section: Section
    articles: list[Article]


def public_articles() -> ArticleQuerySet:
    return Article.objects.published()


def sections() -> list[Section]:
    return list(Section.objects.prefetch_related("translations"))


def home_front(language: str, per_section: int = 4) -> tuple[list[Article], list[SectionFront]]:
    """The lead stories and the latest articles of each section, in one edition."""
    latest = list(public_articles().in_language(language).for_listing()[:3])
    fronts = []
    for section in sections():
        articles = list(
            public_articles().in_language(language).filter(section=section).for_listing()[
                :per_section
            ]
        )
        if articles:
            fronts.append(SectionFront(section=section, articles=articles))
    decorate_listing([*latest, *(article for front in fronts for article in front.articles)])
    return latest, fronts


def article_for_reader(*, language: str, slug: str) -> Article:
    """The public article at a URL, or 404: drafts and future schedules do not exist for readers."""
    queryset = public_articles().select_related("section", "lead_photo").prefetch_related(
        "section__translations", "bylines__author", "tags"
    )
    try:
        return queryset.get(language=language, slug=slug)
    except Article.DoesNotExist as exc:
        raise Http404 from exc


def article_for_preview(pk: int) -> Article:
    """Any article, drafts included, for an editor's preview."""
    queryset = Article.objects.select_related("section", "lead_photo").prefetch_related(
        "section__translations", "bylines__author", "tags"
    )
    try:
        return queryset.get(pk=pk)
    except Article.DoesNotExist as exc:
        raise Http404 from exc


def translations_of(article: Article) -> list[Article]:
    """The public editions of the same story, the article itself included, by language."""
    root_id = article.original_id or article.pk
    siblings = public_articles().filter(pk=root_id) | public_articles().filter(original_id=root_id)
    return list(siblings.select_related("section").order_by("language"))


def recent_for_news_sitemap(hours: int = 48) -> list[Article]:
    since = clock.now() - timedelta(hours=hours)
    return list(
        public_articles().filter(published_at__gte=since).prefetch_related("tags").order_by(
            "-published_at"
        )
    )

