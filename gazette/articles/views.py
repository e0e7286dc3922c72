"""Public pages of the publishing side: they parse the request, ask queries.py, render.

Every reader page (home, section, author, tag, article) is the same for every reader without
a session, and is kept whole for them (core/pages.py); the parts of an article page that every
reader shares are also kept on their own (caching.py), so that a personal page is cheap too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from gazette.accounts.readers import reader_of
from gazette.articles import caching, queries, search, seo, services
from gazette.articles.forms import SearchForm
from gazette.articles.models import Article, ArticleQuerySet
from gazette.core import fragments as shared_fragments
from gazette.core import pages
from gazette.core.editions import self_name
from gazette.core.http import absolute_url
from gazette.core.pages import shared_page

# Longer page numbers are not page numbers; refuse them before they reach int().
_MAX_PAGE_DIGITS = 6


def _edition() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _page(request: HttpRequest, articles: ArticleQuerySet) -> Page[Article]:
    """One page of a list; a page number that is not a page is a 404, never a 500."""
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdigit() and len(number) <= _MAX_PAGE_DIGITS):
        raise Http404
    paginator = Paginator(articles, settings.GAZETTE_ARTICLES_PER_PAGE)
    try:
        page = paginator.page(number)
    except InvalidPage as exc:
        raise Http404 from exc
    page.object_list = queries.read_in(page.object_list, _edition())
    queries.decorate_listing(page.object_list)
    return page


def _canonical(request: HttpRequest, page: Page[Article] | None = None) -> str:
    """This page's address without tracking or unknown parameters; page 2+ keeps its number."""
    url = absolute_url(request.path, request=request)
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


def _listing_json_ld(
    request: HttpRequest, trail: list[tuple[str, str]], articles: Iterable[Article]
) -> SafeString:
    home = (settings.GAZETTE_SITE_NAME, reverse("articles:home"))
    return seo.listing_json_ld(request, trail=[home, *trail], articles=articles)


@require_safe
@shared_page
def home(request: HttpRequest) -> HttpResponse:
    caching.publishing_stamp(request)
    leads, fronts = queries.home_front(_edition())
    listed = [*leads, *(article for front in fronts for article in front.articles)]
    context = {
        "leads": leads,
        "fronts": fronts,
        "canonical_url": _canonical(request),
        "home_panels": settings.GAZETTE_HOME_PANELS,
        "json_ld": _listing_json_ld(request, [], listed),
    }
    return render(request, "articles/home.html", context)


@require_safe
@shared_page
def section_page(request: HttpRequest, section_slug: str) -> HttpResponse:
    caching.publishing_stamp(request)
    section = queries.section_for_reader(section_slug)
    page = _page(request, queries.section_articles(section, _edition()))
    context = {
        "section": section,
        "page": page,
        "canonical_url": _canonical(request, page),
        "json_ld": _listing_json_ld(request, [(section.local_name, request.path)], page),
    }
    return render(request, "articles/section.html", context)


@require_safe
@shared_page
def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    caching.publishing_stamp(request)
    author = queries.author_for_reader(slug)
    page = _page(request, queries.author_articles(author))
    context = {
        "author": author,
        "page": page,
        "canonical_url": _canonical(request, page),
        "json_ld": _listing_json_ld(request, [(author.name, request.path)], page),
    }
    return render(request, "articles/author.html", context)


@require_safe
@shared_page
def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    caching.publishing_stamp(request)
    tag = queries.tag_for_reader(slug)
    page = _page(request, queries.tag_articles(tag, _edition()))
    context = {
        "tag": tag,
        "page": page,
        "canonical_url": _canonical(request, page),
        "json_ld": _listing_json_ld(request, [(tag.name, request.path)], page),
    }
    return render(request, "articles/tag.html", context)


@require_safe
@shared_page
def article_page(request: HttpRequest, section_slug: str, slug: str) -> HttpResponse:
    # The stamp is read before anything it covers, so that what this request renders is never
    # older than the stamp it is cached under.
    caching.publishing_stamp(request)
    try:
        article = queries.article_for_reader(language=_edition(), slug=slug)
    except Http404:
        return _not_in_edition(request, section_slug, slug)
    if article.section.slug != section_slug:
        # The article moved section: keep old links working at the new address.
        return HttpResponsePermanentRedirect(article.get_absolute_url())
    if article.slug != slug:
        # The other script's address of a story an editor wrote in this one too.
        return HttpResponseRedirect(article.get_absolute_url())
    response = _render_article(request, article, preview=False)
    _count_read(request, article)
    return response


def _not_in_edition(request: HttpRequest, section_slug: str, slug: str) -> HttpResponse:
    """A story this edition does not have (the edition switcher links here): say so, and offer
    the section in this edition and the story where it is published. Otherwise a 404."""
    elsewhere = queries.story_elsewhere(section_slug=section_slug, slug=slug)
    if elsewhere is None:
        raise Http404
    context = {
        "elsewhere": elsewhere,
        "section": elsewhere.section,
        "edition_name": self_name(_edition()),
        "elsewhere_name": self_name(elsewhere.language),
    }
    return render(request, "articles/not_in_edition.html", context, status=404)


def _count_read(request: HttpRequest, article: Article) -> None:
    """Count a read by a reader we know (an account, or our reader cookie) opening the page.

    Pages kept for cookieless readers are served without this view, and robots rarely keep
    signed cookies: what is counted is readers, not requests.
    """
    if request.method != "GET" or pages.is_shared(request):
        return
    reader = reader_of(request)
    if reader.is_signed_in or not reader.is_new:
        services.count_read(article=article, reader_key=reader.key)


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "articles/search.html", {"form": form}, status=400)
    query, sort = form.cleaned_data["q"], form.cleaned_data["sort"]
    try:
        results = search.search_articles(_edition(), query, sort, form.cleaned_data["page"] or 1)
    except search.NoSuchPage as exc:
        raise Http404 from exc
    response = render(request, "articles/search.html", {"form": form, "results": results})
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@staff_member_required
def preview_article(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("articles.view_article"):
        raise Http404
    return _render_article(request, queries.article_for_preview(pk), preview=True)


def _render_article(request: HttpRequest, article: Article, *, preview: bool) -> HttpResponse:
    editions = queries.translations_of(article)
    context: dict[str, object] = {
        "article": article,
        "preview": preview,
        "editions": editions,
        "panels": settings.GAZETTE_ARTICLE_PANELS,
        "related": caching.related_articles(request, article, _edition()),
    }
    context |= _story_fragments(request, article, editions, preview=preview)
    response = render(request, "articles/article.html", context)
    if preview:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _story_fragments(
    request: HttpRequest, article: Article, editions: list[Article], *, preview: bool
) -> dict[str, object]:
    """The metadata, the head's tags and the story block: the same for every reader of a version.

    Readers get them from the shared cache (caching.py says when they are replaced); an editor's
    preview renders them afresh. Nothing personal may go into these templates.
    """
    key = None if preview else caching.story_key(request, article, _edition(), editions)
    fragments: dict[str, object] | None = shared_fragments.read_immutable(key) if key else None
    if fragments is None:
        queries.complete_for_page(article)
        meta = seo.article_metadata(request, article, editions)
        context = {"article": article, "meta": meta, "preview": preview}
        fragments = {
            "meta": meta,
            "head_html": render_to_string("articles/_head.html", context, request),
            "story_html": render_to_string("articles/_story.html", context, request),
        }
        if key:
            shared_fragments.write_immutable(key, fragments)
    return fragments
