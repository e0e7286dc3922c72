"""One decision on one comment as the desk's decision form states it: the action chosen, its
clause, the explanation the author reads and the moderators' note. The desk's page and the
staff API both decide through here, so the audit log and the notices are the same whichever
way a decision was made."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.moderation.policy import Ground
from gazette.moderation.services import decisions


def decide_from_desk(*, comment: Comment, actor: User, data: dict[str, Any]) -> str:
    """Carry out the decision in `data` (a valid DecisionForm's cleaned data) and return what
    the moderator is told. Raises what the decision's service raises (ModerationError)."""
    action = data["action"]
    clause = data.get("clause")
    note = data.get("note", "")
    explanation = data.get("explanation", "")
    if action == "dismiss":
        decisions.dismiss_reports(
            comment=comment,
            actor=actor,
            note=note,
            manifestly_unfounded=data.get("manifestly_unfounded", False),
        )
        return _("The reports were dismissed.")
    if action == "remove":
        grounds = decisions.Grounds(
            explanation=explanation,
            ground=data.get("ground") or Ground.INCOMPATIBLE,
            legal_ground=data.get("legal_ground", ""),
        )
        decisions.remove_comment(
            comment=comment, actor=actor, clause=clause, note=note, grounds=grounds
        )
        return _("The comment was removed; its author has been notified.")
    if action == "approve":
        decisions.approve_comment(comment=comment, actor=actor, note=note)
        return _("The comment is published.")
    if action == "hold":
        decisions.hold_comment(
            comment=comment, actor=actor, note=note, explanation=explanation, clause=clause
        )
        return _("The comment is held for review.")
    decisions.reinstate_comment(comment=comment, actor=actor, note=note)
    return _("The comment is published again.")
