"""Reading discussions: a thread by its page or its ID, one page of it, a comment's replies,
where a comment appears, and the comment counts of many pages at once.

Each read is a fixed number of queries whatever the thread's length (comments.queries does
the reading) and carries an ETag built from the thread's version, so a caller or a front cache
asking again gets 304 while nothing changed.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.decorators import decorate_view

from gazette.accounts.readers import Reader
from gazette.api import caching, present
from gazette.api.identity import check_thread_origin, known_reader, site_for_call
from gazette.api.problems import Problem, ProblemOut
from gazette.api.schemas import (
    CountsOut,
    LocationOut,
    PageOfSite,
    PageOfThread,
    PagesOfSite,
    RepliesOut,
    ThreadPageOut,
)
from gazette.articles.queries import public_articles
from gazette.comments import queries, services
from gazette.comments.models import Comment, Thread
from gazette.comments.page_urls import NotAPageAddress, canonical_page_url
from gazette.reactions import queries as poll_queries
from gazette.sites.exceptions import OwnSitePage
from gazette.sites.models import Site

router = Router(tags=["threads"])

READ_ERRORS: dict[int, Any] = {304: None, 403: ProblemOut, 404: ProblemOut, 422: ProblemOut}


def public_thread(thread_id: int) -> Thread:
    """A thread readers may see: another site's page, or one of our public articles."""
    thread = get_object_or_404(Thread.objects.select_related("article__section"), pk=thread_id)
    if thread.article is not None and not thread.article.is_public:
        raise Problem(404, "not_found", _("Nothing is found at this address."))
    return thread


def _thread_page(
    request: HttpRequest,
    response: HttpResponse,
    *,
    thread: Thread,
    site: Site,
    shown: PageOfThread,
) -> Any:
    reader = known_reader(request)
    sort, page = shown.sort, shown.page
    thread_out = present.thread_data(thread, site, request)
    poll = _poll_shown(thread, reader) if shown.with_poll else None
    etag = caching.etag_of(
        "thread",
        thread.pk,
        thread.version,
        thread_out["is_open"],
        sort,
        page,
        reader and reader.key,
        json.dumps(poll, sort_keys=True),
    )
    if caching.is_fresh(request, etag):
        return caching.not_modified(etag, personal=reader is not None)
    kept = caching.kept_answer(request, etag) if reader is None else None
    if kept is not None:
        return kept
    entries = queries.comment_thread(
        thread,
        sort=sort,
        page_number=page,
        viewer_anonymous_id=reader.anonymous_id if reader is not None else "",
    )
    liked = entries.liked_ids if reader is not None else None
    caching.mark(response, etag, personal=reader is not None)
    return {
        "thread": thread_out,
        "sort": entries.sort,
        "page": entries.page.number if entries.page is not None else 1,
        "pages": entries.page.paginator.num_pages if entries.page is not None else 1,
        "comments": present.entries_data(entries.entries, liked=liked),
        "poll": poll,
    }


def _poll_shown(thread: Thread, reader: Reader | None) -> dict[str, Any] | None:
    """The page's poll as this reader sees it, or None where the site asks none."""
    shown = poll_queries.poll_at(present.poll_target(thread), reader or Reader(key=""))
    return present.poll_data(shown) if shown is not None else None


@router.get("/threads", response={200: ThreadPageOut, **READ_ERRORS})
@decorate_view(caching.keeps_answers)
def thread_of_page(request: HttpRequest, response: HttpResponse, page: Query[PageOfSite]) -> Any:
    """The thread of a registered site's page (opened on first use), one page of it."""
    known = site_for_call(request, page.site)
    thread = services.thread_for_page(site=known, url=page.url)
    return _thread_page(request, response, thread=thread, site=known, shown=page)


@router.get("/articles/{article_id}/thread", response={200: ThreadPageOut, **READ_ERRORS})
@decorate_view(caching.keeps_answers)
def thread_of_article(
    request: HttpRequest, response: HttpResponse, article_id: int, page: Query[PageOfThread]
) -> Any:
    """The thread of one of our public articles, one page of it."""
    article = get_object_or_404(public_articles().select_related("section"), pk=article_id)
    site = site_for_call(request, queries.site_id())
    thread = services.thread_for_article(article)
    return _thread_page(request, response, thread=thread, site=site, shown=page)


