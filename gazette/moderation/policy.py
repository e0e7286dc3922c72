"""Pure decisions of moderation, over plain values (no database access).

* What screening says, given what it found.
* Which moderation mode a discussion is under, and who skips pre-moderation.
* Which state changes a moderator's action may make: the allowed transitions table.
* Who may appeal what, and until when; who may decide an appeal.
* Whether a sanction is in force.
* What follows repeated manifestly unfounded reports (misuse).
* What each moderation preset of a section or an article means.
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
    """Reject if anything asks to reject, else hold if anything asks to hold, else publish."""
    actions = {finding.action for finding in findings}
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


# ---------------------------------------------------------------- misuse of reporting


class ReportingMeasure(StrEnum):
    WARNING = "warning"  # the reporter is told; nothing is refused
    SUSPENSION = "suspension"  # no reports until it ends


# A reader's reports are counted as unfounded over this window: each report a moderator marked
# manifestly unfounded, and each `DISMISSED_PER_UNFOUNDED` reports dismissed with no action.
MISUSE_WINDOW = timedelta(days=90)
UNFOUNDED_LIMIT = 3
DISMISSED_PER_UNFOUNDED = 4
REPORTING_SUSPENSION = timedelta(days=30)


def unfounded_reports(*, manifestly_unfounded: int, dismissed: int) -> int:
    """How many unfounded reports a reader's dismissed reports amount to."""
    return manifestly_unfounded + (dismissed - manifestly_unfounded) // DISMISSED_PER_UNFOUNDED


def report_misuse_measure(*, unfounded: int, warned: bool) -> ReportingMeasure | None:
    """The measure due when a reader's unfounded reports since their last measure (within the
    window) reach the limit: a warning first, a time-limited suspension after a warning."""
    if unfounded < UNFOUNDED_LIMIT:
        return None
    return ReportingMeasure.SUSPENSION if warned else ReportingMeasure.WARNING


# ---------------------------------------------------------------- presets


class Preset(StrEnum):
    """Named settings a desk applies to a section or an article in one step."""

    OPEN = "open"  # the site default: post-moderation, trusted authors as usual
    SENSITIVE = "sensitive"  # pre-moderation, and no author skips it
    SUB_JUDICE = "sub_judice"  # comments closed while a case is before the court


@dataclass(frozen=True)
class PresetRules:
    mode: Mode
    closes_comments: bool
    trusted_skip_premoderation: bool
    stricter_screening: bool = False


PRESETS: dict[Preset, PresetRules] = {
    Preset.OPEN: PresetRules(Mode.POST, closes_comments=False, trusted_skip_premoderation=True),
    Preset.SENSITIVE: PresetRules(
        Mode.PRE, closes_comments=False, trusted_skip_premoderation=False, stricter_screening=True
    ),
    Preset.SUB_JUDICE: PresetRules(
        Mode.PRE, closes_comments=True, trusted_skip_premoderation=False
    ),
}

# Stricter screening: no link passes unremarked, and the models' thresholds are lowered.
STRICTER_MAX_LINKS = 0
STRICTER_THRESHOLD_FACTOR = 0.75


def stricter_threshold(threshold: float) -> float:
    """A threshold lowered for stricter screening (0, a check turned off, stays off)."""
    return round(threshold * STRICTER_THRESHOLD_FACTOR, 4)


def preset_rules(preset: str) -> PresetRules | None:
    """What a preset sets; None for a row that names no preset (a mode set by hand)."""
    try:
        return PRESETS[Preset(preset)]
    except ValueError:
        return None
