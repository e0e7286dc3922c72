"""Bar charts drawn on the server as SVG: no script, nothing fetched from elsewhere.

Every label passes through format_html, so text from the database cannot break out of the SVG.
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