@router.get("/threads/{thread_id}", response={200: ThreadPageOut, **READ_ERRORS})
@decorate_view(caching.keeps_answers)
def thread_by_id(
    request: HttpRequest, response: HttpResponse, thread_id: int, page: Query[PageOfThread]
) -> Any:
    thread = public_thread(thread_id)
    site = site_for_call(request, thread.site)
    return _thread_page(request, response, thread=thread, site=site, shown=page)


def _shown_comment(comment_id: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("thread__article").exclude(state=Comment.State.PENDING),
        pk=comment_id,
    )
    public_thread(comment.thread_id)
    return comment


@router.get("/comments/{comment_id}/replies", response={200: RepliesOut, **READ_ERRORS})
@decorate_view(caching.keeps_answers)
def replies(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """A top-level comment and every reply under it (where `more_replies` leads)."""
    root = _shown_comment(comment_id)
    if root.parent_id is not None:
        raise Problem(404, "not_found", _("Only a top-level comment has a list of replies."))
    site = site_for_call(request, root.thread.site)
    reader = known_reader(request)
    etag = caching.etag_of("replies", root.pk, root.thread.version, reader and reader.key)
    if caching.is_fresh(request, etag):
        return caching.not_modified(etag, personal=reader is not None)
    kept = caching.kept_answer(request, etag) if reader is None else None
    if kept is not None:
        return kept
    entries = queries.replies_of(root)
    if not entries:
        raise Problem(404, "not_found", _("Nothing is found at this address."))
    liked = None
    if reader is not None:
        ids = [entry.comment.pk for entry in entries if entry.comment.is_published]
        liked = queries.liked_among(ids, None, reader.anonymous_id)
    caching.mark(response, etag, personal=reader is not None)
    return {
        "thread": present.thread_data(root.thread, site, request),
        "comments": present.entries_data(entries, liked=liked),
    }


@router.get("/comments/{comment_id}/location", response={200: LocationOut, **READ_ERRORS})
def location(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """Where a comment's permalink leads: the thread page, or its root's replies."""
    comment = _shown_comment(comment_id)
    check_thread_origin(request, comment.thread)
    beyond = queries.is_beyond_first_replies(comment)
    caching.mark(
        response, caching.etag_of("location", comment.pk, comment.thread.version), personal=False
    )
    return {
        "thread": comment.thread_id,
        "sort": queries.DEFAULT_SORT,
        "page": 1 if beyond else queries.page_of(comment),
        "replies_of": comment.root_id if beyond else None,
        "anchor": comment.anchor,
    }


@router.get("/counts", response={200: CountsOut, **READ_ERRORS})
def counts(request: HttpRequest, response: HttpResponse, pages: Query[PagesOfSite]) -> Any:
    """The published-comment counts of up to 100 pages of a site, in one query (more are
    refused with 422, naming `url`)."""
    known = site_for_call(request, pages.site)
    if known.is_own:
        raise OwnSitePage
    url = pages.url
    keys = [_canonical(address) for address in url]
    found = queries.counts_of_pages(known.key, keys)
    versions = [found.get(key, (0, 0))[1] for key in keys]
    etag = caching.etag_of("counts", known.key, *keys, *versions)
    if caching.is_fresh(request, etag):
        return caching.not_modified(etag, personal=False)
    caching.mark(response, etag, personal=False)
    return {
        "site": known.key,
        "counts": [
            {"url": address, "comment_count": found.get(key, (0, 0))[0]}
            for address, key in zip(url, keys, strict=True)
        ],
    }


def _canonical(address: str) -> str:
    try:
        return canonical_page_url(address)
    except NotAPageAddress:
        detail = _("“%(url)s” is not the address of a page.") % {"url": address[:200]}
        raise Problem(422, "not_a_page_address", detail, errors=[("url", detail)]) from None
