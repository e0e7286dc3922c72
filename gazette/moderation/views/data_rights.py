"""A reader's data rights: download everything we hold about them, have it erased.

Signed-in readers act from their account; a guest reaches their data through a link mailed to
the address they commented with, or, for one comment written without an address, through that
comment's status link.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_safe

from gazette.accounts.models import User
from gazette.accounts.readers import reader_of
from gazette.challenges.limits import limit_action, limit_address
from gazette.challenges.ratelimit import RateLimited
from gazette.core.network import address_hash
from gazette.moderation import links
from gazette.moderation.data_rights_forms import AccountErasureForm, DataLinkForm, ErasureForm
from gazette.moderation.services import data_rights
from gazette.moderation.services.data_rights import DataSubject


def data_file(document: dict[str, object], filename: str) -> HttpResponse:
    """The document as a JSON file the browser saves, never kept by any cache."""
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def _account(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required lets only accounts through
        raise Http404
    return user


@require_safe
@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    document = data_rights.personal_data(DataSubject.account(_account(request)))
    return data_file(document, "my-data.json")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def erase_account(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    form = AccountErasureForm(request.POST or None, user=user)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        page = render(request, "moderation/data_rights/erase_account.html", {"form": form})
        page.status_code = status
        return _private(page)
    data_rights.erase_personal_data(
        subject=DataSubject.account(user), remove_comments=form.remove_comments
    )
    logout(request)
    context = {"removed": form.remove_comments}
    return _private(render(request, "moderation/data_rights/erased.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
def ask_for_data_link(request: HttpRequest) -> HttpResponse:
    """The guest's form: the address they commented with. The answer is the same whether or
    not the address is known; only the rate limits can refuse, and they count every request."""
    form = DataLinkForm(request.POST or None)
    template = "moderation/data_rights/ask.html"
    if request.method != "POST":
        return _private(render(request, template, {"form": form}))
    if not form.is_valid():
        return _private(render(request, template, {"form": form}, status=400))
    email = form.cleaned_data["email"]
    try:
        limit_action("data_request", reader_of(request))
        limit_address("confirmation_email", address_hash(email))
    except RateLimited as exc:
        form.add_error(None, exc.message)
        refused = render(request, template, {"form": form}, status=exc.status)
        refused["Retry-After"] = str(exc.retry_after)
        return _private(refused)
    language = translation.get_language() or settings.LANGUAGE_CODE
    data_rights.request_data_link(email=email, language=language)
    return _private(render(request, "moderation/data_rights/link_sent.html"))


def _guest(token: str) -> DataSubject:
    subject = data_rights.subject_of_data_link(token)
    if subject is None:
        raise Http404
    return subject


@require_http_methods(["GET", "HEAD", "POST"])
def guest_data(request: HttpRequest, token: str) -> HttpResponse:
    """The page the mailed link opens: download the data, or have it erased."""
    subject = _guest(token)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_rights.erase_personal_data(subject=subject, remove_comments=form.remove_comments)
        erased = {"removed": form.remove_comments}
        return _private(render(request, "moderation/data_rights/erased.html", erased))
    page = render(request, "moderation/data_rights/guest.html", {"form": form, "token": token})
    page.status_code = 400 if request.method == "POST" else 200
    return _private(page)


@require_safe
def guest_data_file(request: HttpRequest, token: str) -> HttpResponse:
    return data_file(data_rights.personal_data(_guest(token)), "my-data.json")


@require_safe
def comment_data_file(request: HttpRequest, token: str) -> HttpResponse:
    """One comment's data, for its author, through the comment's status link."""
    comment_id = links.comment_from_token(token)
    if comment_id is None or not data_rights.comment_exists(comment_id):
        raise Http404
    document = data_rights.personal_data(DataSubject.author_of(comment_id))
    return data_file(document, f"comment-{comment_id}.json")
