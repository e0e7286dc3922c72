"""When the database cannot take a write in time (SQLite's write lock held too long, a lock
timeout on PostgreSQL), the reader is told to try again, with 503 and Retry-After, before the
server's own timeout would drop the connection. The write's transaction has been rolled back:
nothing is half-saved."""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gazette.core.http import wants_json

RETRY_AFTER_SECONDS = 10
# What SQLite and PostgreSQL say when a lock could not be had in time.
_BUSY_SIGNS = ("database is locked", "lock timeout", "canceling statement due to lock timeout")


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and any(
        sign in str(exc).lower() for sign in _BUSY_SIGNS
    )


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        message = _(
            "The site is very busy and could not save this just now; nothing was saved. "
            "Please try again in a few seconds."
        )
        response: HttpResponse
        if wants_json(request):
            response = JsonResponse({"error": message}, status=503)
        else:
            response = render(request, "busy.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
