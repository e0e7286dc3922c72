"""Pure decisions of moderation, over plain values (no database access).

* What screening says, given what it found.
* Which moderation mode a discussion is under, and who skips pre-moderation.
* Which state changes a moderator's action may make: the allowed transitions table.
* Who may appeal what, and until when; who may decide an appeal.
* Whether a sanction is in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

PUBLISH = "publish"
HOLD = "hold"
REJECT = "reject"


# ---------------------------------------------------------------- screening


@dataclass(frozen=True)
class Finding:
    """One thing screening noticed. `action` is what it asks for: hold or reject."""

    code: str
    action: str
    message: str
    clause_key: str = ""
    detail: dict[str, object] = field(default_factory=dict)


def screening_action(findings: list[Finding]) -> str:
    """Reject if anything asks to reject, else hold if anything asks to hold, else publish. Only
    a rule class listed as precise enough (AUTO_REMOVE_RULES) may reject; any other asking to
    reject holds, so that a person decides."""
    actions = {
        HOLD
        if finding.action == REJECT and not may_remove_automatically(finding.code)
        else finding.action
        for finding in findings
    }
    if REJECT in actions:
        return REJECT
    if HOLD in actions:
        return HOLD
    return PUBLISH


def exceeds(value: float, threshold: float) -> bool:
    """A threshold of 0 turns its check off."""
    return threshold > 0 and value >= threshold


def is_burst(*, recent_count: int, limit: int, is_new_author: bool) -> bool:
    """A new author posting `limit` comments within the window (this one included)."""
    return is_new_author and limit > 0 and recent_count + 1 >= limit


# ---------------------------------------------------------------- moderation modes


class Mode(StrEnum):
    POST = "post"  # published at once, reviewed after (on reports, by the desk)
    PRE = "pre"  # held until a moderator approves it


class ModeSource(StrEnum):
    """Where the mode in force was set: the article overrides its section, which overrides the
    site-wide setting."""

    ARTICLE = "article"
    SECTION = "section"
    SITE = "site"


def mode_in_force(
    *, site: str | None, section: str | None, article: str | None
) -> tuple[Mode, ModeSource]:
    """The mode in force and where it was set. Each argument is a mode or None (not set); a
    value that is no known mode counts as pre-moderation, so a bad row never publishes."""
    for source, value in (
        (ModeSource.ARTICLE, article),
        (ModeSource.SECTION, section),
        (ModeSource.SITE, site),
    ):
        if value:
            try:
                return Mode(value), source
            except ValueError:
                return Mode.PRE, source
    return Mode.PRE, ModeSource.SITE


def moderation_mode(*, site: str | None, section: str | None, article: str | None) -> Mode:
    """Article override, else section override, else the site-wide mode."""
    return mode_in_force(site=site, section=section, article=article)[0]


def bypasses_premoderation(
    *, approved_count: int, trusted_threshold: int, ever_sanctioned: bool
) -> bool:
    """A trusted author: `trusted_threshold` published comments and never a sanction. A
    threshold of 0 trusts nobody."""
    return not ever_sanctioned and trusted_threshold > 0 and approved_count >= trusted_threshold


# ---------------------------------------------------------------- state machine


class State(StrEnum):
    """The states of a comment, as the comments app stores them."""

    PENDING = "pending"
    PUBLISHED = "published"
    REMOVED = "removed"
    DELETED = "deleted"


class Action(StrEnum):
    APPROVE = "approve"  # a held comment is published
    REMOVE = "remove"  # a comment is taken down under a clause
    HOLD = "hold"  # a published comment is taken out of view for review (e.g. reports)
    REINSTATE = "reinstate"  # a removed comment is put back (an appeal upheld, a mistake fixed)


TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.PENDING, Action.APPROVE): State.PUBLISHED,
    (State.PENDING, Action.REMOVE): State.REMOVED,
    (State.PUBLISHED, Action.REMOVE): State.REMOVED,
    (State.PUBLISHED, Action.HOLD): State.PENDING,
    (State.REMOVED, Action.REINSTATE): State.PUBLISHED,
}

# Decisions that take a comment out of view cite a clause; the others need none.
NEEDS_CLAUSE = frozenset({Action.REMOVE})
# Decisions an author may appeal.
APPEALABLE = frozenset({Action.REMOVE})


def next_state(state: str, action: str) -> State | None:
    """The state `action` leads to from `state`, or None if it is not allowed."""
    try:
        return TRANSITIONS.get((State(state), Action(action)))
    except ValueError:
        return None


# ---------------------------------------------------------------- appeals


class AppealOutcome(StrEnum):
    UPHELD = "upheld"  # the appeal succeeds: the comment is reinstated
    REJECTED = "rejected"  # the decision stands


def appeal_deadline(decided_at: datetime, days: int) -> datetime:
    return decided_at + timedelta(days=days)


def may_appeal(
    *, action: str, already_appealed: bool, decided_at: datetime, now: datetime, days: int
) -> bool:
    """An author may appeal a removal once, within `days` of it."""
    return (
        action in APPEALABLE and not already_appealed and now <= appeal_deadline(decided_at, days)
    )


def may_decide_appeal(*, decider_id: int, decided_by_id: int | None) -> bool:
    """Nobody decides an appeal against their own decision."""
    return decided_by_id is None or decider_id != decided_by_id


# ---------------------------------------------------------------- sanctions


class SanctionKind(StrEnum):
    WARNING = "warning"  # on record; does not stop anyone commenting
    SUSPENSION = "suspension"  # no comments until it ends
    BAN = "ban"  # no comments, with no end


def sanction_in_force(
    *, kind: str, starts_at: datetime, ends_at: datetime | None, revoked: bool, now: datetime
) -> bool:
    """Whether a sanction stops its subject commenting at `now`."""
    if revoked or kind == SanctionKind.WARNING or now < starts_at:
        return False
    if kind == SanctionKind.BAN:
        return True
    return ends_at is not None and now < ends_at


# ---------------------------------------------------------------- statements of reasons


class Source(StrEnum):
    """What set a decision off (the statement of reasons' `source_type`)."""

    READER_REPORT = "reader_report"
    TRUSTED_FLAGGER = "trusted_flagger"
    AUTHORITY_REQUEST = "authority_request"
    SCREENING = "screening"
    MODERATOR = "moderator"  # own initiative


class Automation(StrEnum):
    """How far the decision itself was automated (`automated_decision`)."""

    FULLY = "fully"
    PARTIALLY = "partially"
    NOT_AUTOMATED = "not_automated"


class Ground(StrEnum):
    """Why content is restricted: against the law, or against the Comment Policy."""

    ILLEGAL = "illegal"
    INCOMPATIBLE = "incompatible"


# Actions that restrict a comment: each gets exactly one statement of reasons, with an
# explanation the author can act on. Sanctions (all of SanctionKind) are restrictions too.
RESTRICTIVE = frozenset({Action.REMOVE, Action.HOLD})
# The least a specific explanation says: more than a few words, and not just the clause title.
MIN_EXPLANATION_WORDS = 3


def automation_of(*, automatic: bool, detected_automatically: bool) -> Automation:
    """A decision made by the system is fully automated; a person's decision on something
    screening found is partially automated; otherwise it is not automated."""
    if automatic:
        return Automation.FULLY
    return Automation.PARTIALLY if detected_automatically else Automation.NOT_AUTOMATED


def is_specific_explanation(explanation: str, *, clause_titles: list[str]) -> bool:
    """An explanation that says something about this comment: not empty, not only the clause
    title (in any edition), not a word or two of boilerplate."""
    text = " ".join(explanation.split()).strip(" .!").casefold()
    titles = {" ".join(title.split()).strip(" .!").casefold() for title in clause_titles}
    return bool(text) and text not in titles and len(text.split()) >= MIN_EXPLANATION_WORDS


def cited_version(
    *, recorded: str, in_force_at_edit: int | None, in_force_at_posting: int | None
) -> int | None:
    """The policy version a decision on a comment applies, so that no rule applies backwards:
    the one in force when it was last edited, else the one it recorded when posted, else the
    one in force at that moment."""
    if in_force_at_edit is not None:
        return in_force_at_edit
    return int(recorded) if recorded.isdigit() else in_force_at_posting


# Screening rule classes precise enough to refuse a comment with no person deciding: a blocked
# term found exactly as written. Every other class may only hold for a person to read. The
# Comment Policy publishes this list (`#automation`).
AUTO_REMOVE_RULES = frozenset({"term"})


def may_remove_automatically(rule: str) -> bool:
    return rule in AUTO_REMOVE_RULES


# ---------------------------------------------------------------- the sanction ladder


@dataclass(frozen=True)
class Rung:
    """One step of the ladder: the sanction a strike leads to, and for how long."""

    kind: SanctionKind
    days: int | None = None  # a suspension's length; None for a warning or a ban


# A strike is a sanction in force on the record; strikes older than STRIKE_PERIOD_DAYS fall away.
LADDER = (
    Rung(SanctionKind.WARNING),
    Rung(SanctionKind.SUSPENSION, 7),
    Rung(SanctionKind.SUSPENSION, 30),
    Rung(SanctionKind.BAN),
)
STRIKE_PERIOD_DAYS = 365


def next_rung(*, prior_strikes: int, immediate: bool) -> Rung:
    """The sanction a new strike leads to: a warning first, unless the clause broken is marked
    immediate (then the warning is skipped); the last rung repeats."""
    step = prior_strikes + (1 if immediate else 0)
    return LADDER[min(step, len(LADDER) - 1)]


def ladder_description() -> dict[str, object]:
    """The ladder as plain values, for the Comment Policy's `#sanctions` section and its JSON."""
    return {
        "strike_period_days": STRIKE_PERIOD_DAYS,
        "immediate_clauses_skip_warning": True,
        "rungs": [
            {"strike": number, "sanction": rung.kind.value, "days": rung.days}
            for number, rung in enumerate(LADDER, start=1)
        ],
    }


# How long a decision keeps the comment's text as evidence: the six-month appeal window.
EVIDENCE_DAYS = 183


def evidence_expired(*, decided_at: datetime, now: datetime) -> bool:
    return now >= decided_at + timedelta(days=EVIDENCE_DAYS)


# What a notice tells an appellant of the time a decision on their appeal should take.
APPEAL_TARGET_DAYS = 14
