"""Public pages of the publishing side: they parse the request, ask queries.py, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from gazette.articles import queries
from gazette.articles.models import Article, Author, Section, Tag
from gazette.articles.seo import article_metadata


def _edition(request: HttpRequest) -> str:
    return get_language() or settings.LANGUAGE_CODE


def _page(request: HttpRequest, articles: QuerySet[Article]) -> Page[Article]:
    """One page of a list; a page number that is not a page is a 404, never a 500."""
    paginator = Paginator(articles, settings.GAZETTE_ARTICLES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", "1"))
    except InvalidPage as exc:
        raise Http404 from exc
    queries.decorate_listing(page.object_list)
    return page


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    leads, fronts = queries.home_front(_edition(request))
    return render(request, "articles/home.html", {"leads": leads, "fronts": fronts})


@require_safe
def section_page(request: HttpRequest, section_slug: str) -> HttpResponse:
    section = get_object_or_404(Section.objects.prefetch_related("translations"), slug=section_slug)
    articles = queries.public_articles().in_language(_edition(request)).filter(section=section)
    page = _page(request, articles.for_listing())
    return render(request, "articles/section.html", {"section": section, "page": page})


@require_safe
def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = _page(request, queries.public_articles().filter(authors=author).for_listing())
    return render(request, "articles/author.html", {"author": author, "page": page})


@require_safe
def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    page = _page(request, queries.public_articles().filter(tags=tag).for_listing())
    return render(request, "articles/tag.html", {"tag": tag, "page": page})


@require_safe
def article_page(request: HttpRequest, section_slug: str, slug: str) -> HttpResponse:
    article = queries.article_for_reader(language=_edition(request), slug=slug)
    if article.section.slug != section_slug:
        # The article moved section: keep old links working at the new address.
        return HttpResponsePermanentRedirect(article.get_absolute_url())
    return _render_article(request, article, preview=False)


@staff_member_required
def preview_article(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("articles.view_article"):
        raise Http404
    return _render_article(request, queries.article_for_preview(pk), preview=True)


def _render_article(request: HttpRequest, article: Article, *, preview: bool) -> HttpResponse:
    editions = queries.translations_of(article)
    context = {
        "article": article,
        "preview": preview,
        "editions": editions,
        "meta": article_metadata(request, article, editions),
        "panels": settings.GAZETTE_ARTICLE_PANELS,
    }
    response = render(request, "articles/article.html", context)
    if preview:
        response["X-Robots-Tag"] = "noindex"
    return response
