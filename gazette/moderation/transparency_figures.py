"""The breakdowns of the monthly transparency report: actions, reports, appeals, sanctions and
orders from authorities, each a list of figures counted from the audit log of one month.

Every figure is a count of audit entries grouped by the plain values they carry (clause, action,
source, automation, ground, basis, outcome…), or a median of the hours between two entries'
times; nothing is read from any other table, so the published numbers add up with the log. A
cell holds a code, a country, a count or a number of hours: never a person or a comment.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, QuerySet

from gazette.moderation import policy
from gazette.moderation.models import AuditEntry

Event = AuditEntry.Event
YES, NO = "yes", "no"
# The published outcome of an appeal, named for what became of the decision appealed against
# (the audit events are named from the appellant's side: an "upheld" appeal reversed it).
APPEAL_OUTCOMES = {
    Event.APPEAL_UPHELD: "decision_reversed",
    Event.APPEAL_REJECTED: "decision_stands",
    Event.APPEAL_MODIFIED: "decision_modified",
}
# Decisions that restrict a comment or its author, as the log records them.
RESTRICTIONS = (Event.REMOVED, Event.HELD, Event.SANCTIONED)
PREMODERATION = "premoderation"


@dataclass(frozen=True)
class Figure:
    """One published number: what is measured, what it is broken down by, and its value (a count,
    a number of hours, a share; None when there is nothing to measure)."""

    measure: str
    value: int | float | None
    breakdown: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, measure: str, value: int | float | None, **breakdown: str) -> Figure:
        return cls(measure, value, tuple(breakdown.items()))

    def by(self, dimension: str) -> str:
        return dict(self.breakdown).get(dimension, "")


def clause_code(number: int | None, key: str) -> str:
    """A clause as a cell shows it: its number and key ("3 attacks"), or "" for none."""
    return f"{number or ''} {key}".strip()


def yes_no(value: bool | None) -> str:  # noqa: FBT001 - a value to print, not a switch
    return "" if value is None else (YES if value else NO)


def median_hours(pairs: Iterable[tuple[datetime, datetime]]) -> float | None:
    """The median of the hours from each start to its end, to a tenth; None for no pair."""
    hours = [(end - start).total_seconds() / 3600 for start, end in pairs]
    return round(statistics.median(hours), 1) if hours else None


def _grouped(entries: QuerySet[AuditEntry], *fields: str) -> list[Mapping[str, Any]]:
    """Entries counted by `fields`, in the order of the fields' values as text (the same on
    every database: SQLite and PostgreSQL sort empty values differently)."""
    rows = list(entries.values(*fields).annotate(n=Count("pk")).order_by())
    return sorted(rows, key=lambda row: tuple(_text(row[name]) for name in fields))


def _text(value: object) -> str:
    """A value as it sorts: numbers (clause numbers, and booleans) padded, so 10 follows 9."""
    if value is None:
        return ""
    return f"{value:010d}" if isinstance(value, int) else str(value)


def _by_clause(item: tuple[Restriction, int]) -> tuple[str, ...]:
    number, _space, key = item[0][0].partition(" ")
    return (number.zfill(10), key, *item[0][1:])


# ---------------------------------------------------------------- actions


Restriction = tuple[str, str, str, str, str]  # clause, action, source, detected, automation


def action_figures(entries: QuerySet[AuditEntry]) -> list[Figure]:
    """Restrictions by clause, action, source, automated detection and automated decision: the
    desk's and the system's removals, holds and sanctions, and screening's holds and refusals
    on arrival."""
    counted = _decided_restrictions(entries) + _arrival_restrictions(entries)
    return [
        Figure.of(
            "restrictions",
            n,
            clause=clause,
            action=action,
            source=source,
            detected_automatically=detected,
            automation=automation,
        )
        for (clause, action, source, detected, automation), n in sorted(
            counted.items(), key=_by_clause
        )
    ]


def _decided_restrictions(entries: QuerySet[AuditEntry]) -> Counter[Restriction]:
    counted: Counter[Restriction] = Counter()
    rows = _grouped(
        entries.filter(event__in=RESTRICTIONS),
        "clause_number",
        "clause_key",
        "action",
        "source",
        "detected_automatically",
        "automation",
    )
    for row in rows:
        key = (
            clause_code(row["clause_number"], row["clause_key"]),
            row["action"],
            row["source"],
            yes_no(row["detected_automatically"]),
            row["automation"],
        )
        counted[key] += row["n"]
    return counted


def _arrival_restrictions(entries: QuerySet[AuditEntry]) -> Counter[Restriction]:
    """Screening's holds and refusals on arrival: fully automated, and detected automatically
    unless only the discussion's pre-moderation held the comment."""
    counted: Counter[Restriction] = Counter()
    rows = _grouped(
        entries.filter(event=Event.SCREENED, outcome__in=[policy.HOLD, policy.REJECT]),
        "outcome",
        "rules",
    )
    for row in rows:
        detected = yes_no(row["rules"] not in ("", PREMODERATION))
        counted[("", row["outcome"], policy.Source.SCREENING, detected, "fully")] += row["n"]
    return counted


