"""The moderation queue: staff pages that parse the request, call one service, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from gazette.accounts.models import User
from gazette.articles.models import Section
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import desk
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import (
    AppealDecisionForm,
    AuthorityActionForm,
    BulkDecisionForm,
    DecisionForm,
    QueueFilterForm,
    RevokeSanctionForm,
    SanctionForm,
    clauses_in_force,
)
from gazette.moderation.models import Appeal, AuthorityRequest, Sanction
from gazette.moderation.policy import STRIKE_PERIOD_DAYS
from gazette.moderation.sanctions import next_rung_for
from gazette.moderation.services import appeals, authority, decisions, desk_decisions
from gazette.moderation.services import sanctions as sanction_services

MODERATE = "moderation.moderate_comments"


def staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    return login_required(permission_required(MODERATE, raise_exception=True)(view))


def _actor(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # pragma: no cover - login_required came first
        raise Http404
    return user


def _back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = default
    return HttpResponseRedirect(target)


def _filters(request: HttpRequest) -> desk.Filters:
    form = QueueFilterForm(request.GET)
    if not form.is_valid():
        return desk.Filters()
    data = form.cleaned_data
    return desk.Filters(
        data["section"],
        data["language"],
        data["story"],
        order=desk.RecentOrder(data["order"] or desk.RecentOrder.RISK),
        with_links=data["with_links"],
        first_time=data["first_time"],
    )


@require_safe
@staff_only
def queue(request: HttpRequest, name: str = "pending") -> HttpResponse:
    try:
        chosen = desk.Queue(name)
    except ValueError as exc:
        raise Http404 from exc
    filters = _filters(request)
    number = request.GET.get("page", 1)
    if chosen == desk.Queue.RECENT:
        page = desk.recent_page(filters, number)
    else:
        page = desk.queue_page(chosen, filters, number)
    context: dict[str, Any] = {
        "queue": chosen,
        "queues": list(desk.Queue),
        "counts": desk.queue_counts(filters),
        "filters": filters,
        "story_threads": desk.story_threads(filters.story),
        "page": page,
        "clauses": list(clauses_in_force()),
        "sections": Section.objects.all(),
        "languages": settings.LANGUAGES,
        "may_decide_appeals": request.user.has_perm("moderation.decide_appeals"),
        "recent_days": desk.RECENT_DAYS,
        # The live script names a decided item's new state in the page's language.
        "state_labels": dict(Comment.State.choices),
    }
    return render(request, "moderation/queue.html", context)


@require_POST
@staff_only
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    form = DecisionForm(request.POST)
    default = reverse("moderation:queue")
    if not form.is_valid():
        messages.error(request, _("Choose an action (and a clause to remove)."))
        return _back(request, default)
    try:
        messages.success(
            request,
            desk_decisions.decide_from_desk(
                comment=comment, actor=_actor(request), data=form.cleaned_data
            ),
        )
    except ModerationError as exc:
        return _refused(request, exc, default)
    return _back(request, default)


def _refused(request: HttpRequest, exc: ModerationError, default: str) -> HttpResponse:
    """A decision the service refused: nothing was written; say why, with the way back."""
    back = _back(request, default).url
    context = {"message": exc.message, "back": back}
    return render(request, "moderation/refused.html", context, status=exc.status)


@require_POST
@staff_only
def bulk(request: HttpRequest) -> HttpResponse:
    form = BulkDecisionForm(request.POST)
    default = reverse("moderation:queue")
    if not form.is_valid():
        messages.error(request, _("Select comments and an action (and a clause to remove)."))
        return _back(request, default)
    try:
        result = decisions.decide_many(
            comment_ids=form.cleaned_data["comments"],
            action=form.cleaned_data["action"],
            actor=_actor(request),
            clause=form.cleaned_data.get("clause"),
            note=form.cleaned_data.get("note", ""),
            explanation=form.cleaned_data.get("explanation", ""),
        )
    except ModerationError as exc:
        return _refused(request, exc, default)
    messages.success(
        request,
        ngettext("%(count)d comment decided.", "%(count)d comments decided.", result.done)
        % {"count": result.done},
    )
    if result.skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)d comment had changed meanwhile and was left alone.",
                "%(count)d comments had changed meanwhile and were left alone.",
                result.skipped,
            )
            % {"count": result.skipped},
        )
    return _back(request, default)


@staff_only
def sanction(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("thread__article", "user"), pk=pk)
    form = SanctionForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        strikes, rung = next_rung_for(
            user_id=comment.user_id,
            email=comment.email,
            ip_hash=comment.ip_hash,
            immediate=False,
            now=clock.now(),
        )
        context = {
            "comment": comment,
            "form": form,
            "item": desk.item_for(comment),
            "revoke_form": RevokeSanctionForm(),
            "strikes": strikes,
            "rung": rung,
            "strike_days": STRIKE_PERIOD_DAYS,
        }
        return render(request, "moderation/sanction.html", context, status=status)
    data = form.cleaned_data
    try:
        sanction_services.sanction_author(
            kind=data["kind"] or None,
            clause=data["clause"],
            reason=data["reason"],
            actor=_actor(request),
            user=comment.user if data["by_account"] else None,
            email=comment.email if data["by_email"] else "",
            ip_hash=comment.ip_hash if data["by_address"] else "",
            days=data.get("days"),
            comment=comment,
        )
    except ModerationError as exc:
        form.add_error(None, exc.message)
        context = {"comment": comment, "form": form, "item": desk.item_for(comment)}
        return render(request, "moderation/sanction.html", context, status=400)
    messages.success(request, _("The sanction is recorded and the author notified."))
    return HttpResponseRedirect(reverse("moderation:queue"))


@require_POST
@staff_only
def revoke_sanction(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a sanction made in error, from the sanction page of the comment behind it."""
    sanction = get_object_or_404(Sanction.objects.select_related("clause", "comment"), pk=pk)
    form = RevokeSanctionForm(request.POST)
    default = (
        reverse("moderation:sanction", kwargs={"pk": sanction.comment_id})
        if sanction.comment_id is not None
        else reverse("moderation:queue")
    )
    if not form.is_valid():
        messages.error(request, _("Give the reason the author will be shown."))
        return _back(request, default)
    try:
        sanction_services.revoke_sanction(
            sanction=sanction, actor=_actor(request), reason=form.cleaned_data["reason"]
        )
    except ModerationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The sanction is revoked and the author notified."))
    return _back(request, default)


