"""What a cache may keep of an answer: every read says it, with an ETag built from the
versions it shows, so a matching If-None-Match is answered 304 before anything is rendered.

Public reads say what the pages say (`public, max-age=0, s-maxage=5`): a front cache may hold
them for five seconds, browsers ask again each time. A read that names its reader (their likes,
their vote) is `private, no-cache`.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from gazette.api.identity import READER_HEADER


def etag_of(*parts: object) -> str:
    """A strong ETag for an answer made of these inputs and the language it is written in."""
    material = "\x1f".join([get_language() or "", *(str(part) for part in parts)])
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'


def is_fresh(request: HttpRequest, etag: str) -> bool:
    """Whether the caller holds this very answer already (If-None-Match)."""
    given = request.headers.get("If-None-Match", "")
    if not given:
        return False
    tags = parse_etags(given)
    return "*" in tags or etag in tags or f"W/{etag}" in tags


def not_modified(etag: str, *, personal: bool) -> HttpResponse:
    response = HttpResponse(status=304)
    del response["Content-Type"]  # no body to describe
    mark(response, etag, personal=personal)
    return response


def mark(response: HttpResponse, etag: str, *, personal: bool, shared_seconds: int = 0) -> None:
    """Set the answer's ETag and how long who may keep it."""
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Language", READER_HEADER))
    if personal:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        seconds = shared_seconds or settings.GAZETTE_SHARED_PAGE_SECONDS
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)


def never_kept(response: HttpResponse) -> None:
    """Writes and one-reader answers no cache may store."""
    patch_cache_control(response, no_store=True)
