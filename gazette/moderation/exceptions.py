"""Why a moderation action was refused, in words the person acting understands.

Named for the state they report (AppealAlreadyFiled), as the house style asks, hence N818 is off.
"""

# ruff: noqa: N818

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gazette.core.exceptions import DomainError


class ModerationError(DomainError):
    """A refused moderation action; `message` is shown to whoever tried it."""


class PolicyVersionPublished(ModerationError):
    default_message = _("A published version of the Comment Policy cannot be changed.")


class PolicyVersionEmpty(ModerationError):
    default_message = _("A version of the Comment Policy needs at least one clause.")


class ClauseRequired(ModerationError):
    default_message = _("Cite the clause of the Comment Policy that the comment breaks.")


class TransitionNotAllowed(ModerationError):
    default_message = _("The comment is no longer in a state where this can be done.")


class AlreadyReported(ModerationError):
    default_message = _("You have already reported this comment.")


class ReportingSuspended(ModerationError):
    default_message = _("You cannot report comments for a while.")


class AppealAlreadyFiled(ModerationError):
    default_message = _(
        "This decision has already been appealed. Each decision can be appealed once."
    )


class AppealNotAllowed(ModerationError):
    default_message = _("This decision cannot be appealed.")


class AppealClosed(ModerationError):
    default_message = _("The time for appealing this decision has passed.")


class OwnDecision(ModerationError):
    default_message = _("You cannot decide an appeal against your own decision.")


class AppealAlreadyDecided(ModerationError):
    default_message = _("This appeal has already been decided.")


class PermissionRequired(ModerationError):
    default_message = _("Your role does not allow this action.")


class SanctionInvalid(ModerationError):
    default_message = _("This sanction is incomplete.")
