"""Cross-site request forgery protection that asks the browser where a request comes from.

Django's CsrfViewMiddleware proves that a form post comes from one of our pages with a token
that the page carries and a cookie that the browser sends back. Pages kept whole for every
reader (core/pages.py) cannot carry a per-reader token, so this middleware first reads the two
headers that browsers themselves set on every such request and that no page can forge:

- `Sec-Fetch-Site`: `same-origin` is accepted; `same-site` and `cross-site` are refused (a
  sibling subdomain is another site to us), unless the request's Origin is one of
  CSRF_TRUSTED_ORIGINS.
- `Origin`, when Sec-Fetch-Site is absent (browsers from before 2023): accepted when it is this
  site's own scheme and host or a trusted origin, refused otherwise (`null` included).

A request with neither header (no browser made it, or one too old to send Origin on a form
post) is left to Django's token check, unchanged. docs/security.md explains why this is as safe
as the token alone; tests/core/test_csrf.py makes the attacks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import get_callable
from django.utils.deprecation import MiddlewareMixin
from django.utils.log import log_response

logger = logging.getLogger("django.security.csrf")

_SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
REASON_CROSS_SITE = "Sec-Fetch-Site says the request comes from another site."
REASON_BAD_ORIGIN = "Origin is not this site."


def _own_origin(request: HttpRequest) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return f"{'https' if request.is_secure() else 'http'}://{host}"


def _trusted(origin: str) -> bool:
    return origin in settings.CSRF_TRUSTED_ORIGINS


def verdict(request: HttpRequest) -> bool | None:
    """True (sent by a page of this site), False (by another site), or None (no header says)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
    origin = request.META.get("HTTP_ORIGIN")
    if fetch_site in ("same-site", "cross-site"):
        return origin is not None and _trusted(origin)
    if origin is not None:
        # Sec-Fetch-Site "same-origin" must agree with Origin; without it, Origin decides.
        return origin == _own_origin(request) or _trusted(origin)
    if fetch_site == "same-origin":
        return True
    return None


class OriginCheckMiddleware(MiddlewareMixin):
    """Decides by Sec-Fetch-Site or Origin when the browser sends them; otherwise leaves the
    request to CsrfViewMiddleware, which must come right after it in MIDDLEWARE (and still sets
    and checks its token cookie as usual)."""

    def process_view(
        self,
        request: HttpRequest,
        callback: Callable[..., Any],
        callback_args: tuple[Any, ...],
        callback_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if getattr(callback, "csrf_exempt", False) or request.method in _SAFE_METHODS:
            return None
        decided = verdict(request)
        if decided is None:
            return None
        if decided:
            # CsrfViewMiddleware's own flag for "checked, accepted".
            request.csrf_processing_done = True  # type: ignore[attr-defined]
            return None
        reason = REASON_CROSS_SITE if "HTTP_SEC_FETCH_SITE" in request.META else REASON_BAD_ORIGIN
        failure = get_callable(settings.CSRF_FAILURE_VIEW)
        response: HttpResponse = failure(request, reason=reason)
        log_response(
            "Forbidden (%s): %s",
            reason,
            request.path,
            response=response,
            request=request,
            logger=logger,
        )
        return response
