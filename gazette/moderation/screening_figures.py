"""Screening's part of the monthly transparency report: for each rule and each language-script,
how many comments it held and how many of those a moderator then confirmed (removed) or
overturned (approved), and the precision that follows; the same for each language-script over
all rules, with a row for every one of them even in a month without holds; and how often a
nudge before posting led readers to rephrase.

Recomputed from the audit log like every other figure; aggregates only: a cell holds a rule's
code, a language code or a count, never a comment, an author or a moderator.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from gazette.moderation.models import AuditEntry
from gazette.moderation.screening.languages import Written

Event = AuditEntry.Event
NUDGE_OUTCOMES = ("shown", "rephrased", "as_written")
# Every language and script screening is evaluated in: the monthly figures have a row for each.
EVALUATED = tuple(written.value for written in Written)


@dataclass(frozen=True)
class Figure:
    held: int
    confirmed: int  # later removed by a moderator
    overturned: int  # later approved by a moderator

    @property
    def pending(self) -> int:
        return self.held - self.confirmed - self.overturned

    @property
    def precision(self) -> float | None:
        """The share of reviewed holds a moderator confirmed; None before any review."""
        reviewed = self.confirmed + self.overturned
        return self.confirmed / reviewed if reviewed else None


@dataclass(frozen=True)
class RuleFigure(Figure):
    rule: str = ""  # a finding's code: term, model:abuse, links, premoderation…
    written: str = ""  # en, ru, kk-cyrl, kk-latn, uz-latn, uz-cyrl


@dataclass(frozen=True)
class LanguageFigure(Figure):
    written: str = ""


Hold = tuple[str, str, str]  # the rules, the language-script, what became of it


def _holds(month_entries: QuerySet[AuditEntry]) -> list[Hold]:
    """(rules, written, fate) of each of the month's holds, fate the event of the latest human
    decision since (removed or approved), or empty."""
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
    return [(rules, written, later.get(comment_id, "")) for comment_id, rules, written in holds]


def screening_figures(
    month_entries: QuerySet[AuditEntry],
) -> tuple[list[RuleFigure], list[LanguageFigure]]:
    """The holds of the month's arrivals (`month_entries`: the month's audit entries of one
    edition) with what moderators made of them since: by rule and language-script, and by
    language-script over all rules, with one row for each of EVALUATED in that order."""
    holds = _holds(month_entries)
    return _by_rule(holds), _by_language(holds)


def _by_rule(holds: list[Hold]) -> list[RuleFigure]:
    counted: Counter[tuple[str, str, str]] = Counter()
    for rules, written, fate in holds:
        for rule in filter(None, rules.split(",")):
            counted[(rule, written, "held")] += 1
            counted[(rule, written, fate)] += 1
    pairs = sorted({(rule, written) for rule, written, _kind in counted})
    return [
        RuleFigure(
            held=counted[(rule, written, "held")],
            confirmed=counted[(rule, written, Event.REMOVED)],
            overturned=counted[(rule, written, Event.APPROVED)],
            rule=rule,
            written=written,
        )
        for rule, written in pairs
    ]


def _by_language(holds: list[Hold]) -> list[LanguageFigure]:
    counted: Counter[tuple[str, str]] = Counter()
    for _rules, written, fate in holds:
        counted[(written, "held")] += 1
        counted[(written, fate)] += 1
    return [
        LanguageFigure(
            held=counted[(written, "held")],
            confirmed=counted[(written, Event.REMOVED)],
            overturned=counted[(written, Event.APPROVED)],
            written=written,
        )
        for written in EVALUATED
    ]


def nudge_figures(month_entries: QuerySet[AuditEntry]) -> dict[str, int]:
    """Nudges shown, and of the sends that followed, those rephrased and those sent as written."""
    outcomes = Counter(month_entries.filter(event=Event.NUDGED).values_list("outcome", flat=True))
    return {outcome: outcomes[outcome] for outcome in NUDGE_OUTCOMES}
