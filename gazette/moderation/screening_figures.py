"""Screening's part of the monthly transparency report: for each rule and each language-script,
how many comments it held and how many of those a moderator then confirmed (removed) or
overturned (approved); and how often a nudge before posting led readers to rephrase.

Recomputed from the audit log like every other figure; aggregates only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from gazette.moderation.models import AuditEntry

Event = AuditEntry.Event
NUDGE_OUTCOMES = ("shown", "rephrased", "as_written")


@dataclass(frozen=True)
class RuleFigure:
    rule: str  # a finding's code: term, model:abuse, links, premoderation…
    written: str  # en, ru, kk-cyrl, kk-latn, uz-latn, uz-cyrl
    held: int
    confirmed: int  # later removed by a moderator
    overturned: int  # later approved by a moderator

    @property
    def pending(self) -> int:
        return self.held - self.confirmed - self.overturned


def rule_figures(month_entries: QuerySet[AuditEntry]) -> list[RuleFigure]:
    """The holds of the month's arrivals, by rule and language, with what moderators made of
    them since (`month_entries`: the month's audit entries of one edition)."""
    holds = list(
        month_entries.filter(event=Event.SCREENED, outcome="hold")
        .exclude(comment_id=None)
        .values_list("comment_id", "rules", "written")
    )
    later = dict(
        AuditEntry.objects.filter(
            event__in=[Event.APPROVED, Event.REMOVED],
            comment_id__in=[comment_id for comment_id, _rules, _written in holds],
            automatic=False,
        )
        .order_by("created_at", "pk")
        .values_list("comment_id", "event")
    )
    counted: Counter[tuple[str, str, str]] = Counter()
    for comment_id, rules, written in holds:
        fate = later.get(comment_id, "")
        for rule in filter(None, rules.split(",")):
            counted[(rule, written, "held")] += 1
            counted[(rule, written, fate)] += 1
    pairs = sorted({(rule, written) for rule, written, _kind in counted})
    return [
        RuleFigure(
            rule,
            written,
            counted[(rule, written, "held")],
            counted[(rule, written, Event.REMOVED)],
            counted[(rule, written, Event.APPROVED)],
        )
        for rule, written in pairs
    ]


def nudge_figures(month_entries: QuerySet[AuditEntry]) -> dict[str, int]:
    """Nudges shown, and of the sends that followed, those rephrased and those sent as written."""
    outcomes = Counter(month_entries.filter(event=Event.NUDGED).values_list("outcome", flat=True))
    return {outcome: outcomes[outcome] for outcome in NUDGE_OUTCOMES}
