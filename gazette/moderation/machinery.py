"""How moderation works, as the Comment Policy tells it: what automated screening is and may
do, where people decide, the appeal procedure, the sanction ladder and the misuse policy.
Read from the configuration and the rules in force, so the account cannot drift from what
runs; the page and the JSON both show it."""

from __future__ import annotations

from dataclasses import dataclass

from gazette.moderation.models import ModerationSettings, PolicyVersion
from gazette.moderation.policy import (
    APPEAL_TARGET_DAYS,
    APPEAL_WINDOW_DAYS,
    DISMISSED_PER_UNFOUNDED,
    LADDER,
    MISUSE_WINDOW,
    REPORTING_SUSPENSION,
    STRIKE_PERIOD_DAYS,
    UNFOUNDED_LIMIT,
    may_remove_automatically,
)
from gazette.moderation.screening.registry import RuleType, configuration, enabled_rule_types


@dataclass(frozen=True)
class Screening:
    code: str
    name: str
    does: str
    refuses: bool


@dataclass(frozen=True)
class Machinery:
    screening: list[Screening]
    appeal_days: int
    appeal_target_days: int
    ladder: tuple[tuple[str, int | None], ...]  # each strike's sanction, and its days
    strike_period_days: int
    immediate_clauses: list[int]  # numbers of the clauses that skip the warning
    misuse_warning_after: int  # unfounded reports within the window before a warning
    misuse_suspension_days: int
    misuse_window_days: int
    misuse_dismissed_per_unfounded: int  # reports dismissed with no action count as one

    @property
    def refusing(self) -> list[Screening]:
        return [item for item in self.screening if item.refuses]


def _describe(rule: RuleType, conf: ModerationSettings) -> Screening:
    return Screening(
        code=",".join(rule.codes),
        name=str(rule.name),
        does=str(rule.does) % {"count": conf.max_links},
        # Only a class the policy lists as precise enough may refuse with no person deciding.
        refuses=rule.refuses and any(may_remove_automatically(code) for code in rule.codes),
    )


def machinery(policy: PolicyVersion) -> Machinery:
    """The account of the machinery for `policy` (whose clauses should be prefetched)."""
    conf = configuration()
    return Machinery(
        screening=[_describe(rule, conf.settings) for rule in enabled_rule_types(conf)],
        appeal_days=APPEAL_WINDOW_DAYS,
        appeal_target_days=APPEAL_TARGET_DAYS,
        ladder=tuple((rung.kind.value, rung.days) for rung in LADDER),
        strike_period_days=STRIKE_PERIOD_DAYS,
        immediate_clauses=[clause.number for clause in policy.clauses.all() if clause.immediate],
        misuse_warning_after=UNFOUNDED_LIMIT,
        misuse_suspension_days=REPORTING_SUSPENSION.days,
        misuse_window_days=MISUSE_WINDOW.days,
        misuse_dismissed_per_unfounded=DISMISSED_PER_UNFOUNDED,
    )
