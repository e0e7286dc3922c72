"""The public transparency report: an index of months, and for each month a page, a CSV file and
a JSON document at permanent addresses (`/transparency/2026-11/`, `.csv`, `.json`), in the
edition the reader is in. The addresses of the first releases redirect permanently."""

from __future__ import annotations

import csv
from datetime import date

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from gazette.core import charts
from gazette.core.http import absolute_url
from gazette.moderation import transparency, transparency_labels
from gazette.moderation import transparency_document as published

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


def _addresses(year: int, month: int) -> dict[str, str]:
    kwargs = {"year": year, "month": month}
    return {
        form: absolute_url(reverse(f"moderation:transparency_{name}", kwargs=kwargs))
        for form, name in (("page", "month"), ("csv", "csv"), ("json", "json"))
    }


def _licensed(response: HttpResponse) -> HttpResponse:
    response["Link"] = f'<{published.LICENCE_URL}>; rel="license"'
    return response


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
    context = {
        "report": report,
        "arrival_chart": arrival,
        "removals_chart": removals,
        "sections": transparency_labels.page_sections(report),
        "licence_name": published.LICENCE_NAME,
        "licence_url": published.LICENCE_URL,
        "retention": published.retention_statement(),
    }
    return _licensed(render(request, "moderation/transparency_month.html", context))


@require_safe
@cache_control(public=True, max_age=300)
def month_csv(request: HttpRequest, year: int, month: int) -> HttpResponse:
    edition = _edition()
    report = transparency.month_report(edition, _month(year, month))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"transparency-{edition}-{year:04d}-{month:02d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(published.csv_rows(report))
    return _licensed(response)


@require_safe
@cache_control(public=True, max_age=300)
def month_json(request: HttpRequest, year: int, month: int) -> HttpResponse:
    report = transparency.month_report(_edition(), _month(year, month))
    document = published.document(report, _addresses(year, month))
    response = _licensed(
        JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    )
    schema = reverse("moderation:transparency_schema")
    response["Link"] = f'{response["Link"]}, <{schema}>; rel="describedby"'
    return response


@require_safe
@cache_control(public=True, max_age=3600)
def report_schema(request: HttpRequest) -> HttpResponse:
    """The JSON Schema every month's JSON follows."""
    return HttpResponse(published.SCHEMA_FILE.read_bytes(), content_type="application/schema+json")


def _moved(name: str, year: int, month: int) -> HttpResponse:
    _month(year, month)
    return HttpResponsePermanentRedirect(
        reverse(f"moderation:{name}", kwargs={"year": year, "month": month})
    )


@require_safe
def month_page_moved(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """The first address of a month's page, moved for good."""
    return _moved("transparency_month", year, month)


@require_safe
def month_csv_moved(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """The first address of a month's CSV, moved for good."""
    return _moved("transparency_csv", year, month)
