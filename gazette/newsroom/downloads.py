"""CSV and JSON files of the dashboard's tables: the same rows the page shows, every row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse, JsonResponse

from gazette.newsroom import policy
from gazette.newsroom.figures import RECORD_FIELDS

TABLES = ("sections", "authors", "articles", "weeks", "clauses")
WEEK_FIELDS = ["week", "votes", "votes_yes", "votes_no", "comments"]
CLAUSE_FIELDS = ["key", "label", "decisions"]


def _name(table: str, period: policy.Period, edition: str, extension: str) -> str:
    return f"newsroom-{table}-{edition or 'all'}-{period.first}-{period.last}.{extension}"


def csv_file(
    table: str,
    period: policy.Period,
    edition: str,
    records: Iterable[dict[str, object]],
    fields: list[str],
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    for record in records:
        writer.writerow({name: "" if record[name] is None else record[name] for name in fields})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_name(table, period, edition, "csv")}"'
    )
    return response


def json_file(
    table: str,
    period: policy.Period,
    edition: str,
    records: list[dict[str, object]],
    as_of: str | None,
) -> JsonResponse:
    response = JsonResponse(
        {
            "table": table,
            "first_day": period.first.isoformat(),
            "last_day": period.last.isoformat(),
            "edition": edition,
            "figures_as_of": as_of,
            "rows": records,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_name(table, period, edition, "json")}"'
    )
    return response


def fields_of(table: str) -> list[str]:
    return {"weeks": WEEK_FIELDS, "clauses": CLAUSE_FIELDS}.get(table, RECORD_FIELDS)
