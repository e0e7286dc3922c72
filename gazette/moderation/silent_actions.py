"""The actions moderation takes without sending a notice afterwards. Each is a named exception
that the Comment Policy lists (its page and its JSON), so an action that goes out silently
without being listed here is a bug a test finds."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gazette.moderation.policy import REJECT, Action


@dataclass(frozen=True)
class SilentAction:
    key: str
    action: str  # a decision's action, or screening's refusal at posting ("reject")
    basis: str  # where the exception comes from
    description: Promise


SILENT_ACTIONS = (
    SilentAction(
        "refused_at_posting",
        REJECT,
        "DSA Art. 17(2): deceptive high-volume commercial content",
        _(
            "A comment that screening refuses as it is posted (blocked terms, which catch "
            "high-volume commercial spam among other things) is never published, so no notice "
            "follows: the author is told at once, on the form, that screening refused it and "
            "under which clause."
        ),
    ),
    SilentAction(
        "approved",
        Action.APPROVE,
        "DSA Art. 17(1): not a restriction",
        _(
            "Publishing a comment that was held restricts nobody: the author sees it appear, "
            "and was told of the hold when it began."
        ),
    ),
)


def exception_for(action: str) -> SilentAction | None:
    return next((item for item in SILENT_ACTIONS if item.action == action), None)
