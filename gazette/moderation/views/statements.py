"""Senior moderators download the statements of reasons of a range of days, in the EU
Transparency Database's shape, as JSON Lines (one statement per line)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gazette.moderation.forms import StatementPeriodForm
from gazette.moderation.tdb_export import Period, json_lines

EXPORT = "moderation.export_statements"


@require_safe
@login_required
@permission_required(EXPORT, raise_exception=True)
def download_statements(request: HttpRequest) -> HttpResponseBase:
    """The form, or (given a valid range) the file."""
    form = StatementPeriodForm(request.GET or None)
    if not form.is_valid():
        status = 400 if request.GET else 200
        return render(request, "moderation/statements.html", {"form": form}, status=status)
    since, until = form.cleaned_data["since"], form.cleaned_data["until"]
    response = StreamingHttpResponse(
        json_lines(Period(since=since, until=until)),
        content_type="application/jsonl; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="statements-{since}-{until}.jsonl"'
    return response
