"""The checks every comment text passes on its way in, new or edited."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from gazette.comments.conf import comment_settings
from gazette.comments.exceptions import CommentError

# Control characters (NUL above all, which PostgreSQL refuses to store) carry no meaning in a
# comment; tabs and line breaks stay.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def as_stored(body: str) -> str:
    """The text as it will be stored, if it passes the checks."""
    return _CONTROL_CHARACTERS.sub("", body).strip()


def checked_text(body: str) -> str:
    """The text as it will be stored; raises CommentError when empty or too long."""
    text = as_stored(body)
    limit = comment_settings().max_length
    if not text:
        raise CommentError(_("Write something before posting."))
    if len(text) > limit:
        raise CommentError(
            _("A comment may be at most %(limit)d characters long.") % {"limit": limit}
        )
    return text
