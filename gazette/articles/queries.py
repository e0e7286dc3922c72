"""Reads for the public pages: the one gate deciding which articles a reader may see.

Every page, feed and sitemap starts from `public_articles()`; nothing here returns a draft or a
future schedule except `article_for_preview`, which only the editors' preview calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Sum, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.module_loading import import_string

from gazette.articles import editions as article_editions
from gazette.articles.models import (
    Article,
    ArticleQuerySet,
    Author,
    Byline,
    DailyReads,
    Section,
    Tag,
)
from gazette.core import clock
from gazette.core import editions as core_editions

LEAD_STORIES = 3
RELATED_STORIES = 4
FEED_LENGTH = 30
# Google News reads at most 1,000 URLs of the last two days from one sitemap.
NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_LIMIT = 1000


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


def edition_articles(language: str) -> ArticleQuerySet:
    """The public articles an edition lists: its own, and, in an edition written from another
    script's (core/editions.py), that script's articles of stories it has no article of.

    The other script's articles come as they are stored; `read_in` writes them for the page.
    """
    own = public_articles().in_language(language)
    derivation = core_editions.derivation(language)
    if derivation is None:
        return own
    own_version = public_articles().filter(
        Q(original_id=OuterRef("pk"))
        | Q(pk=OuterRef("original_id"))
        | Q(original_id=OuterRef("original_id")),
        language=language,
    )
    return (
        public_articles()
        .alias(has_own_version=Exists(own_version))
        .filter(Q(language=language) | Q(language=derivation.source, has_own_version=False))
    )


def read_in(articles: Iterable[Article], language: str) -> list[Article]:
    """The articles as readers of `language` read them: other scripts' written in theirs."""
    derivation = core_editions.derivation(language)
    return [
        article_editions.written_in(article, language)
        if derivation is not None and article.language == derivation.source
        else article
        for article in articles
    ]


def sections() -> list[Section]:
    return list(Section.objects.prefetch_related("translations"))


def home_front(language: str, per_section: int = 4) -> tuple[list[Article], list[SectionFront]]:
    """The lead stories and the latest articles of each section, in one edition.

    One ranked query fetches each section's newest articles; the newest of the edition are
    necessarily among them, so the leads cost nothing more.
    """
    depth = max(per_section, LEAD_STORIES)
    ranked = (
        edition_articles(language)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=(F("published_at").desc(), F("pk").desc()),
            )
        )
        .filter(rank__lte=depth)
        .for_listing()
    )
    articles = read_in(ranked, language)
    by_section: dict[int, list[Article]] = {}
    for article in articles:
        by_section.setdefault(article.section_id, []).append(article)
    fronts = [
        SectionFront(section=items[0].section, articles=items[:per_section])
        for items in by_section.values()
    ]
    fronts.sort(key=lambda front: (front.section.position, front.section.name, front.section.pk))
    decorate_listing(articles)
    return articles[:LEAD_STORIES], fronts


def section_for_reader(slug: str) -> Section:
    try:
        return Section.objects.prefetch_related("translations").get(slug=slug)
    except Section.DoesNotExist as exc:
        raise Http404 from exc


def section_articles(section: Section, language: str) -> ArticleQuerySet:
    """A section's articles in one edition, newest first, ready for a list of teasers."""
    return edition_articles(language).filter(section=section).for_listing()


def author_for_reader(slug: str) -> Author:
    """An author with at least one public article: nobody is announced before their work is."""
    has_public_work = Exists(public_articles().filter(bylines__author=OuterRef("pk")))
    try:
        return Author.objects.filter(has_public_work).get(slug=slug)
    except Author.DoesNotExist as exc:
        raise Http404 from exc


def author_articles(author: Author) -> ArticleQuerySet:
    """An author's public articles in every edition, newest first."""
    return public_articles().filter(bylines__author=author).for_listing()


def tag_for_reader(slug: str) -> Tag:
    """A tag with at least one public article, in any edition (with its names)."""
    has_public_article = Exists(public_articles().filter(tags=OuterRef("pk")))
    try:
        return (
            Tag.objects.filter(has_public_article).prefetch_related("translations").get(slug=slug)
        )
    except Tag.DoesNotExist as exc:
        raise Http404 from exc


def tag_articles(tag: Tag, language: str) -> ArticleQuerySet:
    """A tag's public articles in one edition, newest first."""
    return edition_articles(language).filter(tags=tag).for_listing()


def _article_page_queryset(articles: ArticleQuerySet) -> ArticleQuerySet:
    # Byline, tags and section names are fetched by `complete_for_page` only when the page's
    # story block has to be rendered (it is usually served from the shared cache).
    return articles.select_related("section", "lead_photo")


