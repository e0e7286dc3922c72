"""Readers' pages: a comment's private status page (with the appeal form), reporting a comment,
and a report's private status page (with the request for a review)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gazette.accounts.readers import reader_of, remember_reader
from gazette.challenges.limits import limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.comments.models import Comment
from gazette.moderation import links, queries
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import AppealForm, ReportForm
from gazette.moderation.models import Decision, Report
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


@require_http_methods(["GET", "HEAD", "POST"])
def report_comment(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _reportable(pk)
    form = ReportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        context = {"comment": comment, "form": form}
        return render(request, "moderation/report.html", context, status=status)
    reader = reader_of(request)
    try:
        limit_action("report", reader)
        report = reports.report_comment(
            comment=comment,
            clause=form.cleaned_data["clause"],
            reporter_key=reader.key,
            reporter=reader.user,
            note=form.cleaned_data["note"],
        )
    except (ModerationError, RateLimited) as exc:
        form.add_error(None, exc.message)
        context = {"comment": comment, "form": form}
        status = 429 if isinstance(exc, RateLimited) else 400
        return render(request, "moderation/report.html", context, status=status)
    messages.success(request, _("Thank you. A moderator will look at this comment."))
    response = HttpResponseRedirect(links.report_status_path(report.pk))
    remember_reader(response, reader, secure=request.is_secure())
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def report_status(request: HttpRequest, token: str) -> HttpResponse:
    report_id = links.report_from_token(token)
    report = (
        Report.objects.select_related("clause__version", "comment__thread")
        .filter(pk=report_id)
        .first()
        if report_id is not None
        else None
    )
    if report is None:
        raise Http404
    if request.method == "POST":
        try:
            reports.request_review(report=report)
        except ModerationError as exc:
            messages.error(request, exc.message)
            return render(request, "moderation/report_status.html", {"report": report}, status=400)
        messages.success(request, _("A moderator will look at this comment again."))
        return HttpResponseRedirect(request.path)
    removal = (
        Decision.objects.filter(comment_id=report.comment_id, action="remove")
        .select_related("clause")
        .first()
    )
    context = {
        "report": report,
        "removal": removal,
        "appeal_path": links.report_appeal_path(report.pk) if report.resolved_at else "",
    }
    response = render(request, "moderation/report_status.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
