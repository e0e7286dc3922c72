"""The challenge endpoint the widget fetches: a fresh signed challenge, as hard as recent activity
from the reader's IP-hash (and site-wide) demands."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gazette.challenges import activity, proof
from gazette.challenges.conf import challenge_settings
from gazette.challenges.http import too_many_requests
from gazette.challenges.limits import Address, limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.core.network import request_ip_hash


@require_GET
def new_challenge(request: HttpRequest) -> HttpResponse:
    """A challenge for the form named by `?for=` (its scope, e.g. `comment:12`): a page kept
    for every reader says which form it holds, and the challenge is bound to it."""
    scope = request.GET.get("for", "")
    if not proof.is_scope(scope):
        message = _("This check does not say which form it is for. Please reload the page.")
        return JsonResponse({"error": message}, status=400)
    config = challenge_settings()
    ip_hash = request_ip_hash(request)
    try:
        limit_action("challenge", Address(ip_hash))
    except RateLimited as exc:
        return too_many_requests(request, exc)
    level = activity.required_level(ip_hash, config=config)
    challenge = proof.issue_challenge(
        max_number=config.max_number(level), scope=scope, config=config
    )
    response = JsonResponse(challenge)
    # Each challenge is for one reader and one use: no browser or shared cache may keep it.
    add_never_cache_headers(response)
    return response
