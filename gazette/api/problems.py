"""Every refusal of the API as an RFC 9457 problem: `application/problem+json` with a stable
machine `code`, a translated `title` and `detail`, and for invalid input the fields at fault.

Domain errors are mapped here, once, to their status and code; the services raise them as they
do for the pages, so the API answers for the same rule with the same words.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from gazette.challenges.ratelimit import RateLimited
from gazette.comments.exceptions import (
    CommentError,
    CommentRejected,
    CommentsClosed,
    EditWindowClosed,
    EmailNotVerified,
    EmailRequired,
    NotCommentAuthor,
    ParentNotFound,
    ParentNotPublished,
    SignInRequired,
)
from gazette.comments.page_urls import NotAPageAddress
from gazette.moderation.exceptions import (
    AlreadyReported,
    AppealAlreadyDecided,
    ItemClaimed,
    ModerationError,
    OwnDecision,
    PermissionRequired,
    ReporterMayNotDecide,
    ReportingSuspended,
    ReviewerLacksLanguage,
    SanctionInvalid,
    TransitionNotAllowed,
)
from gazette.moderation.services.reports import NotReportable, ReportIncomplete
from gazette.reactions.exceptions import PollUnavailable, ReactionError, UnknownChoice
from gazette.sites.exceptions import (
    OriginRefused,
    OwnSitePage,
    PageNotOnSite,
    SignOnClaimsInvalid,
    SignOnNotEnabled,
    SignOnRefused,
    SignOnReplayed,
    SignOnTokenExpired,
    SignOnWrongAudience,
    UnknownSite,
)

CONTENT_TYPE = "application/problem+json"
MALFORMED = 400
UNPROCESSABLE = 422
UNAVAILABLE = 503
TYPE_PREFIX = "urn:gazette:problem:"

TITLES: dict[int, Promise] = {
    400: gettext_lazy("The request is malformed"),
    401: gettext_lazy("Authentication is needed"),
    403: gettext_lazy("This is not allowed"),
    404: gettext_lazy("Not found"),
    409: gettext_lazy("This conflicts with the current state"),
    413: gettext_lazy("The request is too large"),
    422: gettext_lazy("The input is not valid"),
    429: gettext_lazy("Too many requests"),
    503: gettext_lazy("Temporarily unavailable"),
}


class FieldError(Schema):
    field: str
    message: str


class ProblemOut(Schema):
    """RFC 9457 problem details, with Gazette's machine code and the fields at fault."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldError] = []


class Problem(Exception):  # noqa: N818 - an RFC 9457 term
    """A refusal the API answers with, raised where no domain error says it already."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str | Promise,
        *,
        errors: Sequence[tuple[str, str]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status, self.code, self.detail = status, code, str(detail)
        self.errors = list(errors)
        self.headers = headers or {}
        super().__init__(self.detail)


class PayloadTooLarge(Exception):  # noqa: N818 - named for the HTTP state
    """A request body over the API's limit."""


