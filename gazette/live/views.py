"""The stream's address under WSGI: no stream there, and a browser is told not to retry."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def no_stream(request: HttpRequest) -> HttpResponse:
    # 204 is the one answer after which EventSource stops reconnecting: the page stays as it
    # is, updated on reload, as it was before live updates.
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
