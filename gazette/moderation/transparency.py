"""The transparency report: what moderation did in a month, in one edition, in numbers.

Computed from the audit log alone, so every figure is a count of its entries (or, for the time
to a decision, their median) and adds up with it exactly. Aggregates only: no comment, author
or moderator is named.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from gazette.moderation import transparency_figures as figures
from gazette.moderation.models import AuditEntry, Clause, PolicyVersion
from gazette.moderation.screening_figures import (
    LanguageFigure,
    RuleFigure,
    nudge_figures,
    screening_figures,
)
from gazette.moderation.transparency_figures import Figure

Event = AuditEntry.Event


@dataclass(frozen=True)
class ClauseCount:
    key: str
    number: int | None
    title: str
    count: int


@dataclass
class MonthReport:
    edition: str
    month: date
    received: int = 0
    published_on_arrival: int = 0
    held_on_arrival: int = 0
    rejected_on_arrival: int = 0
    reports: int = 0
    held_after_reports: int = 0
    approved: int = 0
    removed: int = 0
    reinstated: int = 0
    removals_by_clause: list[ClauseCount] = field(default_factory=list)
    appeals_filed: int = 0
    appeals_upheld: int = 0
    appeals_rejected: int = 0
    appeals_modified: int = 0
    median_hours_to_decision: float | None = None
    decisions_timed: int = 0
    screening: list[RuleFigure] = field(default_factory=list)
    screening_languages: list[LanguageFigure] = field(default_factory=list)
    nudges: dict[str, int] = field(default_factory=dict)
    # Changes of a section's or an article's moderation mode or preset (a section's count in
    # every edition).
    mode_changes: int = 0
    # Reports by ground (policy, illegal) and the median time from a report to the decision
    # that resolved it.
    reports_by_ground: dict[str, int] = field(default_factory=dict)
    median_hours_report_to_decision: float | None = None
    # The breakdowns (transparency_figures.py): restrictions, reports, appeals, sanctions and
    # orders from authorities.
    actions: list[Figure] = field(default_factory=list)
    report_figures: list[Figure] = field(default_factory=list)
    appeal_figures: list[Figure] = field(default_factory=list)
    sanction_figures: list[Figure] = field(default_factory=list)
    authority_figures: list[Figure] = field(default_factory=list)

    @property
    def appeals_pending(self) -> int:
        """Filed this month and not decided this month (they may be decided later)."""
        decided = self.appeals_upheld + self.appeals_rejected + self.appeals_modified
        return max(0, self.appeals_filed - decided)

    def table(self) -> list[tuple[str, Figure]]:
        """Every published figure as (section, figure), in the order the CSV and the JSON give
        them: the one table both are written from."""
        sections = {
            "arrivals": [
                Figure.of("comments received", self.received),
                Figure.of("published on arrival", self.published_on_arrival),
                Figure.of("held on arrival", self.held_on_arrival),
                Figure.of("refused on arrival", self.rejected_on_arrival),
            ],
            "actions": [
                *self.actions,
                Figure.of("approved after review", self.approved),
                Figure.of("removed", self.removed),
                Figure.of("reinstated", self.reinstated),
                Figure.of("held after readers' reports", self.held_after_reports),
                Figure.of(
                    "median hours from posting to a moderator's decision",
                    _tenth(self.median_hours_to_decision),
                ),
                Figure.of("moderation mode or preset changes", self.mode_changes),
            ],
            "reports": self.report_figures,
            "appeals": self.appeal_figures,
            "sanctions": self.sanction_figures,
            "authorities": self.authority_figures,
            "screening": self._screening_table(),
        }
        return [(section, figure) for section, figures in sections.items() for figure in figures]

    def _screening_table(self) -> list[Figure]:
        figures = []
        items: list[RuleFigure | LanguageFigure] = [*self.screening, *self.screening_languages]
        for item in items:
            where = {"rule": item.rule} if isinstance(item, RuleFigure) else {}
            where["written"] = item.written
            figures += [
                Figure.of("screening holds", item.held, **where),
                Figure.of("screening holds confirmed", item.confirmed, **where),
                Figure.of("screening holds overturned", item.overturned, **where),
                Figure.of("screening precision", _hundredth(item.precision), **where),
            ]
        figures += [Figure.of("nudges", n, outcome=outcome) for outcome, n in self.nudges.items()]
        return figures


def _tenth(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _hundredth(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first instant of the month and of the next, in the site's time zone."""
    start = timezone.make_aware(datetime(month.year, month.month, 1))  # noqa: DTZ001 - made aware
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    end = timezone.make_aware(datetime(following.year, following.month, 1))  # noqa: DTZ001
    return start, end


