"""Who calls the API, from where: the reader token, the author's proof and the caller's origin.

No call is recognised by a cookie of ours: a page of another site cannot count on them
(browsers block third-party cookies), and a call that carries no cookie needs no CSRF token.
A reader is named by the signed token in `X-Gazette-Reader`; the author of a comment proves it
with the token returned when it was posted, in `X-Gazette-Author`. docs/embedding.md says why.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _

from gazette.accounts.readers import (
    Reader,
    new_anonymous_reader,
    reader_from_token,
    reader_token,
)
from gazette.api.problems import Problem
from gazette.comments.authorship import proof_from_tokens
from gazette.comments.models import Thread
from gazette.comments.services import AuthorProof
from gazette.core.http import base_url
from gazette.core.network import request_ip_hash
from gazette.sites.models import Site
from gazette.sites.queries import check_origin, site_by_key

READER_HEADER = "X-Gazette-Reader"
AUTHOR_HEADER = "X-Gazette-Author"
_REQUEST_ATTRIBUTE = "_gazette_api_reader"


def as_reader_of_call(request: HttpRequest, reader: Reader) -> None:
    """Forget any account a session cookie named: API calls are never recognised by cookies,
    so forms given this request treat its writer as the token's reader (an account only when
    the token names one, after single sign-on)."""
    request.user = reader.user if reader.user is not None else AnonymousUser()


def known_reader(request: HttpRequest) -> Reader | None:
    """The reader the call's token names, or None without a valid token."""
    return reader_from_token(_sent_token(request), ip_hash=request_ip_hash(request))


def _sent_token(request: HttpRequest) -> str:
    return request.headers.get(READER_HEADER, "").strip()


def token_for_call(request: HttpRequest, reader: Reader) -> str:
    """The token the caller keeps: the one it sent, when that names this reader (an account's
    token is not renewed here, so it lapses unless the host site signs the reader in again),
    or a new one."""
    sent = _sent_token(request)
    if sent and known_reader(request) == reader:
        return sent
    return reader_token(reader)


def reader_of_call(request: HttpRequest) -> Reader:
    """The token's reader, or a new one (whose token the answer then carries)."""
    cached: Reader | None = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is None:
        cached = known_reader(request) or new_anonymous_reader(ip_hash=request_ip_hash(request))
        setattr(request, _REQUEST_ATTRIBUTE, cached)
    return cached


def required_reader(request: HttpRequest) -> Reader:
    """The token's reader, for writes counted once per reader (votes, likes, reports): a
    caller without a token would be a new reader each time, so it must get one first."""
    reader = known_reader(request)
    if reader is None:
        raise Problem(
            401,
            "reader_token_required",
            _(
                "Send the reader token in the X-Gazette-Reader header; "
                "ask POST /api/v1/readers for one first."
            ),
        )
    setattr(request, _REQUEST_ATTRIBUTE, reader)
    return reader


def author_proof(request: HttpRequest) -> AuthorProof:
    """The comments the call proves it wrote: the tokens in X-Gazette-Author, comma-separated."""
    header = request.headers.get(AUTHOR_HEADER, "")
    return proof_from_tokens([part.strip() for part in header.split(",") if part.strip()])


def site_for_call(request: HttpRequest, key: str) -> Site:
    """The site named by `key`, refusing a browser call from an origin the site does not allow.

    Raises UnknownSite and OriginRefused.
    """
    site = site_by_key(key)
    check_origin(site, request.headers.get("Origin"), own_origin=base_url(request))
    return site


def check_thread_origin(request: HttpRequest, thread: Thread) -> None:
    """Refuse a browser call about a thread from an origin its site does not allow."""
    site_for_call(request, thread.site)
