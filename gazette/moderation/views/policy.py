"""The Comment Policy pages: the version in force at a stable address, with the account of how
moderation works and the versions before it; each version at a permanent address of its own
whose page never changes once published; and the JSON twin of both."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import queries
from gazette.moderation.machinery import machinery
from gazette.moderation.models import PolicyVersion
from gazette.moderation.policy_document import policy_document
from gazette.moderation.silent_actions import SILENT_ACTIONS

# How long the page in force says what its last change was.
ANNOUNCED_FOR = timedelta(days=60)
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "comment-policy.schema.json"


@require_safe
def policy_current(request: HttpRequest) -> HttpResponse:
    policy = queries.current_policy()
    if policy is None:
        raise Http404
    published_at = policy.published_at
    recently_changed = (
        policy.number > 1
        and published_at is not None
        and clock.now() - published_at < ANNOUNCED_FOR
    )
    context = {
        "policy": policy,
        "machinery": machinery(policy),
        "history": queries.policy_history(),
        "recently_changed": recently_changed,
        "announcements": queries.policy_announcements(
            request.user, since=clock.now() - ANNOUNCED_FOR
        ),
        "silent_actions": SILENT_ACTIONS,
    }
    return _with_alternate(render(request, "moderation/policy.html", context), policy, current=True)


@require_safe
def policy_version(request: HttpRequest, number: int) -> HttpResponse:
    """One version exactly as published: nothing on it depends on later versions or today's
    configuration, so its bytes never change (the newest version is named in a Link header)."""
    policy = queries.published_policy(number)
    if policy is None and request.user.has_perm("moderation.view_policyversion"):
        policy = queries.any_policy(number)
    if policy is None:
        raise Http404
    response = render(request, "moderation/policy_version.html", {"policy": policy})
    if not policy.is_published:
        response["X-Robots-Tag"] = "noindex"
        return response
    response["Link"] = f'<{reverse("moderation:policy")}>; rel="latest-version"'
    return _with_alternate(response, policy, current=False)


def _with_alternate(
    response: HttpResponse, policy: PolicyVersion, *, current: bool
) -> HttpResponse:
    json_url = _json_url(policy, current=current)
    link = f'<{json_url}>; rel="alternate"; type="application/json"'
    response["Link"] = f"{response['Link']}, {link}" if response.has_header("Link") else link
    return response


def _json_url(policy: PolicyVersion, *, current: bool) -> str:
    if current:
        return reverse("moderation:policy_json")
    return reverse("moderation:policy_version_json", kwargs={"number": policy.number})


@require_safe
def policy_current_json(request: HttpRequest) -> JsonResponse:
    policy = queries.current_policy()
    if policy is None:
        raise Http404
    return _json(policy)


@require_safe
def policy_version_json(request: HttpRequest, number: int) -> JsonResponse:
    policy = queries.published_policy(number)
    if policy is None:
        raise Http404
    return _json(policy)


@require_safe
def policy_schema(request: HttpRequest) -> HttpResponse:
    """The JSON Schema the policy's JSON follows."""
    return HttpResponse(SCHEMA.read_bytes(), content_type="application/schema+json")


def _json(policy: PolicyVersion) -> JsonResponse:
    language = get_language() or settings.LANGUAGE_CODE
    document = policy_document(policy, language, machinery(policy), queries.policy_history())
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    page = absolute_url(policy.get_absolute_url())
    schema = reverse("moderation:policy_schema")
    response["Link"] = f'<{page}>; rel="alternate"; type="text/html", <{schema}>; rel="describedby"'

    return response
