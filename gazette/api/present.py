"""Threads, comments and polls as the API shows them: what their page shows, nothing kept for
moderators (no address, no IP-hash, no reader key)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from ninja.responses import NinjaJSONEncoder

from gazette.api.schemas import CommentOut
from gazette.challenges import proof
from gazette.comments import queries
from gazette.comments.conf import comment_settings
from gazette.comments.forms import CommentForm
from gazette.comments.models import Comment, Thread
from gazette.core.http import absolute_url
from gazette.reactions.queries import PollView
from gazette.reactions.targets import PollTarget
from gazette.sites.models import Site


def challenge_target(thread: Thread) -> str:
    """What the captcha of a comment in this thread is bound to: an article's is the one its
    page's form uses (a solution fetched there is good here), another page's names the thread."""
    return str(thread.article_id) if thread.article_id is not None else f"thread-{thread.pk}"


def thread_data(thread: Thread, site: Site, request: HttpRequest) -> dict[str, Any]:
    closure = queries.closure_of(thread)
    challenge = (
        reverse("challenges:new")
        + "?"
        + urlencode({"for": proof.scope_of(CommentForm.challenge_action, challenge_target(thread))})
    )
    return {
        "id": thread.pk,
        "site": thread.site,
        "key": thread.key,
        "url": absolute_url(thread.page_url, request=request),
        "title": thread.title,
        "comment_count": thread.comment_count,
        "version": thread.version,
        "is_open": closure is None,
        "closed_message": closure.message if closure is not None else "",
        "policy_url": site.policy_url
        or absolute_url(comment_settings().policy_url, request=request),
        "challenge_url": absolute_url(challenge, request=request),
    }


def comment_data(
    comment: Comment, *, liked: frozenset[int] | None, more_replies: int = 0
) -> dict[str, Any]:
    shown = comment.state in (Comment.State.PUBLISHED, Comment.State.PENDING)
    return {
        "id": comment.pk,
        "parent": comment.parent_id,
        "in_reply_to": comment.in_reply_to_id,
        "in_reply_to_name": comment.in_reply_to_name,
        "depth": comment.depth,
        "state": comment.state,
        "author_name": comment.author_name if shown else "",
        "author_standing": comment.author_standing if shown else "",
        "body_html": comment.body_html if shown else "",
        "created_at": comment.created_at,
        "edited_at": comment.edited_at if shown else None,
        "like_count": comment.like_count if shown else 0,
        "liked": None if liked is None else comment.pk in liked,
        "more_replies": more_replies,
    }


def public_comment(comment: Comment) -> dict[str, Any]:
    """The comment exactly as the API sends it to a reader without a token, as JSON values:
    for the live updates, which carry it to every widget on its page (one query-free copy)."""
    shaped = CommentOut.model_validate(comment_data(comment, liked=None)).model_dump()
    published: dict[str, Any] = json.loads(json.dumps(shaped, cls=NinjaJSONEncoder))
    return published


def entries_data(
    entries: list[queries.Entry], *, liked: frozenset[int] | None
) -> list[dict[str, Any]]:
    """The entries of a thread page in reading order; the link to a root's other replies is
    its `more_replies` count."""
    more = {entry.comment.pk: entry.more_replies for entry in entries if not entry.is_comment}
    return [
        comment_data(entry.comment, liked=liked, more_replies=more.get(entry.comment.pk, 0))
        for entry in entries
        if entry.is_comment
    ]


def poll_target(thread: Thread) -> PollTarget:
    return PollTarget.for_page(site=thread.site, key=thread.key, article=thread.article)


def poll_data(poll: PollView) -> dict[str, Any]:
    """As on the page: a reader who may not see the counts is not sent them."""
    shown = poll.show_counts
    return {
        "question": poll.question,
        "is_open": poll.is_open,
        "show_counts": shown,
        "total": poll.total if shown else None,
        "choices": [
            {
                "code": choice.code,
                "label": choice.label,
                "symbol": choice.symbol,
                "chosen": choice.chosen,
                "count": choice.count if shown else None,
                "percent": choice.percent if shown else None,
            }
            for choice in poll.choices
        ],
    }