def _clause_titles(keys: set[str]) -> dict[str, str]:
    """Titles of clauses by key, from the newest published version that has each."""
    titles: dict[str, str] = {}
    clauses = (
        Clause.objects.filter(key__in=keys, version__in=PolicyVersion.objects.published())
        .prefetch_related("translations")
        .order_by("version__number")
    )
    for clause in clauses:
        titles[clause.key] = clause.local_title
    return titles


def month_report(edition: str, month: date) -> MonthReport:
    """The figures of one month in one edition, in a fixed number of queries on the audit log
    (however many entries the month has)."""
    start, end = month_bounds(month)
    within = AuditEntry.objects.filter(created_at__gte=start, created_at__lt=end)
    entries = within.filter(edition=edition)
    report = MonthReport(edition=edition, month=month)
    grouped = entries.values("event", "outcome", "automatic").annotate(n=Count("pk"))
    _fill_counts(report, Counts(grouped.order_by()))
    report.removals_by_clause = _removals_by_clause(entries)
    waits = _hours_to_decision(entries)
    report.decisions_timed = len(waits)
    report.median_hours_to_decision = statistics.median(waits) if waits else None
    report.screening, report.screening_languages = screening_figures(entries)
    report.nudges = nudge_figures(entries)
    # A section's mode changes count in every edition; orders from authorities concern the site.
    report.mode_changes = (
        within.filter(Q(edition=edition) | Q(edition=""), event=Event.MODE_CHANGED)
        .order_by()
        .count()
    )
    report.actions = figures.action_figures(entries)
    report.report_figures = figures.report_figures(entries)
    median = report.report_figures[-1].value  # the last figure of the reports' section
    report.median_hours_report_to_decision = None if median is None else float(median)
    report.appeal_figures = figures.appeal_figures(entries)
    report.sanction_figures = figures.sanction_figures(entries)
    report.authority_figures = figures.authority_figures(within.filter(edition=""))
    return report


class Counts:
    """Audit entries counted by (event, outcome, automatic)."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.by_key = {(row["event"], row["outcome"], row["automatic"]): row["n"] for row in rows}

    def total(
        self, event: str, outcome: str | None = None, *, automatic: bool | None = None
    ) -> int:
        return sum(
            n
            for (e, o, a), n in self.by_key.items()
            if e == event and outcome in (None, o) and automatic in (None, a)
        )

    def by_outcome(self, event: str) -> dict[str, int]:
        return {outcome: n for (e, outcome, _a), n in self.by_key.items() if e == event}


def _fill_counts(report: MonthReport, counts: Counts) -> None:
    report.received = counts.total(Event.SCREENED)
    report.published_on_arrival = counts.total(Event.SCREENED, "publish")
    report.held_on_arrival = counts.total(Event.SCREENED, "hold")
    report.rejected_on_arrival = counts.total(Event.SCREENED, "reject")
    report.reports = counts.total(Event.REPORTED)
    report.held_after_reports = counts.total(Event.HELD, automatic=True)
    report.approved = counts.total(Event.APPROVED)
    report.removed = counts.total(Event.REMOVED)
    report.reinstated = counts.total(Event.REINSTATED)
    report.appeals_filed = counts.total(Event.APPEAL_FILED)
    report.appeals_upheld = counts.total(Event.APPEAL_UPHELD)
    report.appeals_rejected = counts.total(Event.APPEAL_REJECTED)
    report.appeals_modified = counts.total(Event.APPEAL_MODIFIED)
    report.reports_by_ground = counts.by_outcome(Event.REPORTED)


def _removals_by_clause(entries: QuerySet[AuditEntry]) -> list[ClauseCount]:
    rows = list(
        entries.filter(event=Event.REMOVED)
        .values("clause_key")
        .annotate(n=Count("pk"), number=Min("clause_number"))
        .order_by("number", "clause_key")
    )
    titles = _clause_titles({row["clause_key"] for row in rows})
    return [
        ClauseCount(row["clause_key"], row["number"], titles.get(row["clause_key"], ""), row["n"])
        for row in rows
    ]


def _hours_to_decision(entries: QuerySet[AuditEntry]) -> list[float]:
    """From posting to a moderator's approval or removal, for each such decision."""
    timed = (
        entries.filter(
            event__in=[Event.APPROVED, Event.REMOVED],
            automatic=False,
            comment_posted_at__isnull=False,
        )
        .values_list("created_at", "comment_posted_at")
        .order_by()
    )
    return [
        (decided - posted).total_seconds() / 3600 for decided, posted in timed if posted is not None
    ]


def months_with_entries(edition: str) -> list[date]:
    """Every month from the edition's first audit entry to this one, newest first."""
    first = AuditEntry.objects.filter(edition=edition).aggregate(first=Min("created_at"))["first"]
    today = timezone.localdate()
    if first is None:
        return []
    current = timezone.localtime(first).date().replace(day=1)
    months = []
    while current <= today:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return list(reversed(months))
