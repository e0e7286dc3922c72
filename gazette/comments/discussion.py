"""Everything the comment panel under an article shows, gathered for its templates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest

from gazette.accounts.readers import reader_of
from gazette.articles.models import Article
from gazette.comments import caching, policy, queries
from gazette.comments.authorship import proof_of
from gazette.comments.conf import comment_settings
from gazette.comments.forms import CommentForm
from gazette.comments.models import Thread
from gazette.core import clock


@dataclass(frozen=True)
class Discussion:
    article: Article
    thread: Thread | None
    closure: policy.Closure | None
    listing: caching.ThreadListing
    request: HttpRequest
    # A form sent back with its errors; otherwise `form` makes a new one when first asked.
    given_form: CommentForm | None
    parent_id: int | None
    replying_to: caching.ShownComment | None
    liked_ids: frozenset[int]
    changeable_ids: frozenset[int]
    policy_url: str
    require_sign_in: bool
    sorts: tuple[str, ...] = tuple(queries.SORTS)

    @property
    def count(self) -> int:
        return self.thread.comment_count if self.thread is not None else 0

    @cached_property
    def form(self) -> CommentForm:
        if self.given_form is not None:
            return self.given_form
        return CommentForm(
            initial={"parent": self.parent_id}, request=self.request, target=str(self.article.pk)
        )


def _int(value: str | None, default: int | None) -> int | None:
    return int(value) if value and value.isdigit() else default


def discussion_for(
    request: HttpRequest, article: Article, form: CommentForm | None = None
) -> Discussion:
    thread = queries.thread_of_article(article)
    reader = reader_of(request)
    # The comments as every reader sees them (shared cache), then this reader's likes.
    listing = caching.thread_listing(
        thread,
        sort=request.GET.get("csort"),
        page_number=_int(request.GET.get("cpage"), 1) or 1,
    )
    liked_ids = queries.liked_among(
        listing.published_ids,
        reader.user_id,
        "" if reader.is_new else reader.anonymous_id,
    )
    closure = queries.closure_of(thread, article)
    if form is None:
        parent_id = _int(request.GET.get("creply"), None)
    else:
        parent_id = _int(str(form["parent"].value() or ""), None)
    return Discussion(
        article=article,
        thread=thread,
        closure=closure,
        listing=listing,
        request=request,
        given_form=form,
        parent_id=parent_id,
        replying_to=_replying_to(listing, parent_id),
        liked_ids=liked_ids,
        changeable_ids=_changeable(request, listing),
        policy_url=comment_settings().policy_url,
        require_sign_in=comment_settings().require_sign_in,
    )


def _replying_to(
    listing: caching.ThreadListing, parent_id: int | None
) -> caching.ShownComment | None:
    for entry in listing.entries:
        if entry.pk == parent_id and entry.is_published:
            return entry
    return None


def _changeable(request: HttpRequest, listing: caching.ThreadListing) -> frozenset[int]:
    proof = proof_of(request)
    window = comment_settings().edit_window
    now = clock.now()
    return frozenset(
        entry.pk
        for entry in listing.entries
        if entry.is_published
        and policy.may_change(
            is_author=proof.owns_comment(entry.pk, entry.user_id),
            created_at=entry.created_at,
            now=now,
            window=window,
        )
    )
