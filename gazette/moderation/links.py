"""Private links: a comment's status page for its author, a report's for its reporter, the
appeal pages of a sanction's subject and of a refused comment's writer, an appeal's status page.

A link carries the record's id signed with the server's secret; whoever holds it may read the
status and act on it (appeal, ask for a review), so it is given only to the author or reporter.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from gazette.core.network import address_hash

_COMMENT_SALT = "gazette.moderation.comment-status"
_REPORT_SALT = "gazette.moderation.report-status"
_SANCTION_SALT = "gazette.moderation.sanction-appeal"
_REFUSAL_SALT = "gazette.moderation.refusal-appeal"
_APPEAL_SALT = "gazette.moderation.appeal-status"
_DATA_SALT = "gazette.moderation.data-request"
# How long the link mailed to a guest who asked for their data works.
DATA_LINK_SECONDS = 24 * 3600
# Links mailed before links lost their timestamp: payload, timestamp, signature.
_TIMESTAMPED_PARTS = 3


def _token(value: int, salt: str) -> str:
    # No timestamp: these links never expire, and the same record always gets the same link.
    return signing.Signer(salt=salt).sign_object(value, compress=True)


def _value(token: str, salt: str) -> int | None:
    try:
        if token.count(":") == _TIMESTAMPED_PARTS - 1:
            value = signing.loads(token, salt=salt)
        else:
            value = signing.Signer(salt=salt).unsign_object(token)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def comment_token(comment_id: int) -> str:
    return _token(comment_id, _COMMENT_SALT)


def comment_from_token(token: str) -> int | None:
    return _value(token, _COMMENT_SALT)


def report_token(report_id: int) -> str:
    return _token(report_id, _REPORT_SALT)


def report_from_token(token: str) -> int | None:
    return _value(token, _REPORT_SALT)


def comment_status_path(comment_id: int, language: str | None = None) -> str:
    return _path("moderation:comment_status", comment_token(comment_id), language)


def report_status_path(report_id: int, language: str | None = None) -> str:
    return _path("moderation:report_status", report_token(report_id), language)


def _path(name: str, token: str, language: str | None) -> str:
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return reverse(name, kwargs={"token": token})


def sanction_from_token(token: str) -> int | None:
    return _value(token, _SANCTION_SALT)


def refusal_from_token(token: str) -> int | None:
    return _value(token, _REFUSAL_SALT)


def appeal_from_token(token: str) -> int | None:
    return _value(token, _APPEAL_SALT)


def sanction_appeal_path(sanction_id: int, language: str | None = None) -> str:
    """Where a sanction's subject may read it and appeal it."""
    return _path("moderation:sanction_appeal", _token(sanction_id, _SANCTION_SALT), language)


def refusal_path(refusal_id: int, language: str | None = None) -> str:
    """Where the writer of a comment screening refused may read why and appeal."""
    return _path("moderation:refusal_appeal", _token(refusal_id, _REFUSAL_SALT), language)


def appeal_status_path(appeal_id: int, language: str | None = None) -> str:
    """Where an appellant follows their appeal: its state and the date it is due."""
    return _path("moderation:appeal_status", _token(appeal_id, _APPEAL_SALT), language)


def report_appeal_path(report_id: int, language: str | None = None) -> str:
    """Where a reporter may appeal the decision to take no action on their report."""
    return _path("moderation:report_appeal", report_token(report_id), language)


def data_request_token(comment_id: int, email: str) -> str:
    """The link mailed to a guest who asked for their data: one of their comments and a keyed
    hash of the address it was given with (the address itself stays out of the link)."""
    return signing.dumps({"c": comment_id, "a": address_hash(email)}, salt=_DATA_SALT)


def data_request_from_token(token: str) -> tuple[int, str] | None:
    """(comment id, address hash) from a valid link not older than DATA_LINK_SECONDS."""
    try:
        value = signing.loads(token, salt=_DATA_SALT, max_age=DATA_LINK_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("c"), int):
        return None
    return value["c"], str(value.get("a", ""))


def data_request_path(token: str, language: str | None = None) -> str:
    return _path("moderation:guest_data", token, language)
