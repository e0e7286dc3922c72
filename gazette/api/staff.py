"""The staff API: the moderation queue, decisions on comments, sanctions and appeals, for
tools the newsroom runs.

Calls carry a staff token (`Authorization: Bearer gzt_…`, made in the admin). Its scope says
what the tool may do (read, or moderate), and the token's member of staff must still hold the
desk's permission: a token never gives more than its owner has. Every write goes through the
desk's own service (moderation.services.desk_decisions, sanctions, appeals), so the audit log
and the notices are the same whichever way a decision was made.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.security import HttpBearer

from gazette.api import caching, tokens
from gazette.api.comments import form_problem
from gazette.api.models import ApiToken
from gazette.api.problems import Problem, ProblemOut
from gazette.comments.models import Comment
from gazette.moderation import desk
from gazette.moderation.forms import AppealDecisionForm, DecisionForm, SanctionForm
from gazette.moderation.models import Appeal
from gazette.moderation.services import appeals, desk_decisions, sanctions

MODERATE = "moderation.moderate_comments"


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return tokens.token_for(token)


router = Router(tags=["staff"], auth=StaffToken())
STAFF_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 413, 422), ProblemOut)


class QueueComment(Schema):
    id: int
    thread: int
    state: str
    author_name: str
    body: str
    body_html: str
    language: str
    created_at: datetime
    screening_reasons: list[str]
    open_reports: int
    decisions: int


class QueueOut(Schema):
    queue: str
    page: int
    pages: int
    counts: dict[str, int]
    items: list[QueueComment]


class DecisionIn(Schema):
    action: str
    clause: int | None = None
    explanation: str = ""
    ground: str = ""
    legal_ground: str = ""
    note: str = ""
    manifestly_unfounded: bool = False


class DecidedOut(Schema):
    message: str
    state: str


def _token_of(request: HttpRequest, *, moderate: bool) -> ApiToken:
    token = request.auth  # type: ignore[attr-defined]  # set by ninja's authentication
    if not isinstance(token, ApiToken):  # pragma: no cover - the router's auth came first
        raise Problem(401, "token_required", _("Send a valid API token."))
    if moderate and not token.may_moderate:
        raise Problem(403, "token_scope", _("This token may read the queue but not decide."))
    if not token.user.has_perm(MODERATE):
        raise Problem(
            403, "permission_required", _("The token's owner may no longer moderate comments.")
        )
    return token


def _item(item: desk.Item) -> dict[str, Any]:
    comment = item.comment
    return {
        "id": comment.pk,
        "thread": comment.thread_id,
        "state": comment.state,
        "author_name": comment.author_name,
        "body": comment.body,
        "body_html": comment.body_html,
        "language": comment.language,
        "created_at": comment.created_at,
        "screening_reasons": [str(reason) for reason in comment.screening_reasons],
        "open_reports": len(item.open_reports),
        "decisions": len(item.decisions),
    }


@router.get("/staff/queue/{name}", response={200: QueueOut, **STAFF_ERRORS})
def queue(request: HttpRequest, response: HttpResponse, name: desk.Queue, page: int = 1) -> Any:
    """One page of a queue of the moderation desk (pending, held, reported, recent, removed,
    appeals), as the desk lists it."""
    _token_of(request, moderate=False)
    filters = desk.Filters()
    if name == desk.Queue.RECENT:
        shown = desk.recent_page(filters, page)
    else:
        shown = desk.queue_page(name, filters, page)
    caching.never_kept(response)
    return {
        "queue": name.value,
        "page": shown.number,
        "pages": shown.paginator.num_pages,
        "counts": desk.queue_counts(filters),
        "items": [_item(item) for item in shown.object_list],
    }


@router.post("/staff/comments/{comment_id}/decisions", response={200: DecidedOut, **STAFF_ERRORS})
def decide(
    request: HttpRequest, response: HttpResponse, comment_id: int, payload: DecisionIn
) -> Any:
    """Decide on a comment as the desk does: approve, remove (with a clause in force and the
    explanation its author reads), hold, reinstate, or dismiss its reports."""
    token = _token_of(request, moderate=True)
    comment = get_object_or_404(Comment, pk=comment_id)
    form = DecisionForm(_form_data(payload.dict()))
    form.fields["clause"].to_field_name = "number"
    if not form.is_valid():
        raise form_problem(form)
    message = desk_decisions.decide_from_desk(
        comment=comment, actor=token.user, data=form.cleaned_data
    )
    comment.refresh_from_db(fields=["state"])
    caching.never_kept(response)
    return {"message": message, "state": comment.state}


class SanctionIn(Schema):
    clause: int = Field(description="The number of the clause in force.")
    reason: str = Field(description="As the author will read it.")
    kind: str = Field("", description="Empty: the next step on the sanction ladder.")
    days: int | None = Field(None, description="For a suspension.")
    by_account: bool = True
    by_email: bool = False
    by_address: bool = False


class SanctionOut(Schema):
    id: int
    kind: str
    ends_at: datetime | None


@router.post("/staff/comments/{comment_id}/sanctions", response={201: SanctionOut, **STAFF_ERRORS})
def sanction(
    request: HttpRequest, response: HttpResponse, comment_id: int, payload: SanctionIn
) -> Any:
    """Sanction the author of a comment as the desk's sanction form does (a warning, a
    suspension or a ban; the author is notified and may appeal)."""
    token = _token_of(request, moderate=True)
    comment = get_object_or_404(Comment, pk=comment_id)
    form = SanctionForm(_form_data(payload.dict()))
    form.fields["clause"].to_field_name = "number"
    if not form.is_valid():
        raise form_problem(form)
    data = form.cleaned_data
    made = sanctions.sanction_author(
        kind=data["kind"] or None,
        clause=data["clause"],
        reason=data["reason"],
        actor=token.user,
        user=comment.user if data["by_account"] else None,
        email=comment.email if data["by_email"] else "",
        ip_hash=comment.ip_hash if data["by_address"] else "",
        days=data.get("days"),
        comment=comment,
    )
    caching.never_kept(response)
    return Status(201, {"id": made.pk, "kind": made.kind, "ends_at": made.ends_at})


class AppealDecisionIn(Schema):
    outcome: str
    response: str = Field(description="The reasons, as the appellant will read them.")
    manifestly_unfounded: bool = False


class AppealDecidedOut(Schema):
    id: int
    outcome: str


@router.post(
    "/staff/appeals/{appeal_id}/decisions", response={200: AppealDecidedOut, **STAFF_ERRORS}
)
def decide_appeal(
    request: HttpRequest, response: HttpResponse, appeal_id: int, payload: AppealDecisionIn
) -> Any:
    """Decide an appeal as the desk does (a senior moderator who took no part in the
    decision)."""
    token = _token_of(request, moderate=True)
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    form = AppealDecisionForm(_form_data(payload.dict()))
    if not form.is_valid():
        raise form_problem(form)
    appeals.decide_appeal(
        appeal=appeal,
        actor=token.user,
        outcome=form.cleaned_data["outcome"],
        response=form.cleaned_data["response"],
        manifestly_unfounded=form.cleaned_data["manifestly_unfounded"],
    )
    appeal.refresh_from_db(fields=["outcome"])
    caching.never_kept(response)
    return {"id": appeal.pk, "outcome": appeal.outcome}


def _form_data(values: dict[str, Any]) -> dict[str, Any]:
    """A schema's values as a form posts them: unchecked boxes and empty fields left out."""
    return {key: value for key, value in values.items() if value not in ("", None, False)}
