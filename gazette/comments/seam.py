"""What the comments app asks of moderation, and the one place moderation plugs in.

Comments sit below moderation: they may not import it. Instead this module declares, as a typed
Protocol, everything posting needs from it (may this reader comment, what screening says, what
to record with a saved comment, the policy version in force, the author's status link), and
moderation hands its implementation over once, from its AppConfig.ready():

    seam.connect(CommentModeration())

Until then (moderation not installed) comments are published unless the human check asked for a
review. Screening fails closed: an implementation that raises or answers nonsense holds the
comment for review.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from gazette.accounts.readers import Reader
from gazette.challenges.forms import AbuseSignals

if TYPE_CHECKING:
    from gazette.comments.models import Comment, Thread

logger = logging.getLogger(__name__)

Action = Literal["publish", "hold", "reject"]
PUBLISH: Action = "publish"
HOLD: Action = "hold"
REJECT: Action = "reject"


@dataclass(frozen=True)
class Submission:
    """A new comment, or a new text for one, as moderation sees it before anything is saved."""

    thread: Thread
    reader: Reader
    name: str
    text: str
    # The address the author gave, or their account's.
    email: str = ""
    human_check: AbuseSignals | None = None
    # The comment being edited; None for a new comment.
    edit_of: int | None = None
    # Sent after a nudge: "rephrased" or "as_written" (comments/nudges.py); "" otherwise.
    nudged: str = ""
    # The comment a new reply answers; None for a new thread or an edit.
    parent_id: int | None = None

    @property
    def is_edit(self) -> bool:
        return self.edit_of is not None

    @property
    def hold_for_review(self) -> bool:
        return self.human_check is not None and self.human_check.hold_for_review


@dataclass(frozen=True)
class Verdict:
    action: Action
    reasons: list[str] = field(default_factory=list)
    # What a refused author is told (e.g. under which clause); empty: the default message.
    message: str = ""
    # For a hold: what the author is told of why, and the Comment Policy clause it cites.
    explanation: str = ""
    clause_key: str = ""
    # The names of the rules behind the verdict, for moderation's own figures.
    rules: tuple[str, ...] = ()


class Moderation(Protocol):
    def refusal(self, submission: Submission) -> str | None:
        """Why this reader may not comment at all now (a sanction), or None. Asked before
        screening, and records nothing."""

    def screen(self, submission: Submission) -> Verdict:
        """Publish, hold or reject the text. Reads only: nothing is written here."""

    def record(self, submission: Submission, verdict: Verdict, comment: Comment | None) -> str:
        """Write what screening keeps (its audit entry, its memory of recent texts, the notice
        of a hold). Called inside the transaction that saves `comment` (a new one, or an edit),
        or, for a refusal, with None in a transaction of its own; never when nothing was
        decided. For a refusal, returns what to add to the refusal's message: where its writer
        may appeal it ("" otherwise)."""

    def name_refusal(self, name: str) -> str | None:
        """Why a reader who is not staff may not sign with this name (it poses as the
        newsroom or its staff, in any edition, however spelt), or None."""

    def nudge(self, text: str) -> list[str]:
        """The words for which screening would hold this text for abuse or a banned term,
        shown to the reader before posting; [] when there is nothing to say. Reads only."""

    def record_nudge(self, thread: Thread) -> None:
        """Count one nudge shown (in a transaction of its own)."""

    def policy_version(self) -> str:
        """The Comment Policy version in force, as a new comment records it."""

    def status_url(self, comment: Comment) -> str:
        """The author's private page about their new comment, or ""."""


class Unmoderated:
    """Comments without a moderation app: publish unless the human check asked for a review."""

    def refusal(self, submission: Submission) -> str | None:
        return None

    def screen(self, submission: Submission) -> Verdict:
        if submission.hold_for_review:
            return Verdict(HOLD, ["abuse signals"])
        return Verdict(PUBLISH)

    def record(self, submission: Submission, verdict: Verdict, comment: Comment | None) -> str:
        return ""

    def name_refusal(self, name: str) -> str | None:
        return None

    def nudge(self, text: str) -> list[str]:
        return []

    def record_nudge(self, thread: Thread) -> None:
        return None

    def policy_version(self) -> str:
        return ""

    def status_url(self, comment: Comment) -> str:
        return ""


_connected: list[Moderation] = [Unmoderated()]


def connect(moderation: Moderation) -> None:
    """Hand posting over to `moderation` (done once, by the moderation app)."""
    _connected[0] = moderation


def moderation() -> Moderation:
    return _connected[0]


def screen(submission: Submission) -> Verdict:
    """What moderation says of a submission; a failure of its machinery holds the comment."""
    try:
        verdict = moderation().screen(submission)
    except Exception:
        logger.exception("Comment screening failed; holding the comment for review")
        return Verdict(HOLD, ["screening unavailable"])
    if not isinstance(verdict, Verdict) or verdict.action not in (PUBLISH, HOLD, REJECT):
        logger.error("Comment screening returned %r; holding the comment", verdict)
        return Verdict(HOLD, ["screening returned no verdict"])
    return verdict
