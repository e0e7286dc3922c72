"""Which comments this browser wrote: the account when signed in, else a signed cookie.

The cookie lists the IDs of the comments posted from this browser within the edit window; its
signature means it cannot be forged, and it expires when the window does.
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponseBase

from gazette.comments.conf import comment_settings
from gazette.comments.models import Comment
from gazette.comments.services.changes import AuthorProof

AUTHOR_COOKIE = "gz_comments"
_SALT = "gazette.comments.authorship"
_KEPT = 30


def _cookie_ids(request: HttpRequest) -> list[int]:
    window = int(comment_settings().edit_window.total_seconds())
    raw = request.get_signed_cookie(AUTHOR_COOKIE, default="", salt=_SALT, max_age=window) or ""
    return [int(part) for part in raw.split(".") if part.isdigit()]


def proof_of(request: HttpRequest) -> AuthorProof:
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    return AuthorProof(user_id=user_id, comment_ids=frozenset(_cookie_ids(request)))


def remember_authorship(response: HttpResponseBase, request: HttpRequest, comment: Comment) -> None:
    """Let an anonymous author change their new comment for the edit window."""
    if comment.user_id is not None:
        return
    ids = [pk for pk in _cookie_ids(request) if pk != comment.pk][-(_KEPT - 1) :]
    ids.append(comment.pk)
    response.set_signed_cookie(
        AUTHOR_COOKIE,
        ".".join(str(pk) for pk in ids),
        salt=_SALT,
        max_age=int(comment_settings().edit_window.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


# A page of another site cannot keep our cookie: the API gives the author of a new comment a
# signed token for it instead, sent back in a header to edit or delete it. It expires with the
# edit window, as the cookie does.
_SIGNED_ID_SALT = "gazette.comments.author-token"


def author_token(comment: Comment) -> str:
    return signing.dumps(comment.pk, salt=_SIGNED_ID_SALT)


def proof_from_tokens(tokens: list[str]) -> AuthorProof:
    """The comments these tokens prove authorship of (forged or expired ones prove nothing)."""
    window = int(comment_settings().edit_window.total_seconds())
    ids: set[int] = set()
    for token in tokens:
        try:
            value = signing.loads(token, salt=_SIGNED_ID_SALT, max_age=window)
        except signing.BadSignature:
            continue
        if isinstance(value, int):
            ids.add(value)
    return AuthorProof(comment_ids=frozenset(ids))
