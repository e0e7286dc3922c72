"""Claims on queue items (services/claims.py) and one item's HTML, as the queue's page fetches
it. The forms work without JavaScript (a redirect back with a message); the queue's script
asks for JSON, and a refusal then answers 409 with the message."""

from __future__ import annotations

from http import HTTPStatus

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from gazette.comments.models import Comment
from gazette.core.http import wants_json
from gazette.moderation import desk
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import ClaimForm, clauses_in_force
from gazette.moderation.services import claims
from gazette.moderation.views.queue import _actor, _back, _filters, staff_only


def _answer(
    request: HttpRequest, comment: Comment, text: str, status: int = HTTPStatus.OK
) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"id": comment.pk, "message": text}, status=status)
    if status == HTTPStatus.OK:
        messages.success(request, text)
    else:
        messages.error(request, text)
    response = _back(request, reverse("moderation:queue"))
    response["Location"] += f"#item-{comment.pk}"
    return response


@require_POST
@staff_only
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    form = ClaimForm(request.POST)
    take_over = form.is_valid() and form.cleaned_data["take_over"]
    try:
        taken = claims.claim_item(comment=comment, actor=_actor(request), take_over=take_over)
    except ModerationError as exc:
        return _answer(request, comment, exc.message, status=exc.status)
    text = _("You are looking at this item until %(until)s.") % {
        "until": claims.since_or_until(taken.until)
    }
    return _answer(request, comment, text)


@require_POST
@staff_only
def release(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    claims.release_item(comment=comment, actor=_actor(request))
    return _answer(request, comment, _("The item is free for other moderators."))


@require_safe
@staff_only
def queue_item(request: HttpRequest, pk: int) -> HttpResponse:
    """The item as the queue named by `?queue=` (and its filters) shows it; 204 if it is not
    in that queue now."""
    try:
        chosen = desk.Queue(request.GET.get("queue", desk.Queue.PENDING))
    except ValueError:
        chosen = desk.Queue.PENDING
    filters = _filters(request)
    item = desk.in_queue(pk, chosen, filters)
    if item is None:
        return HttpResponse(status=204)
    back = reverse("moderation:queue", kwargs={"name": chosen.value})
    context = {
        "item": item,
        "queue": chosen,
        "clauses": list(clauses_in_force()),
        "may_decide_appeals": request.user.has_perm("moderation.decide_appeals"),
        "back": f"{back}?{filters.query}" if filters.query else back,
    }
    return render(request, "moderation/_item.html", context)