# ---------------------------------------------------------------- reports


def report_figures(entries: QuerySet[AuditEntry]) -> list[Figure]:
    """Reports received by ground, clause and source; reports resolved by the same, with the
    outcome, the ground the comment was acted on and whether automated means resolved them;
    and the median hours from a report to the decision that resolved it."""
    received = [
        Figure.of(
            "reports received",
            row["n"],
            ground=row["outcome"],
            clause=clause_code(row["clause_number"], row["clause_key"]),
            source=row["source"],
        )
        for row in _grouped(
            entries.filter(event=Event.REPORTED), "outcome", "clause_number", "clause_key", "source"
        )
    ]
    resolved = [
        Figure.of(
            "reports resolved",
            row["n"],
            ground=row["note"],
            clause=clause_code(row["clause_number"], row["clause_key"]),
            source=row["source"],
            outcome=row["outcome"],
            decision_ground=row["ground"],
            automated=yes_no(row["automatic"]),
        )
        for row in _grouped(
            entries.filter(event=Event.REPORT_RESOLVED),
            "note",
            "clause_number",
            "clause_key",
            "source",
            "outcome",
            "ground",
            "automatic",
        )
    ]
    median = median_hours(_report_waits(entries))
    return [*received, *resolved, Figure.of("median hours from report to decision", median)]


def _report_waits(entries: QuerySet[AuditEntry]) -> list[tuple[datetime, datetime]]:
    """For each report first resolved this month (a later reinstatement is no decision on the
    report), when it was made and when it was resolved, both from the log."""
    resolved: dict[int, datetime] = {}
    rows = (
        entries.filter(event=Event.REPORT_RESOLVED, record_id__isnull=False)
        .exclude(outcome="reinstated")
        .order_by("created_at", "pk")
        .values_list("record_id", "created_at")
    )
    for record_id, created_at in rows:
        if record_id is not None:
            resolved.setdefault(record_id, created_at)
    if not resolved:
        return []
    made = AuditEntry.objects.filter(event=Event.REPORTED, record_id__in=list(resolved))
    return [
        (reported, resolved[record_id])
        for record_id, reported in made.order_by().values_list("record_id", "created_at")
        if record_id is not None
    ]


# ---------------------------------------------------------------- appeals


def appeal_figures(entries: QuerySet[AuditEntry]) -> list[Figure]:
    """Appeals filed and decided, by basis and whether screening had flagged what was appealed;
    the decided ones by outcome; the median hours from filing to the decision; the appeals
    against flagged items and those of them reversed; reinstatements that no appeal asked for."""
    filed = _grouped(entries.filter(event=Event.APPEAL_FILED), "basis", "screening_flagged")
    decided = _grouped(
        entries.filter(event__in=list(APPEAL_OUTCOMES)), "basis", "event", "screening_flagged"
    )
    flagged_filed = sum(row["n"] for row in filed if row["screening_flagged"])
    flagged_reversed = sum(
        row["n"]
        for row in decided
        if row["screening_flagged"] and row["event"] == Event.APPEAL_UPHELD
    )
    without_appeal = entries.filter(event=Event.REINSTATED, basis="").order_by().count()
    return [
        *_appeals_by_basis(filed, decided),
        Figure.of("median hours to decide an appeal", median_hours(_appeal_waits(entries))),
        Figure.of("appeals against screening-flagged items", flagged_filed),
        Figure.of("screening-flagged items reversed on appeal", flagged_reversed),
        Figure.of("reinstated without an appeal", without_appeal),
    ]


def _appeals_by_basis(
    filed: list[Mapping[str, Any]], decided: list[Mapping[str, Any]]
) -> list[Figure]:
    figures = [
        Figure.of(
            "appeals filed",
            row["n"],
            basis=row["basis"],
            screening_flagged=yes_no(row["screening_flagged"]),
        )
        for row in filed
    ]
    return figures + [
        Figure.of(
            "appeals decided",
            row["n"],
            basis=row["basis"],
            outcome=APPEAL_OUTCOMES[row["event"]],
            screening_flagged=yes_no(row["screening_flagged"]),
        )
        for row in sorted(decided, key=lambda row: (row["basis"], APPEAL_OUTCOMES[row["event"]]))
    ]


