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

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware

_SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
REASON_CROSS_SITE = "Sec-Fetch-Site says the request comes from another site."
REASON_BAD_ORIGIN = "Origin is not this site."


class OriginCheckMiddleware(CsrfViewMiddleware):
    """Decides by Sec-Fetch-Site or Origin when the browser sends them; otherwise leaves the
    request to CsrfViewMiddleware, which must come right after it in MIDDLEWARE.

    It borrows CsrfViewMiddleware's origin matching and failure view, and nothing else: the
    token cookie is still set and checked by Django's middleware itself.
    """

    def process_request(self, request: HttpRequest) -> None:
        return None

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        return response

    def process_view(
        self,
        request: HttpRequest,
        callback: Callable[..., Any],
        callback_args: tuple[Any, ...],
        callback_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if getattr(callback, "csrf_exempt", False) or request.method in _SAFE_METHODS:
            return None
        verdict = self._verdict(request)
        if verdict is None:
            return None
        if verdict:
            request.csrf_processing_done = True  # type: ignore[attr-defined]  # Django's flag
            return None
        reason = REASON_CROSS_SITE if "HTTP_SEC_FETCH_SITE" in request.META else REASON_BAD_ORIGIN
        response: HttpResponseBase = self._reject(request, reason)
        return response

    def _verdict(self, request: HttpRequest) -> bool | None:
        """True (same origin), False (another site), or None (no header says: use the token)."""
        fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
        has_origin = "HTTP_ORIGIN" in request.META
        origin_ok = has_origin and bool(self._origin_verified(request))
        if fetch_site == "same-origin":
            # A page of ours; an Origin, when sent too, must agree.
            return origin_ok or not has_origin
        if fetch_site in ("same-site", "cross-site"):
            return has_origin and request.META["HTTP_ORIGIN"] in self.allowed_origins_exact
        if has_origin:
            return origin_ok
        return None
