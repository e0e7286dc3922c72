"""Appellants' pages, each reached by a private signed link: appealing a sanction, a comment
screening refused, or a report closed with no action; and following an appeal.

(A removal or hold is appealed from the comment's status page, views/public.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from gazette.accounts.readers import reader_of, remember_reader
from gazette.challenges.limits import limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.core import clock
from gazette.moderation import links, policy
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import AppealForm
from gazette.moderation.models import Appeal, Report, Sanction, ScreeningRefusal
from gazette.moderation.services import appeals

FileAppeal = Callable[..., Appeal]


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


def file_from_form(
    request: HttpRequest, file: FileAppeal, target: dict[str, Any], form: AppealForm
) -> tuple[Appeal | None, int]:
    """File an appeal from a valid form: the appeal, or None with the error status (the
    message is added to the request)."""
    reader = reader_of(request)
    try:
        limit_action("appeal", reader)
        appeal = file(
            **target,
            statement=form.cleaned_data["statement"],
            information=form.cleaned_data["information"],
            appellant=reader,
        )
    except RateLimited as exc:
        messages.error(request, exc.message)
        return None, 429
    except ModerationError as exc:
        messages.error(request, exc.message)
        return None, exc.status
    return appeal, 200


def _appeal_page(
    request: HttpRequest,
    *,
    file: FileAppeal,
    target: dict[str, Any],
    context: dict[str, Any],
    open_: bool,
) -> HttpResponse:
    """The page showing what is appealed, with the form while an appeal may be filed."""
    form = AppealForm(request.POST or None)
    context = {**context, "form": form if open_ or request.method == "POST" else None}
    if request.method != "POST":
        return _private(render(request, "moderation/appeal_file.html", context))
    # Whether it may be appealed (once, in time) is the service's to say, with its reasons.
    if not form.is_valid():
        return render(request, "moderation/appeal_file.html", context, status=400)
    appeal, status = file_from_form(request, file, target, form)
    if appeal is None:
        return render(request, "moderation/appeal_file.html", context, status=status)
    return filed(request, appeal)


def filed(request: HttpRequest, appeal: Appeal) -> HttpResponse:
    """To the new appeal's status page; the reader's key is kept, as misuse is counted by it."""
    messages.success(request, _("Your appeal was filed. Keep this page's address to follow it."))
    response = HttpResponseRedirect(links.appeal_status_path(appeal.pk))
    remember_reader(response, reader_of(request), secure=request.is_secure())
    return response


def _deadline_open(informed_at: datetime, *, appealed: bool) -> tuple[datetime, bool]:
    deadline = policy.appeal_deadline(informed_at)
    return deadline, not appealed and clock.now() <= deadline


@require_http_methods(["GET", "HEAD", "POST"])
def sanction_appeal(request: HttpRequest, token: str) -> HttpResponse:
    sanction_id = links.sanction_from_token(token)
    sanction = (
        Sanction.objects.select_related("clause__version", "appeal").filter(pk=sanction_id).first()
        if sanction_id is not None
        else None
    )
    if sanction is None:
        raise Http404
    appeal = getattr(sanction, "appeal", None)
    deadline, open_ = _deadline_open(sanction.starts_at, appealed=appeal is not None)
    context = {
        "basis": "sanction",
        "sanction": sanction,
        "appeal": appeal,
        "deadline": deadline,
    }
    open_ = open_ and sanction.revoked_at is None
    return _appeal_page(
        request,
        file=appeals.appeal_sanction,
        target={"sanction": sanction},
        context=context,
        open_=open_,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def refusal_appeal(request: HttpRequest, token: str) -> HttpResponse:
    refusal_id = links.refusal_from_token(token)
    refusal = (
        ScreeningRefusal.objects.select_related("thread__article", "appeal")
        .filter(pk=refusal_id)
        .first()
        if refusal_id is not None
        else None
    )
    if refusal is None:
        raise Http404
    appeal = getattr(refusal, "appeal", None)
    deadline, open_ = _deadline_open(refusal.created_at, appealed=appeal is not None)
    context = {"basis": "refusal", "refusal": refusal, "appeal": appeal, "deadline": deadline}
    return _appeal_page(
        request,
        file=appeals.appeal_refusal,
        target={"refusal": refusal},
        context=context,
        open_=open_,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report_appeal(request: HttpRequest, token: str) -> HttpResponse:
    report_id = links.report_from_token(token)
    report = (
        Report.objects.select_related("clause__version", "comment", "appeal")
        .filter(pk=report_id)
        .first()
        if report_id is not None
        else None
    )
    if report is None or report.resolved_at is None:
        raise Http404
    appeal = getattr(report, "appeal", None)
    deadline, open_ = _deadline_open(report.resolved_at, appealed=appeal is not None)
    open_ = open_ and report.outcome == Report.Outcome.NO_ACTION
    context = {"basis": "no_action", "report": report, "appeal": appeal, "deadline": deadline}
    return _appeal_page(
        request,
        file=appeals.appeal_no_action,
        target={"report": report},
        context=context,
        open_=open_,
    )


@require_safe
def appeal_status(request: HttpRequest, token: str) -> HttpResponse:
    appeal_id = links.appeal_from_token(token)
    appeal = (
        Appeal.objects.select_related("sanction__clause", "refusal", "report__clause")
        .prefetch_related("notices")
        .filter(pk=appeal_id)
        .first()
        if appeal_id is not None
        else None
    )
    if appeal is None:
        raise Http404
    context = {"appeal": appeal, "target_days": policy.APPEAL_TARGET_DAYS}
    return _private(render(request, "moderation/appeal_status.html", context))
