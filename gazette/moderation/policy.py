"""Pure decisions of moderation, over plain values (no database access).

* What screening says, given what it found.
* Which moderation mode a discussion is under, and who skips pre-moderation.
* Which state changes a moderator's action may make: the allowed transitions table.
* Who may appeal what, and until when; who may decide an appeal, in which language; misuse.
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


def next_state(state: str, action: str) -> State | None:
    """The state `action` leads to from `state`, or None if it is not allowed."""
    try:
        return TRANSITIONS.get((State(state), Action(action)))
    except ValueError:
        return None


# ---------------------------------------------------------------- appeals

# Every appeal window is at least six months from the day the person was told (DSA 20(1)): the
# one definition, used by the services, the status pages and the policy's own text.
APPEAL_WINDOW_DAYS = 183
# The published target: an appeal is decided within this many days of its filing.
APPEAL_TARGET_DAYS = 7
# Misuse of appeals (DSA 23(2)): this many manifestly unfounded appeals within the period earn a
# warning; the next one within the period suspends the right to appeal for the given days.
UNFOUNDED_APPEALS_LIMIT = 3
UNFOUNDED_APPEALS_PERIOD_DAYS = 180
APPEAL_RIGHT_SUSPENSION_DAYS = 30


class AppealBasis(StrEnum):
    """What an appeal is against, and so who may file it."""

    DECISION = "decision"  # a removal or hold of a comment, by its author
    SANCTION = "sanction"  # a warning, suspension or ban, by its subject
    REFUSAL = "refusal"  # screening refused a comment before it was published, by its writer
    NO_ACTION = "no_action"  # a report closed with no action, by the reporter


class AppealOutcome(StrEnum):
    """What the reviewer made of the decision appealed against."""

    UPHELD = "upheld"  # the decision stands
    REVERSED = "reversed"  # the decision is undone, with everything that followed from it
    MODIFIED = "modified"  # the decision stands in part (see OUTCOMES_BY_BASIS)


class AppealStatus(StrEnum):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    DECIDED = "decided"


class AppealMisuse(StrEnum):
    WARNING = "warning"
    SUSPENSION = "suspension"


# Decisions on a comment its author may appeal.
APPEALABLE = frozenset({Action.REMOVE, Action.HOLD})
# What "modified" means: a removal or hold stands but the sanction it led to is lifted; a
# suspension or ban becomes a warning. A refusal or a "no action" is either right or wrong.
OUTCOMES_BY_BASIS: dict[AppealBasis, frozenset[AppealOutcome]] = {
    AppealBasis.DECISION: frozenset(AppealOutcome),
    AppealBasis.SANCTION: frozenset(AppealOutcome),
    AppealBasis.REFUSAL: frozenset({AppealOutcome.UPHELD, AppealOutcome.REVERSED}),
    AppealBasis.NO_ACTION: frozenset({AppealOutcome.UPHELD, AppealOutcome.REVERSED}),
}


def appeal_deadline(informed_at: datetime, days: int = APPEAL_WINDOW_DAYS) -> datetime:
    """The last moment to appeal: `days` after the person was informed of the decision."""
    return informed_at + timedelta(days=days)


def appeal_decide_by(filed_at: datetime, days: int = APPEAL_TARGET_DAYS) -> datetime:
    return filed_at + timedelta(days=days)


def may_appeal(
    *,
    action: str,
    already_appealed: bool,
    decided_at: datetime,
    now: datetime,
    days: int = APPEAL_WINDOW_DAYS,
) -> bool:
    """An author may appeal a removal or hold once, within `days` of being told of it."""
    return (
        action in APPEALABLE and not already_appealed and now <= appeal_deadline(decided_at, days)
    )


def may_decide_appeal(
    *, decider_id: int, decided_by_id: int | None, reporter_ids: frozenset[int] = frozenset()
) -> bool:
    """Nobody decides an appeal against their own decision, nor on a comment they reported."""
    return (decided_by_id is None or decider_id != decided_by_id) and decider_id not in reporter_ids


def base_language(code: str) -> str:
    """The language of a language-script guess ("kk-cyrl" is Kazakh) or of a locale ("ru-ru")."""
    return code.split("-", 1)[0].lower()


def reads_language(*, languages: frozenset[str], language: str) -> bool:
    """Whether a reviewer who declared `languages` can read something written in `language`."""
    return base_language(language) in {base_language(code) for code in languages}


def appeal_misuse(*, unfounded_in_period: int, limit: int = UNFOUNDED_APPEALS_LIMIT) -> str | None:
    """What one more manifestly unfounded appeal earns, given how many (this one included) the
    appellant filed in the period: a warning at the limit, a suspension of the right past it."""
    if limit <= 0 or unfounded_in_period < limit:
        return None
    return AppealMisuse.WARNING if unfounded_in_period == limit else AppealMisuse.SUSPENSION


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
