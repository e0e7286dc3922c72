"""A reader's identity for the API: a signed token the caller keeps and sends back in
X-Gazette-Reader (the widget's stand-in for our cookie, which another site's page cannot
count on)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from gazette.accounts.readers import new_anonymous_reader, reader_token
from gazette.api import caching
from gazette.api.identity import known_reader, token_for_call
from gazette.api.schemas import ReaderOut
from gazette.core.network import request_ip_hash

router = Router(tags=["readers"])


@router.post("/readers", response={200: ReaderOut, 201: ReaderOut})
def new_reader(request: HttpRequest, response: HttpResponse) -> Any:
    """A token for a new anonymous reader (201), or the caller's own back (200): ask once,
    before the first vote or like, and keep it. Nothing is written."""
    caching.never_kept(response)
    reader = known_reader(request)
    if reader is not None:
        return Status(200, {"reader_token": token_for_call(request, reader)})
    fresh = new_anonymous_reader(ip_hash=request_ip_hash(request))
    return Status(201, {"reader_token": reader_token(fresh)})
