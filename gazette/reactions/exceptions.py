"""What can stop a reader's vote, each with a message the reader can be shown."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class ReactionError(Exception):
    message: StrOrPromise = _("Your vote could not be recorded.")

    def __init__(self) -> None:
        super().__init__(str(self.message))


class UnknownChoice(ReactionError):  # noqa: N818 - named for the state, as our domain errors are
    """The answer sent is not one of the poll's reactions."""

    message = _("That answer is not one of this poll's choices. Please choose again.")


class PollUnavailable(ReactionError):  # noqa: N818
    """No reaction set is configured, so there is nothing to vote on."""

    message = _("Reader reactions are not available on this page.")
