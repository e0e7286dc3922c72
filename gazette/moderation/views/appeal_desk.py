"""Reviewers' pages: the open appeals of every kind, one appeal with the appellant's statement
and what is appealed, taking or assigning it, and the languages a reviewer reads."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gazette.accounts.models import User
from gazette.moderation import reviewers
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import AppealDecisionForm, AssignAppealForm, ReviewerLanguagesForm
from gazette.moderation.models import Appeal
from gazette.moderation.services import appeals
from gazette.moderation.services.reviewers import set_reviewer_languages
from gazette.moderation.views.queue import staff_only

DECIDE_APPEALS = reviewers.DECIDE_APPEALS


def _reviewer(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # pragma: no cover - login_required came first
        raise Http404
    return user


def reviewers_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    return login_required(permission_required(DECIDE_APPEALS, raise_exception=True)(view))


@require_safe
@staff_only
def appeal_list(request: HttpRequest) -> HttpResponse:
    """Open appeals, oldest first, with their language, reviewer and date due."""
    pending = list(
        Appeal.objects.pending().select_related("assigned_to").order_by("decide_by", "pk")[:200]
    )
    return render(request, "moderation/appeal_list.html", {"appeals": pending})


@require_safe
@staff_only
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(
        Appeal.objects.select_related(
            "decision__clause",
            "decision__comment",
            "sanction__clause",
            "refusal",
            "report__clause",
            "report__comment",
            "assigned_to",
            "decided_by",
        ),
        pk=pk,
    )
    actor = _reviewer(request)
    context = {
        "appeal": appeal,
        "comment": appeal.comment,
        "may_review": reviewers.may_review(actor, appeal),
        "decision_form": AppealDecisionForm(),
        "assign_form": AssignAppealForm(),
    }
    response = render(request, "moderation/appeal_detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@reviewers_only
def assign_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(Appeal, pk=pk)
    form = AssignAppealForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "moderation/refused.html",
            {"message": _("Choose a reviewer who decides appeals.")},
            status=400,
        )
    try:
        appeals.assign_appeal(
            appeal=appeal, actor=_reviewer(request), reviewer=form.cleaned_data["reviewer"]
        )
    except ModerationError as exc:
        return render(
            request, "moderation/refused.html", {"message": exc.message}, status=exc.status
        )
    messages.success(request, _("The appeal is in review."))
    return HttpResponseRedirect(reverse("moderation:appeal", kwargs={"pk": appeal.pk}))


@require_http_methods(["GET", "HEAD", "POST"])
@reviewers_only
def reviewer_languages(request: HttpRequest) -> HttpResponse:
    actor = _reviewer(request)
    initial = {"languages": sorted(reviewers.languages_of(actor))}
    form = ReviewerLanguagesForm(request.POST or None, initial=initial)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "moderation/reviewer_languages.html", {"form": form}, status=status)
    set_reviewer_languages(user=actor, languages=form.cleaned_data["languages"])
    messages.success(request, _("Your languages are saved; appeals in them may come to you."))
    return HttpResponseRedirect(reverse("moderation:reviewer_languages"))
