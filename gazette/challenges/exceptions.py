"""Why a proof of humanity was not accepted, with a message a reader understands."""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class Reason(StrEnum):
    MISSING = "missing"
    MALFORMED = "malformed"
    INVALID = "invalid"
    EXPIRED = "expired"
    ELSEWHERE = "elsewhere"
    REPLAYED = "replayed"
    TOO_EASY = "too_easy"
    NO_JAVASCRIPT = "no_javascript"
    UNAVAILABLE = "unavailable"


MESSAGES: dict[Reason, StrOrPromise] = {
    Reason.MISSING: _(
        "Please complete the Captcha check: tick the box and wait a moment until it says "
        "it is verified."
    ),
    Reason.MALFORMED: _("The Captcha check could not be read. Please tick the box again."),
    Reason.INVALID: _("The Captcha check could not be verified. Please tick the box again."),
    Reason.EXPIRED: _("The Captcha check has expired. Please tick the box again."),
    Reason.ELSEWHERE: _(
        "This Captcha check was made for another form. Please tick the box again on this one."
    ),
    Reason.REPLAYED: _(
        "This Captcha check has already been used. Please tick the box again for a new one."
    ),
    Reason.TOO_EASY: _(
        "Because of unusual activity the Captcha check has become harder. "
        "Please tick the box again; it may take a few seconds."
    ),
    Reason.NO_JAVASCRIPT: _(
        "The Captcha check needs JavaScript, which is turned off in your browser. Please turn "
        "it on for this site and send the form again, or contact the newsroom if you cannot."
    ),
    Reason.UNAVAILABLE: _(
        "We could not check the Captcha just now. Please wait a minute and send the form again."
    ),
}


class ChallengeRejected(Exception):  # noqa: N818 - named for the state, as our domain errors are
    """A proof of work that does not count, and why."""

    def __init__(self, reason: Reason) -> None:
        self.reason = reason
        super().__init__(reason.value)

    @property
    def message(self) -> StrOrPromise:
        return MESSAGES[self.reason]
