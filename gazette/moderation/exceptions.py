"""Why a moderation action was refused, in words the person acting understands.

Named for the state they report (AppealAlreadyFiled), as the house style asks, hence N818 is off.
"""

# ruff: noqa: N818

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gazette.core.exceptions import DomainError


class ModerationError(DomainError):
    """A refused moderation action; `message` is shown to whoever tried it, with `status` as
    the HTTP status of the page that says so."""

    status = 400


class PolicyVersionPublished(ModerationError):
    default_message = _("A published version of the Comment Policy cannot be changed.")


class PolicyVersionEmpty(ModerationError):
    default_message = _("A version of the Comment Policy needs at least one clause.")


class ClauseRequired(ModerationError):
    default_message = _("Cite the clause of the Comment Policy that the comment breaks.")


class TransitionNotAllowed(ModerationError):
    # The comment changed under the moderator (another decided it first): a conflict.
    status = 409
    default_message = _("The comment is no longer in a state where this can be done.")


class AlreadyReported(ModerationError):
    default_message = _("You have already reported this comment.")


class ReportingSuspended(ModerationError):
    default_message = _("You cannot report comments for a while.")


class AppealAlreadyFiled(ModerationError):
    status = 409
    default_message = _(
        "This decision has already been appealed. Each decision can be appealed once."
    )


class AppealNotAllowed(ModerationError):
    default_message = _("This decision cannot be appealed.")


class AppealClosed(ModerationError):
    default_message = _("The time for appealing this decision has passed.")


class OwnDecision(ModerationError):
    status = 403
    default_message = _("You cannot decide an appeal against your own decision.")


class ReporterMayNotDecide(ModerationError):
    status = 403
    default_message = _("You reported this comment, so someone else must decide its appeal.")


class ReviewerLacksLanguage(ModerationError):
    status = 403
    default_message = _(
        "This appeal goes to a reviewer who reads the comment's language; "
        "add the language to your reviewer's languages if you read it."
    )


class ReasonsRequired(ModerationError):
    default_message = _("Give the reasons for the outcome, as the appellant will read them.")


class OutcomeNotAvailable(ModerationError):
    default_message = _("This outcome does not apply to this kind of appeal.")


class AppealRightSuspended(ModerationError):
    status = 403
    default_message = _("Your right to appeal is suspended for now.")


class AppealAlreadyDecided(ModerationError):
    default_message = _("This appeal has already been decided.")


class PermissionRequired(ModerationError):
    status = 403
    default_message = _("Your role does not allow this action.")


class SanctionInvalid(ModerationError):
    default_message = _("This sanction is incomplete.")


class ExplanationRequired(ModerationError):
    default_message = _(
        "Explain why this comment breaks the rule, in words about this comment: an empty "
        "explanation, or only the clause's title, is not enough."
    )


class LegalGroundRequired(ModerationError):
    default_message = _("Name the law (and its article) that makes this comment illegal.")


class ClauseNotInForce(ModerationError):
    default_message = _(
        "This clause was not in the Comment Policy when the comment was written: cite a clause "
        "of the version it was written under."
    )


class AuthorityRequestInvalid(ModerationError):
    default_message = _("This order from an authority is incomplete.")


class TransparencyDatabaseNotConfigured(ModerationError):
    default_message = _(
        "Submission to the Transparency Database is off: set GAZETTE_TDB_URL and "
        "GAZETTE_TDB_TOKEN to the API address and the token the database issued."
    )


class TransparencyDatabaseRefused(ModerationError):
    """The database refused the request as a whole (its token, or another 4xx answer)."""

    default_message = _("The Transparency Database refused the request.")


class TransparencyDatabaseUnavailable(ModerationError):
    default_message = _(
        "The Transparency Database did not take the statements after several tries; nothing "
        "more was sent. Run the command again later: what it accepted is not sent twice."
    )


class ItemClaimed(ModerationError):
    """Another moderator is looking at the item (their claim is in force)."""

    status = 409

    def __init__(self, *, name: str, since: str) -> None:
        super().__init__(
            _(
                "%(name)s has been looking at this item since %(since)s. "
                "Take it over if you mean to decide it."
            )
            % {"name": name, "since": since}
        )
