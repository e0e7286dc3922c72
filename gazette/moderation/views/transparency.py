"""The public transparency report: an index of months, a page and a CSV file per month, in the
edition the reader is in."""

from __future__ import annotations

import csv
from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from gazette.moderation import charts, transparency

FIRST_YEAR = 2000


def _edition() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _month(year: int, month: int) -> date:
    today = timezone.localdate()
    if not (FIRST_YEAR <= year <= today.year and 1 <= month <= 12):  # noqa: PLR2004
        raise Http404
    chosen = date(year, month, 1)
    if chosen > today:
        raise Http404
    return chosen


@require_safe
@cache_control(public=True, max_age=300)
def index(request: HttpRequest) -> HttpResponse:
    months = transparency.months_with_entries(_edition())
    return render(request, "moderation/transparency_index.html", {"months": months})


@require_safe
@cache_control(public=True, max_age=300)
def month_page(request: HttpRequest, year: int, month: int) -> HttpResponse:
    report = transparency.month_report(_edition(), _month(year, month))
    arrival = charts.bar_chart(
        _("Comments on arrival"),
        [
            (_("Published"), report.published_on_arrival),
            (_("Held for review"), report.held_on_arrival),
            (_("Rejected"), report.rejected_on_arrival),
        ],
    )
    removals = charts.bar_chart(
        _("Comments removed, by clause"),
        [
            (f"{item.number or '-'}. {item.title or item.key}", item.count)
            for item in report.removals_by_clause
        ],
    )
    context = {"report": report, "arrival_chart": arrival, "removals_chart": removals}
    return render(request, "moderation/transparency_month.html", context)


@require_safe
@cache_control(public=True, max_age=300)
def month_csv(request: HttpRequest, year: int, month: int) -> HttpResponse:
    edition = _edition()
    report = transparency.month_report(edition, _month(year, month))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"transparency-{edition}-{year:04d}-{month:02d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(["edition", "month", "measure", "clause", "value"])
    for measure, clause, value in report.rows():
        writer.writerow([edition, f"{year:04d}-{month:02d}", measure, clause, value])
    return response
