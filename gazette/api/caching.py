"""What a cache may keep of an answer: every read says it, with an ETag built from the
versions it shows, so a matching If-None-Match is answered 304 before anything is rendered.

Public reads say what the pages say (`public, max-age=0, s-maxage=5`): a front cache may hold
them for five seconds, browsers ask again each time. A read that names its reader (their likes,
their vote) is `private, no-cache`.

Since an ETag names every input of its answer, each process also keeps the bytes of the public
answers it made under their ETag (`keeps_answers`): the next caller whose inputs give the same
ETag gets them without the thread being read or rendered again (`kept_answer`), gzipped when
it asks so. Nothing needs retiring: changed inputs make another ETag.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from gazette.api.identity import READER_HEADER
from gazette.core import fragments


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


# ---------------------------------------------------------------- kept public answers

_GZIP_MIN_BYTES = 200
_KEPT_ATTRIBUTE = "_gazette_kept_answer"


@dataclass(frozen=True)
class _KeptAnswer:
    body: bytes
    gzipped: bytes
    content_type: str


_answers: fragments.KeptInProcess[_KeptAnswer] = fragments.KeptInProcess(128)


def _answer_key(request: HttpRequest, etag: str) -> str:
    # The answers hold absolute addresses: the host and scheme are inputs too.
    return f"{request.scheme}://{request.get_host()} {etag}"


def _answer(request: HttpRequest, etag: str, kept: _KeptAnswer) -> HttpResponse:
    wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    compressed = wants_gzip and len(kept.body) >= _GZIP_MIN_BYTES
    response = HttpResponse(
        kept.gzipped if compressed else kept.body, content_type=kept.content_type
    )
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    mark(response, etag, personal=False)
    setattr(response, _KEPT_ATTRIBUTE, True)
    return response


def kept_answer(request: HttpRequest, etag: str) -> HttpResponse | None:
    """The public answer this process already made for exactly these inputs, if it has it."""
    kept = _answers.get(_answer_key(request, etag))
    return _answer(request, etag, kept) if kept is not None else None


def keeps_answers(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep the operation's public 200 answers under their ETag, for `kept_answer` (use with
    ninja's `decorate_view`)."""

    @wraps(run)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = run(request, *args, **kwargs)
        etag = response.get("ETag")
        public = "public" in response.get("Cache-Control", "")
        fresh = not getattr(response, _KEPT_ATTRIBUTE, False)
        if response.status_code != 200 or not etag or not public or not fresh:  # noqa: PLR2004
            return response
        kept = _KeptAnswer(
            response.content,
            gzip.compress(response.content, compresslevel=6, mtime=0),
            response["Content-Type"],
        )
        _answers.keep(_answer_key(request, etag), kept)
        return _answer(request, etag, kept)

    return wrapped


def forget_kept() -> None:
    """Drop this process's kept answers (between tests)."""
    _answers.clear()
