"""Readers' pages: a comment's private status page (with the appeal form), reporting a comment,
a report's private status page (with the request for a review) and a reader's own reports."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from gazette.accounts.readers import reader_of, remember_reader
from gazette.challenges.limits import limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.comments.models import Comment
from gazette.core.http import absolute_url, wants_json
from gazette.moderation import links, queries
from gazette.moderation.exceptions import ModerationError, ReportingSuspended
from gazette.moderation.forms import AppealForm, ReportForm
from gazette.moderation.models import Report
from gazette.moderation.services import appeals, reports
from gazette.moderation.views.appeals import file_from_form, filed


@require_http_methods(["GET", "HEAD", "POST"])
def comment_status(request: HttpRequest, token: str) -> HttpResponse:
    comment_id = links.comment_from_token(token)
    if comment_id is None:
        raise Http404
    status = queries.comment_status(comment_id)
    if status is None:
        raise Http404
    form = AppealForm()
    if request.method == "POST":
        form = AppealForm(request.POST)
        # The latest decision: the service says why it cannot be appealed, if it cannot.
        decision = status.decisions[-1] if status.decisions else None
        if decision is None:
            messages.error(request, _("There is no decision on this comment to appeal."))
            return render(request, "moderation/status.html", {"status": status}, status=400)
        status_code = 400
        if form.is_valid():
            appeal, status_code = file_from_form(
                request, appeals.file_appeal, {"decision": decision}, form
            )
            if appeal is not None:
                return filed(request, appeal)
        context = {"status": queries.comment_status(comment_id), "form": form}
        return render(request, "moderation/status.html", context, status=status_code)
    response = render(request, "moderation/status.html", {"status": status, "form": form})
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


def _reportable(pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("thread__article"), pk=pk, state=Comment.State.PUBLISHED
    )


def _report_refused(
    request: HttpRequest, comment: Comment, form: ReportForm, status: int
) -> HttpResponse:
    if wants_json(request):
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"errors": errors}, status=status)
    context = {"comment": comment, "form": form}
    return render(request, "moderation/report.html", context, status=status)


def _refusal_status(exc: Exception) -> int:
    if isinstance(exc, RateLimited):
        return exc.status
    if isinstance(exc, ReportingSuspended):
        return 403
    return 400


@require_http_methods(["GET", "HEAD", "POST"])
def report_comment(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _reportable(pk)
    form = ReportForm(request.POST or None)
    if request.method != "POST":
        return render(request, "moderation/report.html", {"comment": comment, "form": form})
    if not form.is_valid():
        return _report_refused(request, comment, form, 400)
    reader = reader_of(request)
    data = form.cleaned_data
    try:
        limit_action("report", reader)
        report = reports.report_comment(
            comment=comment,
            clause=data["clause"],
            reporter_key=reader.key,
            reporter=reader.user,
            note=data["note"],
            ground=data["ground"],
            legal_ground=data["legal_ground"],
            bona_fide=data["bona_fide"],
            reporter_name=data["name"],
            reporter_email=data["email"],
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
    except (ModerationError, RateLimited) as exc:
        form.add_error(None, exc.message)
        return _report_refused(request, comment, form, _refusal_status(exc))
    status_path = links.report_status_path(report.pk)
    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {"report": report.pk, "status_url": absolute_url(status_path, request=request)},
            status=201,
        )
    else:
        messages.success(request, _("Thank you. A moderator will look at this comment."))
        response = HttpResponseRedirect(status_path)
    remember_reader(response, reader, secure=request.is_secure())
    return response


@require_safe
def report_status(request: HttpRequest, token: str) -> HttpResponse:
    """What became of a report; a reporter who disagrees with the outcome appeals it."""
    report_id = links.report_from_token(token)
    report = queries.report_for_reporter(report_id) if report_id is not None else None
    if report is None:
        raise Http404
    context = {
        "report": report,
        "appeal_path": links.report_appeal_path(report.pk) if report.resolved_at else "",
    }
    response = render(request, "moderation/report_status.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """A signed-in reader's reports, each with its status and outcome."""
    reader = reader_of(request)
    mine = queries.reports_of_reader(reader.key)
    if wants_json(request):
        return JsonResponse({"reports": [_report_as_json(report) for report in mine]})
    response = render(request, "moderation/my_reports.html", {"reports": mine})
    response["X-Robots-Tag"] = "noindex"
    return response


def _report_as_json(report: Report) -> dict[str, object]:
    return {
        "id": report.pk,
        "comment": report.comment_id,
        "ground": report.ground,
        "clause": report.clause.number if report.clause is not None else None,
        "policy_version": report.policy_version,
        "law": report.legal_ground,
        "reported_at": report.created_at.isoformat(),
        "status": "open" if report.outcome == Report.Outcome.OPEN else "decided",
        "outcome": report.outcome,
        "resolved_at": report.resolved_at.isoformat() if report.resolved_at else None,
        "automated": report.automated,
        "status_url": absolute_url(links.report_status_path(report.pk)),
    }