def _appeal_waits(entries: QuerySet[AuditEntry]) -> list[tuple[datetime, datetime]]:
    rows = entries.filter(event__in=list(APPEAL_OUTCOMES)).order_by()
    return [
        (filed_at, decided_at)
        for filed_at, decided_at in rows.values_list("filed_at", "created_at")
        if filed_at is not None
    ]


# ---------------------------------------------------------------- sanctions


MISUSE_MEASURES = {
    Event.REPORTER_WARNED: "misuse: reporters warned",
    Event.REPORTING_SUSPENDED: "misuse: reporting suspended",
    Event.APPEAL_MISUSE_WARNED: "misuse: appellants warned",
    Event.APPEAL_RIGHT_LOST: "misuse: appealing suspended",
}


def sanction_figures(entries: QuerySet[AuditEntry]) -> list[Figure]:
    """Warnings, suspensions and bans by ground; those revoked; and the measures against misuse:
    suspensions for manifestly illegal content, for unfounded reports, for unfounded appeals,
    and the warnings that come before the last two."""
    sanctions: Counter[tuple[str, str, str]] = Counter()
    rows = _grouped(
        entries.filter(event__in=[Event.SANCTIONED, Event.SANCTION_REVOKED]),
        "event",
        "sanction_kind",
        "outcome",
        "ground",
    )
    for row in rows:
        # Older entries name the kind only as their outcome.
        sanctions[(row["event"], row["sanction_kind"] or row["outcome"], row["ground"])] += row["n"]
    misuse = Counter(
        {
            row["event"]: row["n"]
            for row in _grouped(entries.filter(event__in=list(MISUSE_MEASURES)), "event")
        }
    )
    figures = [
        Figure.of("sanctions", n, action=kind, decision_ground=ground)
        for (event, kind, ground), n in sorted(sanctions.items())
        if event == Event.SANCTIONED
    ]
    revoked: Counter[str] = Counter()
    for (event, kind, _ground), n in sanctions.items():
        if event == Event.SANCTION_REVOKED:
            revoked[kind] += n
    figures += [Figure.of("sanctions revoked", n, action=k) for k, n in sorted(revoked.items())]
    illegal = sanctions[(Event.SANCTIONED, policy.SanctionKind.SUSPENSION, policy.Ground.ILLEGAL)]
    figures.append(Figure.of("misuse: suspensions for manifestly illegal content", illegal))
    figures += [Figure.of(measure, misuse[event]) for event, measure in MISUSE_MEASURES.items()]
    return figures


# ---------------------------------------------------------------- authorities


def authority_figures(entries: QuerySet[AuditEntry]) -> list[Figure]:
    """Orders received by type and country; orders acted on by type, country and outcome; the
    median hours from recording an order to acting on it. `entries` are the month's entries
    about the whole site: an order concerns no one edition."""
    received = _grouped(entries.filter(event=Event.AUTHORITY_REQUEST), "outcome", "note")
    answered = list(
        entries.filter(event=Event.AUTHORITY_ANSWERED, record_id__isnull=False)
        .order_by("created_at", "pk")
        .values_list("record_id", "outcome", "created_at")
    )
    recorded = _orders_as_recorded([record_id for record_id, _o, _at in answered])
    # An order acted on twice counts once, with its latest outcome and its first answer's time.
    latest = {record_id: outcome for record_id, outcome, _at in answered}
    first: dict[int, datetime] = {}
    for record_id, _outcome, at in answered:
        if record_id is not None:
            first.setdefault(record_id, at)
    acted: Counter[tuple[str, str, str]] = Counter(
        (*recorded[record_id][:2], outcome)
        for record_id, outcome in latest.items()
        if record_id in recorded
    )
    figures = [
        Figure.of("orders received", row["n"], authority=row["outcome"], country=row["note"])
        for row in received
    ]
    figures += [
        Figure.of("orders acted on", n, authority=kind, country=country, outcome=outcome)
        for (kind, country, outcome), n in sorted(acted.items())
    ]
    waits = [(recorded[key][2], at) for key, at in first.items() if key in recorded]
    return [*figures, Figure.of("median hours from receipt to action", median_hours(waits))]


def _orders_as_recorded(record_ids: list[int | None]) -> dict[int, tuple[str, str, datetime]]:
    """Each order's type, country and time as the entry that recorded it gives them (perhaps
    in an earlier month)."""
    rows = AuditEntry.objects.filter(event=Event.AUTHORITY_REQUEST, record_id__in=record_ids)
    return {
        record_id: (kind, country, at)
        for record_id, kind, country, at in rows.order_by().values_list(
            "record_id", "outcome", "note", "created_at"
        )
        if record_id is not None
    }
