"""The Comment Policy pages: the version in force at a stable address, earlier ones at theirs."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gazette.moderation import queries
from gazette.moderation.models import PolicyVersion


@require_safe
def policy_current(request: HttpRequest) -> HttpResponse:
    policy = queries.current_policy()
    if policy is None:
        raise Http404
    return _render_policy(request, policy, current=policy)


@require_safe
def policy_version(request: HttpRequest, number: int) -> HttpResponse:
    policy = queries.published_policy(number)
    if policy is None and request.user.has_perm("moderation.view_policyversion"):
        policy = queries.any_policy(number)
    if policy is None:
        raise Http404
    return _render_policy(request, policy, current=queries.current_policy())


def _render_policy(
    request: HttpRequest, policy: PolicyVersion, *, current: PolicyVersion | None
) -> HttpResponse:
    context = {
        "policy": policy,
        "current": current,
        "is_current": current is not None and current.pk == policy.pk,
        "history": queries.policy_history(),
    }
    response = render(request, "moderation/policy.html", context)
    if not policy.is_published:
        response["X-Robots-Tag"] = "noindex"
    return response
