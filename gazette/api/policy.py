"""The Comment Policy as data (the version in force, and any published one), and a comment's
status as its author may read it with the signed token they were given when posting."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router

from gazette.api import caching
from gazette.api.problems import Problem, ProblemOut
from gazette.api.schemas import CommentStatusOut, PolicyDocument
from gazette.core.http import absolute_url
from gazette.moderation import links, queries
from gazette.moderation.machinery import machinery
from gazette.moderation.models import PolicyVersion
from gazette.moderation.policy_document import policy_document

router = Router(tags=["policy"])

# A published version never changes; the list of later versions it names does.
POLICY_SECONDS = 300


def _no_policy() -> Problem:
    return Problem(
        404, "policy_not_found", _("No such version of the Comment Policy is published.")
    )


def _document(request: HttpRequest, response: HttpResponse, policy: PolicyVersion) -> Any:
    history = queries.policy_history()
    etag = caching.etag_of("policy", policy.number, *(version.number for version in history))
    if caching.is_fresh(request, etag):
        return caching.not_modified(etag, personal=False)
    caching.mark(response, etag, personal=False, shared_seconds=POLICY_SECONDS)
    language = get_language() or settings.LANGUAGE_CODE
    return policy_document(policy, language, machinery(policy), history)


@router.get("/policy", response={200: PolicyDocument, 304: None, 404: ProblemOut, 422: ProblemOut})
def current_policy(request: HttpRequest, response: HttpResponse) -> Any:
    """The Comment Policy in force, in the caller's language (Accept-Language)."""
    policy = queries.current_policy()
    if policy is None:
        raise _no_policy()
    return _document(request, response, policy)


@router.get(
    "/policy/{number}", response={200: PolicyDocument, 304: None, 404: ProblemOut, 422: ProblemOut}
)
def policy_version(request: HttpRequest, response: HttpResponse, number: int) -> Any:
    """One published version of the Comment Policy."""
    policy = queries.published_policy(number)
    if policy is None:
        raise _no_policy()
    return _document(request, response, policy)


@router.get("/comment-status/{token}", response={200: CommentStatusOut, 404: ProblemOut})
def comment_status(request: HttpRequest, response: HttpResponse, token: str) -> Any:
    """A comment's state and the decisions on it, for whoever holds its author's status
    token (returned when it was posted). Never kept by a shared cache."""
    comment_id = links.comment_from_token(token)
    status = queries.comment_status(comment_id) if comment_id is not None else None
    if status is None:
        raise Problem(404, "status_not_found", _("This status link is not valid."))
    comment = status.comment
    caching.never_kept(response)
    return {
        "comment": comment.pk,
        "thread": comment.thread_id,
        "state": comment.state,
        "state_label": str(comment.get_state_display()),
        "posted_at": comment.created_at,
        "decisions": [
            {
                "action": decision.action,
                "clause": decision.clause.number if decision.clause is not None else None,
                "explanation": decision.explanation,
                "decided_at": decision.created_at,
                "automatic": decision.automatic,
            }
            for decision in status.decisions
        ],
        "appealable": status.appealable is not None,
        "appeal_deadline": status.appeal_deadline,
        "status_url": absolute_url(links.comment_status_path(comment.pk), request=request),
    }
