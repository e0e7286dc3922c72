"""Who is reading: an account when signed in, otherwise a random ID in a signed first-party cookie.

The ID carries no personal data and is used only to keep one vote or like per reader. A cookie
that fails its signature check is ignored and the reader is treated as new.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponseBase

from gazette.core.network import request_ip_hash

READER_COOKIE = "gz_reader"
_COOKIE_SALT = "gazette.accounts.reader"
_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
_REQUEST_ATTRIBUTE = "_gazette_reader"


@dataclass(frozen=True)
class Reader:
    user_id: int | None
    anonymous_id: str
    ip_hash: str
    is_new: bool

    @property
    def is_signed_in(self) -> bool:
        return self.user_id is not None


def reader_of(request: HttpRequest) -> Reader:
    """The reader making this request (computed once per request)."""
    cached: Reader | None = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    anonymous_id = request.get_signed_cookie(READER_COOKIE, default="", salt=_COOKIE_SALT) or ""
    is_new = not anonymous_id
    if is_new:
        anonymous_id = secrets.token_urlsafe(16)
    user = getattr(request, "user", None)
    reader = Reader(
        user_id=user.pk if user is not None and user.is_authenticated else None,
        anonymous_id=anonymous_id,
        ip_hash=request_ip_hash(request),
        is_new=is_new,
    )
    setattr(request, _REQUEST_ATTRIBUTE, reader)
    return reader


def remember_reader(response: HttpResponseBase, reader: Reader, *, secure: bool) -> None:
    """Give a new anonymous reader their cookie, so the next request is recognised."""
    if reader.is_new:
        response.set_signed_cookie(
            READER_COOKIE,
            reader.anonymous_id,
            salt=_COOKIE_SALT,
            max_age=_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )
