"""HTTP helpers shared by the apps: absolute links, content negotiation and short public caching
of reader pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import SimpleTemplateResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# The cookie in which django.contrib.messages keeps flash messages between requests.
_MESSAGES_COOKIE = "messages"


# Where links point when neither GAZETTE_BASE_URL nor a request says: the address `make run`
# serves on. Production refuses to start without GAZETTE_BASE_URL (core/checks.py).
LOCAL_BASE_URL = "http://127.0.0.1:8000"


def base_url(request: HttpRequest | None = None) -> str:
    """The site's scheme and host, without a trailing slash: GAZETTE_BASE_URL when set, else the
    request's, else the local default."""
    configured: str = settings.GAZETTE_BASE_URL
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return LOCAL_BASE_URL


def absolute_url(path: str, *, request: HttpRequest | None = None) -> str:
    """The full URL of a path on this site, for pages, e-mails, feeds and sitemaps alike.

    A configured base keeps canonical links stable whatever host a request came in on; an
    e-mail sent from a task, with no request, gets the same address a page would show.
    """
    if path.startswith(("http://", "https://", "//")):
        return path
    return base_url(request) + (path if path.startswith("/") else "/" + path)


def wants_json(request: HttpRequest) -> bool:
    """Whether the caller (our scripts, later the API) asked for JSON rather than a page."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or _MESSAGES_COOKIE in request.COOKIES
        or bool(response.cookies)
        # A CSRF token was rendered: the page holds a form tied to this browser.
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    )


def cache_publicly(max_age: int = 60) -> Callable[[View], View]:
    """Let browsers and shared caches keep a reader page for `max_age` seconds, with an ETag.

    Only for pages that are the same for every anonymous reader. A request that carries a
    session or messages cookie, or a response that sets a cookie or renders a CSRF token, is
    answered with `private, no-cache` instead, so nothing personal lands in a shared cache.
    A matching If-None-Match gets 304 Not Modified.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            if not isinstance(response, HttpResponse) or response.status_code != 200:  # noqa: PLR2004
                return response
            if isinstance(response, SimpleTemplateResponse):
                response.render()
            patch_vary_headers(response, ("Cookie",))
            if _is_personal(request, response):
                patch_cache_control(response, private=True, no_cache=True)
                return response
            patch_cache_control(response, public=True, max_age=max_age)
            set_response_etag(response)
            conditional: HttpResponseBase | None = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            return conditional or response

        return cast(View, wrapped)

    return decorator