def complete_for_page(article: Article) -> None:
    """Fetch what the article's story block and metadata show, in four queries."""
    prefetch_related_objects(
        [article],
        "section__translations",
        Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        "tags__translations",
    )


def article_for_reader(*, language: str, slug: str) -> Article:
    """The public article at a URL, or 404: drafts and future schedules do not exist for readers.

    In an edition written from another script's (`core/editions.py`), an address of the other
    script's article gives that article written in this edition's script, or the editor's own
    version of it when there is one (in another language: the view sends the reader there).
    """
    derivation = core_editions.derivation(language)
    languages = [language, derivation.source] if derivation else [language]
    # One query finds the article, or the other script's; an edition's own comes first.
    found = {
        article.language: article
        for article in _article_page_queryset(public_articles()).filter(
            language__in=languages, slug=slug
        )
    }
    if language in found:
        return found[language]
    source = found.get(languages[-1])
    if derivation is None or source is None:
        raise Http404
    own_version = next(
        (item for item in translations_of(source) if item.language == language), None
    )
    return own_version or article_editions.written_in(source, language)


def article_for_preview(pk: int) -> Article:
    """Any article, drafts included, for an editor's preview."""
    try:
        return _article_page_queryset(Article.objects.all()).get(pk=pk)
    except Article.DoesNotExist as exc:
        raise Http404 from exc


def translations_of(article: Article) -> list[Article]:
    """The public editions of the same story, the article itself included when public.

    A story is an original and the articles pointing at it; the original may itself be a
    draft, in which case only its public translations are returned.
    """
    root_id = article.original_id or article.pk
    editions = public_articles().filter(Q(pk=root_id) | Q(original_id=root_id))
    return list(editions.select_related("section").order_by("language", "pk"))


def feed_articles(language: str, section: Section | None = None) -> list[Article]:
    """The newest public articles of an edition, of one section when given."""
    articles = edition_articles(language)
    if section is not None:
        articles = articles.filter(section=section)
    return read_in(articles.for_listing()[:FEED_LENGTH], language)


def sitemap_articles() -> ArticleQuerySet:
    return public_articles().select_related("section").order_by("-published_at", "-pk")


def written_for_sitemap() -> list[Article]:
    """The pages of articles read in another script's edition (one query per such edition)."""
    written: list[Article] = []
    for code in core_editions.codes():
        derivation = core_editions.derivation(code)
        if derivation is not None:
            others = edition_articles(code).filter(language=derivation.source)
            written += read_in(others.select_related("section").order_by("-published_at"), code)
    return written


def recent_for_news_sitemap(hours: int = NEWS_SITEMAP_HOURS) -> list[Article]:
    """Public articles of every edition published in the last `hours`, newest first."""
    since = clock.now() - timedelta(hours=hours)
    articles = (
        public_articles()
        .filter(published_at__gte=since)
        .select_related("section")
        .prefetch_related("tags__translations")
        .order_by("-published_at", "-pk")
    )
    return list(articles[:NEWS_SITEMAP_LIMIT])


def story_elsewhere(*, section_slug: str, slug: str) -> Article | None:
    """A public article at this address in another edition: where the edition switcher sends a
    reader of a story this edition does not have."""
    return (
        public_articles()
        .select_related("section")
        .filter(section__slug=section_slug, slug=slug)
        .order_by("pk")
        .first()
    )


def related_articles(article: Article, language: str) -> list[Article]:
    """Up to four public articles of the edition in the same section or sharing a tag with
    `article`, newest first, never `article` itself: two queries (articles, section names)."""
    article_tags = Article.tags.through.objects.filter(article_id=article.pk).values("tag_id")
    shares_a_tag = Exists(
        Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=article_tags)
    )
    related = (
        edition_articles(language)
        .filter(Q(section_id=article.section_id) | shares_a_tag)
        .exclude(pk=article.pk)
        .select_related("section")
        .prefetch_related("section__translations")
        .order_by("-published_at", "-pk")
    )
    return read_in(related[:RELATED_STORIES], language)


def most_read(language: str) -> list[Article]:
    """The edition's public articles most read in the last `GAZETTE_POPULAR_DAYS` days, in two
    queries (the totals, then their articles); readers are counted once a day each."""
    since = clock.now().date() - timedelta(days=settings.GAZETTE_POPULAR_DAYS - 1)
    totals = list(
        DailyReads.objects.filter(day__gte=since, article__in=edition_articles(language))
        .values("article_id")
        .annotate(total=Sum("reads"))
        .order_by("-total", "-article_id")
        .values_list("article_id", flat=True)[: settings.GAZETTE_POPULAR_LENGTH]
    )
    if not totals:
        return []
    found = {
        article.pk: article
        for article in edition_articles(language).filter(pk__in=totals).select_related("section")
    }
    return read_in([found[pk] for pk in totals if pk in found], language)
