"""The overview's and the panel's charts: SVG drawn by core.charts, each with the rows that the
page repeats as a visually hidden table for screen readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gazette.core import charts
from gazette.newsroom import policy
from gazette.newsroom.panel import Panel
from gazette.newsroom.queries import Overview

SECTIONS_CHARTED = 12


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString
    heading: str
    rows: list[tuple[str, str]]


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)} %"


def _day(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def overview_charts(overview: Overview) -> list[Chart]:
    weeks = [(_day(week.start), float(week.comments)) for week in overview.weeks]
    week_votes = [(_day(week.start), float(week.votes)) for week in overview.weeks]
    sections = [(row.label, row.comments) for row in overview.sections[:SECTIONS_CHARTED]]
    shares = [
        (row.label, row.yes_share)
        for row in overview.sections[:SECTIONS_CHARTED]
        if row.yes_share is not None
    ]
    brackets = policy.HISTOGRAM_BRACKETS
    bracket_labels = [
        f"{round(100 * index / brackets)}-{round(100 * (index + 1) / brackets)} %"
        for index in range(brackets)
    ]
    spread = list(zip(bracket_labels, overview.histogram, strict=True))
    return [
        Chart(
            _("Published comments per week"),
            charts.column_chart(_("Published comments per week"), weeks),
            _("Week starting"),
            [(label, str(int(value))) for label, value in weeks],
        ),
        Chart(
            _("Poll votes per week"),
            charts.column_chart(_("Poll votes per week"), week_votes),
            _("Week starting"),
            [(label, str(int(value))) for label, value in week_votes],
        ),
        Chart(
            _("Published comments by section"),
            charts.bar_chart(_("Published comments by section"), sections),
            _("Section"),
            [(label, str(value)) for label, value in sections],
        ),
        Chart(
            _("Share of yes by section"),
            charts.column_chart(
                _("Share of yes by section"),
                [(label, value) for label, value in shares if value is not None],
                percent=True,
            ),
            _("Section"),
            [(label, _percent(value)) for label, value in shares],
        ),
        Chart(
            _("Articles by share of yes in their poll"),
            charts.column_chart(
                _("Articles by share of yes in their poll"),
                [(label, float(count)) for label, count in spread],
            ),
            _("Share of yes"),
            [(label, str(count)) for label, count in spread],
        ),
    ]


def panel_charts(panel: Panel) -> list[Chart]:
    shares = [
        (_day(day.day), day.cumulative_share)
        for day in panel.days
        if day.cumulative_share is not None
    ]
    comments = [(_day(day.day), float(day.comments)) for day in panel.days]
    return [
        Chart(
            _("Share of yes since publication"),
            charts.line_chart(
                _("Share of yes since publication"),
                [(label, value) for label, value in shares if value is not None],
                percent=True,
            ),
            _("Day"),
            [(label, _percent(value)) for label, value in shares],
        ),
        Chart(
            _("Published comments per day"),
            charts.column_chart(_("Published comments per day"), comments),
            _("Day"),
            [(label, str(int(value))) for label, value in comments],
        ),
    ]
