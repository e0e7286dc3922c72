"""The poll's one endpoint: a vote or a withdrawal, from the plain form or from poll.js.

With `Accept: application/json` the answer is the poll's new state as JSON; otherwise the reader
is sent back to the poll (#poll) with a message. Refusals are 4xx with a message either way,
and record nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_stubs_ext import StrOrPromise

from gazette.accounts.identity import known_reader_required
from gazette.accounts.readers import Reader, reader_of
from gazette.articles import queries as articles
from gazette.articles.models import Article
from gazette.challenges.limits import limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.core.http import wants_json
from gazette.reactions import queries, services
from gazette.reactions.exceptions import PollUnavailable, ReactionError, UnknownChoice
from gazette.reactions.forms import VoteForm
from gazette.reactions.queries import PollView
from gazette.reactions.targets import PollTarget

BAD_REQUEST = 400
NOT_FOUND = 404


@never_cache
@require_POST
@known_reader_required
def vote_on_article(request: HttpRequest, article_id: int) -> HttpResponseBase:
    article = get_object_or_404(articles.public_articles().select_related("section"), pk=article_id)
    reader = reader_of(request)
    form = VoteForm(request.POST)
    if not form.is_valid():
        errors = form.non_field_errors()
        message = " ".join(str(error) for error in errors) if errors else UnknownChoice.message
        return _refusal(request, article, message, status=BAD_REQUEST)
    target = PollTarget.for_article(article)
    try:
        limit_action("vote", reader)
        if form.withdraws:
            withdrawn = services.withdraw_reaction(target=target, reader=reader)
            message = (
                gettext("Your vote has been withdrawn.")
                if withdrawn
                else gettext("You have no vote on this article to withdraw.")
            )
        else:
            services.cast_reaction(target=target, reader=reader, choice=form.cleaned_data["choice"])
            message = gettext("Thank you, your vote has been counted.")
    except RateLimited as exc:
        response = _refusal(request, article, exc.message, status=exc.status)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except PollUnavailable as exc:
        return _refusal(request, article, exc.message, status=NOT_FOUND)
    except ReactionError as exc:
        return _refusal(request, article, exc.message, status=BAD_REQUEST)
    return _recorded(request, article, reader, message)


def _recorded(
    request: HttpRequest, article: Article, reader: Reader, message: str
) -> HttpResponseBase:
    response: HttpResponseBase
    if wants_json(request):
        poll = queries.poll_for(article, reader)
        response = JsonResponse({"message": message, "poll": _poll_json(poll)})
    else:
        messages.success(request, message)
        response = redirect(article.get_absolute_url() + "#poll")
    return response


def _refusal(
    request: HttpRequest, article: Article, message: StrOrPromise, *, status: int
) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": str(message)}, status=status)
    context = {"article": article, "message": message}
    return render(request, "reactions/refused.html", context, status=status)


def _poll_json(poll: PollView | None) -> dict[str, object] | None:
    if poll is None:
        return None
    if not poll.show_counts:
        # As on the page: a reader who may not see the counts is not sent them.
        return {
            "show_counts": False,
            "summary": "",
            "choices": [{"code": choice.code, "chosen": choice.chosen} for choice in poll.choices],
        }
    return {
        "show_counts": True,
        "total": poll.total,
        "total_text": poll.total_text,
        "summary": poll.summary,
        "choices": [
            {
                "code": choice.code,
                "chosen": choice.chosen,
                "count": choice.count,
                "count_text": choice.count_text,
                "percent": choice.percent,
            }
            for choice in poll.choices
        ],
    }