@require_POST
@staff_only
def decide_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    """Decide an appeal, from the desk's queue or the appeal's page. A refusal (the decider,
    a reporter, a reviewer without the language) answers with its status and message."""
    appeal = get_object_or_404(Appeal, pk=pk)
    form = AppealDecisionForm(request.POST)
    default = reverse("moderation:appeal", kwargs={"pk": appeal.pk})
    if not form.is_valid():
        message = _("Choose an outcome and give your reasons, as the appellant will read them.")
        return render(request, "moderation/refused.html", {"message": message}, status=400)
    try:
        appeals.decide_appeal(
            appeal=appeal,
            actor=_actor(request),
            outcome=form.cleaned_data["outcome"],
            response=form.cleaned_data["response"],
            manifestly_unfounded=form.cleaned_data["manifestly_unfounded"],
        )
    except ModerationError as exc:
        return render(
            request, "moderation/refused.html", {"message": exc.message}, status=exc.status
        )
    messages.success(request, _("The appeal is decided and the appellant notified."))
    return _back(request, default)


@staff_only
def act_on_authority_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove the comments an order from an authority concerns, each as a decision whose
    notice says it was made on the authority's request (unless the law forbids saying so)."""
    order = get_object_or_404(AuthorityRequest, pk=pk)
    form = AuthorityActionForm(request.POST or None)
    context = {"order": order, "comments": order.comments.order_by("pk"), "form": form}
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "moderation/authority_request.html", context, status=status)
    try:
        removed = authority.act_on_authority_request(
            request=order,
            actor=_actor(request),
            clause=form.cleaned_data["clause"],
            explanation=form.cleaned_data["explanation"],
            legal_ground=form.cleaned_data["legal_ground"],
        )
    except ModerationError as exc:
        form.add_error(None, exc.message)
        return render(request, "moderation/authority_request.html", context, status=400)
    messages.success(
        request,
        ngettext(
            "%(count)d comment was removed on the order.",
            "%(count)d comments were removed on the order.",
            len(removed),
        )
        % {"count": len(removed)},
    )
    return HttpResponseRedirect(reverse("moderation:queue"))