# Most specific first: the first class an error is an instance of decides. A field name says
# which input was at fault.
DOMAIN_PROBLEMS: list[tuple[type[Exception], int, str, str]] = [
    (UnknownSite, 404, "unknown_site", "site"),
    (SignOnNotEnabled, 403, "sign_on_not_enabled", ""),
    (SignOnTokenExpired, 401, "sign_on_expired", ""),
    (SignOnWrongAudience, 401, "sign_on_wrong_audience", ""),
    (SignOnReplayed, 409, "sign_on_replayed", ""),
    (SignOnClaimsInvalid, 422, "sign_on_claims_invalid", "token"),
    (SignOnRefused, 401, "sign_on_refused", ""),
    (OriginRefused, 403, "origin_refused", ""),
    (PageNotOnSite, 422, "page_not_on_site", "url"),
    (OwnSitePage, 422, "own_site_page", "url"),
    (NotAPageAddress, 422, "not_a_page_address", "url"),
    (CommentsClosed, 409, "comments_closed", ""),
    (EditWindowClosed, 409, "edit_window_closed", ""),
    (ParentNotPublished, 409, "parent_not_published", "parent"),
    (ParentNotFound, 422, "parent_not_found", "parent"),
    (NotCommentAuthor, 403, "not_comment_author", ""),
    (CommentRejected, 403, "comment_rejected", ""),
    (SignInRequired, 403, "sign_in_required", ""),
    (EmailRequired, 422, "email_required", "email"),
    (EmailNotVerified, 422, "email_not_verified", "notify"),
    (CommentError, 422, "comment_refused", "body"),
    (UnknownChoice, 422, "unknown_choice", "choice"),
    (PollUnavailable, 404, "poll_unavailable", ""),
    (AlreadyReported, 409, "already_reported", ""),
    (NotReportable, 409, "not_reportable", ""),
    (ReportingSuspended, 403, "reporting_suspended", ""),
    (ReportIncomplete, 422, "report_incomplete", "clause"),
    (PermissionRequired, 403, "permission_required", ""),
    (TransitionNotAllowed, 409, "transition_not_allowed", ""),
    (ItemClaimed, 409, "item_claimed", ""),
    (OwnDecision, 403, "own_decision", ""),
    (ReporterMayNotDecide, 403, "reporter_may_not_decide", ""),
    (ReviewerLacksLanguage, 403, "reviewer_lacks_language", ""),
    (AppealAlreadyDecided, 409, "appeal_already_decided", ""),
    (SanctionInvalid, 422, "sanction_invalid", ""),
    (ModerationError, 422, "moderation_refused", ""),
]


def problem_response(
    status: int,
    code: str,
    detail: str,
    *,
    errors: Sequence[tuple[str, str]] = (),
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": str(TITLES.get(status, TITLES[400])),
        "status": status,
        "detail": detail,
        "code": code,
        "errors": [{"field": field, "message": message} for field, message in errors],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem_response(
        exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers
    )


def from_domain_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    message = str(getattr(exc, "message", "") or exc)
    for kind, status, code, field in DOMAIN_PROBLEMS:
        if isinstance(exc, kind):
            errors = [(field, message)] if field and status == UNPROCESSABLE else []
            return problem_response(status, code, message, errors=errors)
    raise exc


def from_rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    code = "limits_unavailable" if exc.status == UNAVAILABLE else "rate_limited"
    headers = {"Retry-After": str(exc.retry_after)}
    return problem_response(exc.status, code, exc.message, headers=headers)


def from_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Schema validation: each error names its field (a dotted path within the body)."""
    errors = []
    for error in exc.errors:
        # ("body", "payload", "parent"): where it was sent, the argument it fills, the field.
        location = [str(part) for part in error.get("loc", ())][1:]
        field = ".".join(location[1:] if len(location) > 1 else location)
        errors.append((field or "__all__", str(error.get("msg", ""))))
    detail = _("Some of the input is not valid: see the fields named.")
    return problem_response(422, "invalid_input", detail, errors=errors)


def from_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(404, "not_found", _("Nothing is found at this address."))


def from_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        detail = _("Send a valid API token as “Authorization: Bearer <token>”.")
        return problem_response(401, "token_required", detail)
    if isinstance(exc.__cause__, PayloadTooLarge):  # refused by the parser, which ninja wraps
        return from_too_large(request, exc.__cause__)
    if exc.status_code == MALFORMED:
        detail = _("The request body is not valid JSON.")
        return problem_response(MALFORMED, "malformed_request", detail)
    return problem_response(exc.status_code, "http_error", str(exc))


def from_too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    detail = _("The request body is too large for this API.")
    return problem_response(413, "payload_too_large", detail)


def install(api: Any) -> None:
    """Make every refusal of `api` a problem."""
    api.add_exception_handler(Problem, from_problem)
    api.add_exception_handler(RateLimited, from_rate_limited)
    api.add_exception_handler(ValidationError, from_validation_error)
    api.add_exception_handler(Http404, from_not_found)
    api.add_exception_handler(HttpError, from_http_error)
    api.add_exception_handler(PayloadTooLarge, from_too_large)
    api.add_exception_handler(RequestDataTooBig, from_too_large)
    for kind in (
        UnknownSite,
        SignOnRefused,
        OriginRefused,
        PageNotOnSite,
        OwnSitePage,
        NotAPageAddress,
        CommentError,
        ReactionError,
        ModerationError,
    ):
        api.add_exception_handler(kind, from_domain_error)
