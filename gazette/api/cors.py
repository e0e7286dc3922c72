"""Cross-origin calls to the API from the pages of registered sites, and from nowhere else.

A browser asks first (a preflight) before a call with our headers; the preflight does not say
which site it is for, so it is answered for an origin some registered site allows. The call
itself is then judged against its own site's origins by the operation (api/identity.py). No
credentials are allowed: the API recognises no cookie (readers send a token in a header).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from gazette.api.identity import AUTHOR_HEADER, READER_HEADER
from gazette.api.problems import problem_response
from gazette.sites.exceptions import OriginRefused, UnknownSite
from gazette.sites.policy import NotAnOrigin, canonical_origin
from gazette.sites.queries import any_site_allows, check_origin, site_by_key

PREFIX = "/api/v1/"
# The captcha's challenges, which the widget fetches from another site's page with a plain GET
# (no preflight): they get the same answer for the same origins.
CHALLENGES = "/challenges/new/"
ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE"
ALLOWED_HEADERS = f"Content-Type, If-None-Match, {READER_HEADER}, {AUTHOR_HEADER}"
EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_SECONDS = 600


class ApiCorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith((PREFIX, CHALLENGES)):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allowed = origin is not None and any_site_allows(origin)
        if (
            origin is not None
            and request.method == "OPTIONS"
            and "Access-Control-Request-Method" in request.headers
        ):
            return _preflight(origin, allowed=allowed)
        response = self.get_response(request)
        # Whether or not this call came from another origin: a front cache must not give the
        # answer to a same-origin call (without CORS headers) to a cross-origin one.
        patch_vary_headers(response, ("Origin",))
        if allowed and origin is not None:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response


def _preflight(origin: str, *, allowed: bool) -> HttpResponse:
    if not allowed:
        return problem_response(
            403, "origin_refused", _("Calls from this origin are not allowed for this site.")
        )
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = origin
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_SECONDS)
    patch_vary_headers(response, ("Origin",))
    return response


class StreamOrigins:
    """The live updates' rule for other sites' pages (live/origins.py): the API's own, so a
    widget may listen exactly where it may call."""

    def canonical(self, origin: str) -> str | None:
        try:
            return canonical_origin(origin)
        except NotAnOrigin:
            return None

    def allows(self, site_key: str, origin: str, *, own_origin: str) -> bool:
        try:
            check_origin(site_by_key(site_key), origin, own_origin=own_origin)
        except (UnknownSite, OriginRefused):
            return False
        return True
