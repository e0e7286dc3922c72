"""Who is reading: the one value every rule that counts or remembers a reader is given.

A reader has one key, in one format, used by votes, likes, rate limits, screening's memory and
duplicate checks alike:

- ``user:<id>`` for a signed-in account;
- ``anon:<id>`` for anyone else, the random ID in our signed first-party cookie.

A reader calling the JSON API from a page of another site, where our cookie is refused,
carries the same kind of random ID in a token signed by us (``reader_token``), so its key is
``anon:<id>`` too; one signed in through a host site (single sign-on) carries a token naming
the account linked to it, so its key is ``user:<id>`` and sanctions, trust and notices follow
the account as they do on our pages. No rule needs to know how the reader was recognised.
The ID carries no personal data. A cookie or token that fails its signature check is ignored
and the reader is treated as new.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase

from gazette.accounts.models import User
from gazette.core.network import request_ip_hash

READER_COOKIE = "gz_reader"
_COOKIE_SALT = "gazette.accounts.reader"
_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
_REQUEST_ATTRIBUTE = "_gazette_reader"
USER_PREFIX = "user:"
ANONYMOUS_PREFIX = "anon:"


@dataclass(frozen=True)
class Reader:
    key: str
    ip_hash: str = ""
    user: User | None = None
    # True until the reader's cookie has been set: the response must carry it.
    is_new: bool = False

    @classmethod
    def signed_in(cls, user: User, *, ip_hash: str = "") -> Reader:
        return cls(key=f"{USER_PREFIX}{user.pk}", ip_hash=ip_hash, user=user)

    @classmethod
    def anonymous(cls, anonymous_id: str, *, ip_hash: str = "", is_new: bool = False) -> Reader:
        return cls(key=f"{ANONYMOUS_PREFIX}{anonymous_id}", ip_hash=ip_hash, is_new=is_new)

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    @property
    def is_signed_in(self) -> bool:
        return self.user is not None

    @property
    def anonymous_id(self) -> str:
        """The cookie ID of a reader who is not signed in ("" for an account)."""
        return self.key.removeprefix(ANONYMOUS_PREFIX) if self.user is None else ""


def reader_of(request: HttpRequest) -> Reader:
    """The reader making this request (computed once per request)."""
    cached: Reader | None = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    ip_hash = request_ip_hash(request)
    user = getattr(request, "user", None)
    reader: Reader
    if isinstance(user, User) and user.is_authenticated:
        reader = Reader.signed_in(user, ip_hash=ip_hash)
    else:
        anonymous_id = cookie_id(request)
        reader = Reader.anonymous(
            anonymous_id or secrets.token_urlsafe(16), ip_hash=ip_hash, is_new=not anonymous_id
        )
    setattr(request, _REQUEST_ATTRIBUTE, reader)
    return reader


def cookie_id(request: HttpRequest) -> str:
    """The reader ID in this browser's cookie, or "" when it has none (or a forged one)."""
    return request.get_signed_cookie(READER_COOKIE, default="", salt=_COOKIE_SALT) or ""


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


# ---------------------------------------------------------------- readers of the API
# A page of another site cannot count on our cookie (browsers block third-party cookies), so a
# reader calling the API carries the same random ID in a token signed by us, kept by the page
# and sent in a header. The key is the same `anon:<id>` as the cookie's: every rule applies.
_SIGNED_ID_SALT = "gazette.accounts.reader-token"


_ACCOUNT_SALT = "gazette.accounts.account-token"


def reader_token(reader: Reader) -> str:
    """The signed token that names the reader in later calls: an anonymous reader's ID, or for
    an account (signed in through a host site) the account, valid for a limited time."""
    if reader.user is not None:
        return signing.TimestampSigner(salt=_ACCOUNT_SALT).sign_object({"user": reader.user.pk})
    return signing.Signer(salt=_SIGNED_ID_SALT).sign_object(reader.anonymous_id)


def reader_from_token(token: str, *, ip_hash: str) -> Reader | None:
    """The reader a token names, or None when it is absent, forged, outdated or not ours."""
    if not token:
        return None
    try:
        anonymous_id = signing.Signer(salt=_SIGNED_ID_SALT).unsign_object(token)
    except signing.BadSignature:
        return _account_reader(token, ip_hash=ip_hash)
    if not isinstance(anonymous_id, str) or not anonymous_id:
        return None
    return Reader.anonymous(anonymous_id, ip_hash=ip_hash)


def _account_reader(token: str, *, ip_hash: str) -> Reader | None:
    max_age = settings.GAZETTE_SSO_READER_HOURS * 3600
    try:
        named = signing.TimestampSigner(salt=_ACCOUNT_SALT).unsign_object(token, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    user_id = named.get("user") if isinstance(named, dict) else None
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    return Reader.signed_in(user, ip_hash=ip_hash) if user is not None else None


def new_anonymous_reader(*, ip_hash: str) -> Reader:
    """A reader seen for the first time, with a fresh random ID."""
    return Reader.anonymous(secrets.token_urlsafe(16), ip_hash=ip_hash, is_new=True)
