"""Readers' writes on comments: posting (with the captcha and the Comment Policy), the author's
edit and delete, likes and reports. Each goes through the same form and service as the page,
so screening, rate limits and moderation treat it alike; only the reader's identity travels in
headers instead of cookies (api/identity.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status

from gazette.accounts.readers import Reader
from gazette.api import caching, present
from gazette.api.identity import (
    as_reader_of_call,
    author_proof,
    check_thread_origin,
    reader_of_call,
    required_reader,
    token_for_call,
)
from gazette.api.problems import Problem, ProblemOut
from gazette.api.schemas import (
    CommentEdit,
    CommentOut,
    CommentSourceOut,
    LikeOut,
    NewComment,
    NewReport,
    PostedOut,
    ReportOut,
)
from gazette.api.threads import public_thread
from gazette.challenges.limits import limit_action
from gazette.comments import seam, services
from gazette.comments.authorship import author_token
from gazette.comments.conf import comment_settings
from gazette.comments.forms import CommentForm, EditCommentForm
from gazette.comments.models import Comment
from gazette.comments.views import posted_message
from gazette.core.http import absolute_url
from gazette.moderation import links
from gazette.moderation.forms import ReportForm
from gazette.moderation.services import reports

router = Router(tags=["comments"])

WRITE_ERRORS: dict[int, Any] = dict.fromkeys(
    (400, 401, 403, 404, 409, 413, 422, 429, 503), ProblemOut
)


def form_problem(form: forms.Form) -> Problem:
    """The form's refusal as a problem naming each field at fault."""
    errors = [
        (field or "__all__", str(message))
        for field, messages in form.errors.items()
        for message in messages
    ]
    code = "captcha_refused" if "altcha" in form.errors else "invalid_input"
    detail = " ".join(message for _field, message in errors) or _(
        "Some of the input is not valid: see the fields named."
    )
    return Problem(422, code, detail, errors=[(f, m) for f, m in errors if f != "__all__"])


def _comment_form_data(payload: NewComment) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": payload.name,
        "email": payload.email,
        "body": payload.body,
        "altcha": payload.altcha,
        "homepage": "",
    }
    if payload.accept_policy:
        data["accept_policy"] = "on"
    if payload.notify:
        data["notify"] = "on"
    if payload.parent is not None:
        data["parent"] = str(payload.parent)
    return data


@router.post("/threads/{thread_id}/comments", response={201: PostedOut, **WRITE_ERRORS})
def post_comment(
    request: HttpRequest, response: HttpResponse, thread_id: int, payload: NewComment
) -> Any:
    """Post a comment or a reply: published, or held for review as screening decides."""
    thread = public_thread(thread_id)
    check_thread_origin(request, thread)
    reader = reader_of_call(request)
    as_reader_of_call(request, reader)
    # The form spends the captcha and counts the comment or reply rate, as the page's does.
    form = CommentForm(
        _comment_form_data(payload),
        request=request,
        actor=reader,
        target=present.challenge_target(thread),
    )
    if not form.is_valid():
        if form.rate_limited is not None:
            raise form.rate_limited
        raise form_problem(form)
    comment = services.post_comment(
        thread=thread,
        reader=reader,
        name=form.cleaned_data.get("name") or "",
        email=form.cleaned_data.get("email") or "",
        body=form.cleaned_data["body"],
        parent_id=form.cleaned_data.get("parent"),
        language=get_language() or settings.LANGUAGE_CODE,
        human_check=form.human_check,
        notify=form.cleaned_data.get("notify", False),
    )
    caching.never_kept(response)
    return Status(201, _posted(request, comment, reader))


def _posted(request: HttpRequest, comment: Comment, reader: Reader) -> dict[str, Any]:
    """The new comment, and the tokens its writer keeps: to follow it, change it, write again."""
    comment.thread.refresh_from_db(fields=["comment_count"])
    return {
        "comment": present.comment_data(comment, liked=None),
        "comment_count": comment.thread.comment_count,
        "message": posted_message(comment),
        "status_url": absolute_url(seam.moderation().status_url(comment), request=request),
        "status_token": links.comment_token(comment.pk),
        "author_token": author_token(comment),
        "reader_token": token_for_call(request, reader),
    }


def _comment_of_author(request: HttpRequest, comment_id: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("thread").filter(
            state__in=[Comment.State.PUBLISHED, Comment.State.PENDING]
        ),
        pk=comment_id,
    )
    check_thread_origin(request, comment.thread)
    return comment


