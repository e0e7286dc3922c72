"""The published forms of a month's transparency report: the JSON document and the CSV rows,
both written from the one table `MonthReport.table()` gives, under an open licence.

The JSON's shape is documented in docs/moderation.md ("Transparency report") and named by its
`schema` field; a change of shape gets a new version there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from gazette.moderation.transparency import MonthReport
from gazette.moderation.transparency_figures import Figure

SCHEMA = "gazette-transparency-report/1"
# The JSON Schema of that shape, published beside the reports.
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "transparency-report.schema.json"
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Reports stay published at least this long (Implementing Regulation (EU) 2024/2835 keeps
# them five years); they are computed from the audit log, which is never pruned.
RETENTION_YEARS = 5
GENERATED_FROM = "audit log"
# What figures are broken down by: a column each in the CSV, a key each in the JSON (when set).
DIMENSIONS = (
    "clause",
    "action",
    "source",
    "detected_automatically",
    "automation",
    "ground",
    "decision_ground",
    "outcome",
    "basis",
    "screening_flagged",
    "automated",
    "authority",
    "country",
    "rule",
    "written",
)
CSV_HEADER = ["edition", "month", "section", "measure", *DIMENSIONS, "value"]


def month_code(report: MonthReport) -> str:
    return f"{report.month:%Y-%m}"


def retention_statement() -> str:
    return _(
        "Each monthly report stays published at its address for at least %(years)s years. It "
        "is computed from the moderation audit log, which is kept."
    ) % {"years": RETENTION_YEARS}


def figure_json(figure: Figure) -> dict[str, Any]:
    return {"measure": figure.measure, **dict(figure.breakdown), "value": figure.value}


def document(report: MonthReport, urls: dict[str, str]) -> dict[str, Any]:
    """The JSON document of the month: what it is, its licence and retention, its addresses
    (`urls`: page, csv, json) and every figure by section."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for section, figure in report.table():
        sections.setdefault(section, []).append(figure_json(figure))
    return {
        "schema": SCHEMA,
        "edition": report.edition,
        "month": month_code(report),
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "retention": {"minimum_years": RETENTION_YEARS, "statement": retention_statement()},
        "generated_from": GENERATED_FROM,
        "urls": urls,
        "sections": sections,
    }


def _cell(value: int | float | None) -> str:
    return "" if value is None else str(value)


def csv_rows(report: MonthReport) -> list[list[str]]:
    """The CSV: a header, three rows saying what the table is (licence, retention, source),
    then a row per figure."""
    edition, month = report.edition, month_code(report)
    blank = [""] * len(DIMENSIONS)
    rows = [
        CSV_HEADER,
        [edition, month, "report", "licence", *blank, f"{LICENCE_NAME} {LICENCE_URL}"],
        [edition, month, "report", "retention", *blank, f"at least {RETENTION_YEARS} years"],
        [edition, month, "report", "generated from", *blank, GENERATED_FROM],
    ]
    for section, figure in report.table():
        cells = [figure.by(dimension) for dimension in DIMENSIONS]
        rows.append([edition, month, section, figure.measure, *cells, _cell(figure.value)])
    return rows
