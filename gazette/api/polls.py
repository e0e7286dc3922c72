"""The poll of a thread's page ("Do you like this article?"): read it, vote, withdraw. The
poll is keyed like the thread (its site and key), opened by the first vote."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from gazette.accounts.readers import Reader
from gazette.api import caching, present
from gazette.api.identity import check_thread_origin, known_reader, required_reader
from gazette.api.problems import ProblemOut
from gazette.api.schemas import PollOut, VoteIn
from gazette.api.threads import public_thread
from gazette.challenges.limits import limit_action
from gazette.comments.models import Thread
from gazette.reactions import queries, services
from gazette.reactions.exceptions import PollUnavailable

router = Router(tags=["polls"])

POLL_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 413, 422, 429, 503), ProblemOut)


def _poll_of(thread: Thread, reader: Reader) -> dict[str, Any]:
    poll = queries.poll_at(present.poll_target(thread), reader)
    if poll is None:
        raise PollUnavailable
    return present.poll_data(poll)


# Nobody yet: a caller without a token has no vote to be shown.
_NOBODY = Reader(key="")


@router.get("/threads/{thread_id}/poll", response={200: PollOut, **POLL_ERRORS})
def poll(request: HttpRequest, response: HttpResponse, thread_id: int) -> Any:
    """The poll of the thread's page as the calling reader sees it (their vote, and the
    counts once they may see them). Votes move it at any moment, so no cache keeps it."""
    thread = public_thread(thread_id)
    check_thread_origin(request, thread)
    caching.never_kept(response)
    return _poll_of(thread, known_reader(request) or _NOBODY)


@router.put("/threads/{thread_id}/poll", response={200: PollOut, **POLL_ERRORS})
def vote(request: HttpRequest, response: HttpResponse, thread_id: int, payload: VoteIn) -> Any:
    """Answer the poll, or change one's answer (the poll opens with the first vote)."""
    thread = public_thread(thread_id)
    check_thread_origin(request, thread)
    reader = required_reader(request)
    limit_action("vote", reader)
    services.cast_reaction(target=present.poll_target(thread), reader=reader, choice=payload.choice)
    caching.never_kept(response)
    return _poll_of(thread, reader)


@router.delete("/threads/{thread_id}/poll", response={200: PollOut, **POLL_ERRORS})
def withdraw(request: HttpRequest, response: HttpResponse, thread_id: int) -> Any:
    """Withdraw one's answer (nothing changes without one)."""
    thread = public_thread(thread_id)
    check_thread_origin(request, thread)
    reader = required_reader(request)
    limit_action("vote", reader)
    services.withdraw_reaction(target=present.poll_target(thread), reader=reader)
    caching.never_kept(response)
    return _poll_of(thread, reader)
