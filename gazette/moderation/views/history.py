"""A signed-in reader's moderation history: every notice sent to them, their sanctions and
appeals, with the way to appeal. Reachable while suspended or banned (a sanction stops
commenting, never reading or appealing)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gazette.accounts.models import User
from gazette.moderation import queries


@require_safe
@login_required
def my_history(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):  # pragma: no cover - login_required came first
        raise Http404
    context = {"history": queries.moderation_history(user)}
    response = render(request, "moderation/history.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
