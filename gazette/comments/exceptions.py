"""Why a comment action was refused, in words a reader understands.

Named for the state they report (CommentsClosed), as the house style asks, hence N818 is off.
"""
# ruff: noqa: N818

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gazette.core.exceptions import DomainError


class CommentError(DomainError):
    """A refused comment action; `message` is shown to the reader."""

    default_message: Promise = _("This comment could not be saved.")


class CommentsClosed(CommentError):
    default_message = _("This discussion is closed.")


class ParentNotFound(CommentError):
    default_message = _("The comment you are replying to does not exist in this discussion.")


class ParentNotPublished(CommentError):
    default_message = _("The comment you are replying to is no longer available.")


class CommentRejected(CommentError):
    default_message = _("This comment cannot be published under the Comment Policy.")


class EditWindowClosed(CommentError):
    default_message = _("The time for changing this comment has passed.")


class NotCommentAuthor(CommentError):
    default_message = _("Only the author of a comment can change it.")


class SignInRequired(CommentError):
    default_message = _("Please sign in to comment.")


class EmailNotVerified(CommentError):
    default_message = _(
        "Verify your account's e-mail address before asking for reply notifications."
    )


class EmailRequired(CommentError):
    default_message = _("Give an e-mail address to receive reply notifications.")