@router.get("/comments/{comment_id}/source", response={200: CommentSourceOut, **WRITE_ERRORS})
def comment_source(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """One's own comment as written, while it may still be edited (X-Gazette-Author)."""
    comment = _comment_of_author(request, comment_id)
    own = services.comment_for_editing(comment_id=comment.pk, proof=author_proof(request))
    caching.never_kept(response)
    return {
        "id": own.pk,
        "body": own.body,
        "editable_until": own.created_at + comment_settings().edit_window,
    }


@router.patch("/comments/{comment_id}", response={200: CommentOut, **WRITE_ERRORS})
def edit_comment(
    request: HttpRequest, response: HttpResponse, comment_id: int, payload: CommentEdit
) -> Any:
    """Change one's own comment within the edit window (screened again like a new one)."""
    comment = _comment_of_author(request, comment_id)
    form = EditCommentForm({"body": payload.body})
    if not form.is_valid():
        raise form_problem(form)
    changed = services.edit_comment(
        comment_id=comment.pk, proof=author_proof(request), body=form.cleaned_data["body"]
    )
    caching.never_kept(response)
    return present.comment_data(changed, liked=None)


@router.delete("/comments/{comment_id}", response={204: None, **WRITE_ERRORS})
def delete_comment(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """Delete one's own comment within the edit window."""
    comment = _comment_of_author(request, comment_id)
    services.delete_comment(comment_id=comment.pk, proof=author_proof(request))
    return Status(204, None)


def _like(request: HttpRequest, comment_id: int, *, liked: bool) -> dict[str, Any]:
    comment = get_object_or_404(Comment.objects.select_related("thread"), pk=comment_id)
    check_thread_origin(request, comment.thread)
    reader = required_reader(request)
    limit_action("like", reader)
    now_liked, count = services.like_comment(comment_id=comment.pk, reader=reader, liked=liked)
    return {"liked": now_liked, "like_count": count}


@router.put("/comments/{comment_id}/like", response={200: LikeOut, **WRITE_ERRORS})
def like_comment(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """Like a published comment (once per reader, whatever is sent twice)."""
    caching.never_kept(response)
    return _like(request, comment_id, liked=True)


@router.delete("/comments/{comment_id}/like", response={200: LikeOut, **WRITE_ERRORS})
def unlike_comment(request: HttpRequest, response: HttpResponse, comment_id: int) -> Any:
    """Stop liking a comment."""
    caching.never_kept(response)
    return _like(request, comment_id, liked=False)


@router.post("/comments/{comment_id}/reports", response={201: ReportOut, **WRITE_ERRORS})
def report_comment(
    request: HttpRequest, response: HttpResponse, comment_id: int, payload: NewReport
) -> Any:
    """Report a published comment under a clause of the Comment Policy in force (or, for
    illegal content, the law it breaks)."""
    comment = get_object_or_404(
        Comment.objects.select_related("thread__article"),
        pk=comment_id,
        state=Comment.State.PUBLISHED,
    )
    check_thread_origin(request, comment.thread)
    reader = required_reader(request)
    form = ReportForm(_report_form_data(payload))
    # The API names a clause by its number, as the Comment Policy prints it.
    form.fields["clause"].to_field_name = "number"
    if not form.is_valid():
        raise form_problem(form)
    data = form.cleaned_data
    limit_action("report", reader)
    report = reports.report_comment(
        comment=comment,
        clause=data["clause"],
        reporter_key=reader.key,
        note=data["note"],
        ground=data["ground"],
        legal_ground=data["legal_ground"],
        bona_fide=data["bona_fide"],
        reporter_name=data["name"],
        reporter_email=data["email"],
        language=get_language() or settings.LANGUAGE_CODE,
    )
    caching.never_kept(response)
    status_url = absolute_url(links.report_status_path(report.pk), request=request)
    return Status(201, {"id": report.pk, "status_url": status_url})


def _report_form_data(payload: NewReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ground": payload.ground,
        "legal_ground": payload.legal_ground,
        "note": payload.note,
        "name": payload.name,
        "email": payload.email,
    }
    if payload.clause is not None:
        data["clause"] = str(payload.clause)
    if payload.bona_fide:
        data["bona_fide"] = "on"
    return data
