"""Charts drawn on the server as SVG: no script, nothing fetched from elsewhere.

Used by the transparency report (moderation) and the newsroom dashboard, so it lives in the
kernel. Every label passes through format_html, so text from the database cannot break out of the
SVG. Each chart carries a <title> and a <desc> listing its values; pages add the same values as a
visually hidden table for screen readers.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 640
BAR = 22
GAP = 8
LABEL = 260
VALUE = 60


def bar_chart(title: str, rows: list[tuple[str, int]]) -> SafeString:
    """A horizontal bar chart of labelled counts, with an accessible title and description."""
    height = max(1, len(rows)) * (BAR + GAP) + GAP
    largest = max((value for _label, value in rows), default=0) or 1
    room = WIDTH - LABEL - VALUE
    bars = format_html_join(
        "",
        '<g transform="translate(0,{})">'
        '<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" fill="#2a6ebb"></rect>'
        '<text x="{}" y="{}" font-size="13">{}</text></g>',
        (
            (
                GAP + index * (BAR + GAP),
                LABEL - 8,
                BAR - 6,
                label,
                LABEL,
                round(room * value / largest),
                BAR,
                LABEL + round(room * value / largest) + 6,
                BAR - 6,
                value,
            )
            for index, (label, value) in enumerate(rows)
        ),
    )
    description = "; ".join(f"{label}: {value}" for label, value in rows)
    return format_html(
        '<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 {} {}" width="{}" height="{}"><title>{}</title><desc>{}</desc>{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        title,
        description,
        bars,
    )


COLUMN_AREA = 200
# Up to this many columns each is labelled; past it, about eight labels in all.
LABELLED_COLUMNS = 16
COLUMN_TOP = 12
AXIS = 36


def column_chart(title: str, rows: list[tuple[str, float]], *, percent: bool = False) -> SafeString:
    """Vertical columns of labelled values in order (weeks, share brackets), with a baseline.

    `percent` says the values are shares from 0 to 1: columns are scaled to 100 %, not to the
    largest value, and printed as percentages.
    """
    count = max(1, len(rows))
    step = (WIDTH - GAP) / count
    largest = 1.0 if percent else float(max((value for _label, value in rows), default=0) or 1)
    baseline = COLUMN_TOP + COLUMN_AREA
    columns = format_html_join(
        "",
        '<g><rect x="{}" y="{}" width="{}" height="{}" fill="#2a6ebb"></rect>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text></g>',
        (
            (
                round(GAP + index * step, 1),
                round(baseline - COLUMN_AREA * value / largest, 1),
                round(max(1.0, step - GAP), 1),
                round(COLUMN_AREA * value / largest, 1),
                round(GAP + index * step + (step - GAP) / 2, 1),
                baseline + 14,
                label if count <= LABELLED_COLUMNS or index % max(1, count // 8) == 0 else "",
                round(GAP + index * step + (step - GAP) / 2, 1),
                round(baseline - COLUMN_AREA * value / largest - 3, 1),
                _shown(value, percent=percent) if count <= LABELLED_COLUMNS else "",
            )
            for index, (label, value) in enumerate(rows)
        ),
    )
    return _on_baseline(title, rows, baseline, columns, percent=percent)


def line_chart(title: str, points: list[tuple[str, float]], *, percent: bool = False) -> SafeString:
    """A line through labelled values in order (days since publication), with a baseline."""
    count = len(points)
    largest = 1.0 if percent else float(max((value for _label, value in points), default=0) or 1)
    baseline = COLUMN_TOP + COLUMN_AREA
    step = (WIDTH - 2 * GAP) / max(1, count - 1)
    coordinates = [
        (round(GAP + index * step, 1), round(baseline - COLUMN_AREA * value / largest, 1))
        for index, (_label, value) in enumerate(points)
    ]
    path = " ".join(f"{x},{y}" for x, y in coordinates)
    ends = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}" font-size="11">{}</text>',
        (
            (x, baseline + 14, anchor, label)
            for (x, _y), (label, _value), anchor in (
                (coordinates[0], points[0], "start"),
                (coordinates[-1], points[-1], "end"),
            )
        )
        if points
        else (),
    )
    line = format_html(
        '<polyline points="{}" fill="none" stroke="#2a6ebb" stroke-width="2"></polyline>{}',
        path,
        ends,
    )
    return _on_baseline(title, points, baseline, line, percent=percent)


def _on_baseline(
    title: str,
    rows: list[tuple[str, float]],
    baseline: float,
    drawing: SafeString,
    *,
    percent: bool,
) -> SafeString:
    """A chart's SVG: its title, a description listing every value, a baseline and the drawing."""
    height = baseline + AXIS
    description = "; ".join(f"{label}: {_shown(value, percent=percent)}" for label, value in rows)
    return format_html(
        '<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 {} {}" width="{}" height="{}"><title>{}</title><desc>{}</desc>'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#555"></line>{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        title,
        description,
        baseline,
        WIDTH,
        baseline,
        drawing,
    )


def _shown(value: float, *, percent: bool) -> str:
    if percent:
        return f"{round(value * 100)} %"
    return (
        str(round(value, 1))
        if isinstance(value, float) and not value.is_integer()
        else str(int(value))
    )
