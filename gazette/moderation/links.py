"""Private links: a comment's status page for its author, a report's for its reporter.

A link carries the record's id signed with the server's secret; whoever holds it may read the
status and act on it (appeal, ask for a review), so it is given only to the author or reporter.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

_COMMENT_SALT = "gazette.moderation.comment-status"
_REPORT_SALT = "gazette.moderation.report-status"


def comment_token(comment_id: int) -> str:
    return signing.dumps(comment_id, salt=_COMMENT_SALT, compress=True)


def comment_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=_COMMENT_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def report_token(report_id: int) -> str:
    return signing.dumps(report_id, salt=_REPORT_SALT, compress=True)


def report_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=_REPORT_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def comment_status_path(comment_id: int, language: str | None = None) -> str:
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return reverse("moderation:comment_status", kwargs={"token": comment_token(comment_id)})


def report_status_path(report_id: int, language: str | None = None) -> str:
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return reverse("moderation:report_status", kwargs={"token": report_token(report_id)})
