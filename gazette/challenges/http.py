"""The one way to answer a request that went over a rate limit: HTTP 429 with Retry-After (503
when the limits cannot be counted at all)."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from gazette.challenges.ratelimit import RateLimited
from gazette.core.http import wants_json

_ERROR_CODES = {429: "rate_limited", 503: "temporarily_unavailable"}


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
            {
                "error": _ERROR_CODES[exc.status],
                "message": exc.message,
                "retry_after": exc.retry_after,
            },
            status=exc.status,
        )
    else:
        response = render(
            request,
            template_name,
            {
                **(context or {}),
                "message": exc.message,
                "retry_after": exc.retry_after,
                "unavailable": exc.status == HTTPStatus.SERVICE_UNAVAILABLE,
            },
            status=exc.status,
        )
    response["Retry-After"] = str(exc.retry_after)
    add_never_cache_headers(response)
    return response
