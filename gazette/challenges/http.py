"""The one way to answer a request that went over a rate limit: HTTP 429 with Retry-After."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from gazette.challenges.ratelimit import RateLimited
from gazette.core.http import wants_json

TOO_MANY_REQUESTS = 429


def too_many_requests(
    request: HttpRequest,
    exc: RateLimited,
    *,
    template_name: str = "challenges/too_many_requests.html",
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """HTTP 429 with Retry-After and a message a person understands: JSON for clients that
    prefer it, otherwise a page. A form view passes its own template and context (with the
    message added to the form as an error) so the message appears in place, above the form the
    reader was filling in; `message` is in the context either way."""
    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {"error": "rate_limited", "message": exc.message, "retry_after": exc.retry_after},
            status=TOO_MANY_REQUESTS,
        )
    else:
        response = render(
            request,
            template_name,
            {**(context or {}), "message": exc.message, "retry_after": exc.retry_after},
            status=TOO_MANY_REQUESTS,
        )
    response["Retry-After"] = str(exc.retry_after)
    add_never_cache_headers(response)
    return response
