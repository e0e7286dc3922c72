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

from gazette.moderation.models import AuditEntry, Clause, PolicyVersion
from gazette.moderation.screening_figures import RuleFigure, nudge_figures, rule_figures

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
    removed_automatically: int = 0
    reinstated: int = 0
    removals_by_clause: list[ClauseCount] = field(default_factory=list)
    appeals_filed: int = 0
    appeals_upheld: int = 0
    appeals_rejected: int = 0
    appeals_modified: int = 0
    sanctions: dict[str, int] = field(default_factory=dict)
    median_hours_to_decision: float | None = None
    decisions_timed: int = 0
    screening: list[RuleFigure] = field(default_factory=list)
    nudges: dict[str, int] = field(default_factory=dict)
    # Changes of a section's or an article's moderation mode or preset (a section's count in
    # every edition).
    mode_changes: int = 0
    # Reports by ground (policy, illegal), the median time from a report to the decision that
    # resolved it, and the measures against misuse of reporting.
    reports_by_ground: dict[str, int] = field(default_factory=dict)
    median_hours_report_to_decision: float | None = None
    reporters_warned: int = 0
    reporting_suspended: int = 0

    @property
    def appeals_pending(self) -> int:
        """Filed this month and not decided this month (they may be decided later)."""
        decided = self.appeals_upheld + self.appeals_rejected + self.appeals_modified
        return max(0, self.appeals_filed - decided)

    def rows(self) -> list[tuple[str, str, str]]:
        """Every figure as (measure, clause, value), for the CSV download."""
        rows = [
            ("comments received", "", str(self.received)),
            ("published on arrival", "", str(self.published_on_arrival)),
            ("held on arrival", "", str(self.held_on_arrival)),
            ("rejected on arrival", "", str(self.rejected_on_arrival)),
            ("reports by readers", "", str(self.reports)),
            ("held after reports", "", str(self.held_after_reports)),
            ("approved after review", "", str(self.approved)),
            ("removed", "", str(self.removed)),
            ("reinstated", "", str(self.reinstated)),
        ]
        rows += [
            ("removed", f"{item.number or ''} {item.key}".strip(), str(item.count))
            for item in self.removals_by_clause
        ]
        rows += [
            ("appeals filed", "", str(self.appeals_filed)),
            ("appeals upheld", "", str(self.appeals_upheld)),
            ("appeals rejected", "", str(self.appeals_rejected)),
            ("appeals modified", "", str(self.appeals_modified)),
        ]
        rows += [(f"sanctions: {kind}", "", str(n)) for kind, n in sorted(self.sanctions.items())]
        median = self.median_hours_to_decision
        rows.append(("median hours to a decision", "", "" if median is None else f"{median:.1f}"))
        for figure in self.screening:
            rule = f"{figure.rule} {figure.written}"
            rows += [
                ("screening holds", rule, str(figure.held)),
                ("screening holds confirmed", rule, str(figure.confirmed)),
                ("screening holds overturned", rule, str(figure.overturned)),
            ]
        rows += [(f"nudges: {outcome}", "", str(n)) for outcome, n in self.nudges.items()]
        rows.append(("moderation mode or preset changes", "", str(self.mode_changes)))
        rows += [
            (f"reports: {ground}", "", str(n))
            for ground, n in sorted(self.reports_by_ground.items())
            if ground
        ]
        median = self.median_hours_report_to_decision
        rows.append(("median hours from report to decision", "", _hours(median)))
        rows.append(("reporters warned for unfounded reports", "", str(self.reporters_warned)))
        rows.append(("reporting suspended for misuse", "", str(self.reporting_suspended)))
        return rows


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
    """The figures of one month in one edition (six queries on the audit log)."""
    start, end = month_bounds(month)
    entries = AuditEntry.objects.filter(edition=edition, created_at__gte=start, created_at__lt=end)
    report = MonthReport(edition=edition, month=month)
    grouped = entries.values("event", "outcome", "automatic").annotate(n=Count("pk"))
    _fill_counts(report, Counts(grouped.order_by()))
    report.removals_by_clause = _removals_by_clause(entries)
    waits = _hours_to_decision(entries)
    report.decisions_timed = len(waits)
    report.median_hours_to_decision = statistics.median(waits) if waits else None
    report.screening = rule_figures(entries)
    report.nudges = nudge_figures(entries)
    report_waits = _hours_from_report_to_decision(entries)
    report.median_hours_report_to_decision = (
        statistics.median(report_waits) if report_waits else None
    )
    report.mode_changes = (
        AuditEntry.objects.filter(
            Q(edition=edition) | Q(edition=""),
            event=Event.MODE_CHANGED,
            created_at__gte=start,
            created_at__lt=end,
        )
        .order_by()
        .count()
    )
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
    report.removed_automatically = counts.total(Event.REMOVED, automatic=True)
    report.reinstated = counts.total(Event.REINSTATED)
    report.appeals_filed = counts.total(Event.APPEAL_FILED)
    report.appeals_upheld = counts.total(Event.APPEAL_UPHELD)
    report.appeals_rejected = counts.total(Event.APPEAL_REJECTED)
    report.appeals_modified = counts.total(Event.APPEAL_MODIFIED)
    report.sanctions = counts.by_outcome(Event.SANCTIONED)
    report.reports_by_ground = counts.by_outcome(Event.REPORTED)
    report.reporters_warned = counts.total(Event.REPORTER_WARNED)
    report.reporting_suspended = counts.total(Event.REPORTING_SUSPENDED)


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


def _hours_from_report_to_decision(entries: QuerySet[AuditEntry]) -> list[float]:
    """For each report resolved this month, the hours since it was made (both from the log)."""
    resolved = dict(
        entries.filter(event=Event.REPORT_RESOLVED, record_id__isnull=False)
        .values_list("record_id", "created_at")
        .order_by()
    )
    if not resolved:
        return []
    made = AuditEntry.objects.filter(
        event=Event.REPORTED, record_id__in=list(resolved)
    ).values_list("record_id", "created_at")
    return [
        (resolved[record_id] - reported).total_seconds() / 3600
        for record_id, reported in made.order_by()
        if record_id in resolved
    ]


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


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
