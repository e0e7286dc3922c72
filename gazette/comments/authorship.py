"""Which comments this browser wrote: the account when signed in, else a signed cookie.

The cookie lists the IDs of the comments posted from this browser within the edit window; its
signature means it cannot be forged, and it expires when the window does.
"""

from __future__ import annotations

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
