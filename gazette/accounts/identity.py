"""A reader's identity exists before their first vote or like.

Votes and likes are counted once per reader (`Reader.key`). A browser without our reader cookie
cannot be told apart from another one, so ten of its first clicks sent at once would each get a
new ID and count ten times. Such a write is therefore never taken: the browser is given its
cookie first, and the write is made by the request that carries it.

- The page's scripts ask `GET /reader/` (no write, nothing but the cookie) once, before their
  first write, and every click waits for that one answer: one cookie, whatever the clicks.
- A plain form post (no JavaScript) without the cookie is answered with the cookie and a 307
  to the same address, which the browser sends again, body and all, now with the cookie.
- A script's request without the cookie (JSON), or a repeat of that 307 that still brings no
  cookie (cookies refused), is refused with 403 and a sentence saying what to do.

Pages kept for every reader stay the same bytes: nothing here is in them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.http.response import HttpResponseRedirectBase
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from gazette.accounts.readers import Reader, reader_of, remember_reader
from gazette.core.http import wants_json

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# Marks the repeat of a post we redirected: a second answer without the cookie ends there.
RETRY_PARAM = "reader"
FORBIDDEN = 403


class _PreserveMethodRedirect(HttpResponseRedirectBase):
    """Sent again by the browser with the same method and body (unlike a 302)."""

    status_code = 307


def known_reader_required(view: View) -> View:
    """Run a write counted per reader only for a reader whose identity came before it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        reader = reader_of(request)
        if not reader.is_new:
            return view(request, *args, **kwargs)
        return _identity_first(request, reader)

    return cast(View, wrapped)


def _identity_first(request: HttpRequest, reader: Reader) -> HttpResponseBase:
    response: HttpResponseBase
    if wants_json(request) or request.GET.get(RETRY_PARAM):
        message = _(
            "Your browser did not send the cookie that tells your votes apart from other "
            "readers'. Please allow cookies for this site and try again."
        )
        if wants_json(request):
            response = JsonResponse({"error": message}, status=FORBIDDEN)
        else:
            response = HttpResponse(message, status=FORBIDDEN, content_type="text/plain")
    else:
        separator = "&" if request.GET else "?"
        response = _PreserveMethodRedirect(f"{request.get_full_path()}{separator}{RETRY_PARAM}=1")
    remember_reader(response, reader, secure=request.is_secure())
    return response


@never_cache
@require_safe
def identify_reader(request: HttpRequest) -> HttpResponse:
    """The reader's cookie, for a page's script to ask once before its first write."""
    response = HttpResponse(status=204)
    remember_reader(response, reader_of(request), secure=request.is_secure())
    return response
