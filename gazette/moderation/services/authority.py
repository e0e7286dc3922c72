"""Orders from authorities and courts: recording one as received, and acting on it.

Recording writes an `authority_request` audit entry (the monthly "orders" figure counts them, by
type and country); acting removes each comment concerned as a decision whose source is the
authority's request, so the author's notice says so unless the law forbids disclosing it, and
writes an `authority_answered` entry with the outcome (counted by outcome, with the median time).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.moderation.exceptions import AuthorityRequestInvalid, TransitionNotAllowed
from gazette.moderation.models import AuditEntry, AuthorityRequest, Clause, Decision
from gazette.moderation.policy import Action, Ground, Source
from gazette.moderation.services import audit
from gazette.moderation.services.decisions import MODERATE, Grounds, decide, require


def check_authority_request(request: AuthorityRequest) -> None:
    """Raise AuthorityRequestInvalid unless the order is complete enough to record."""
    if not _is_country_code(request.country.strip()):
        raise AuthorityRequestInvalid(_("Give the authority's country as a two-letter code."))
    if request.disclosure_forbidden and not request.disclosure_reason.strip():
        raise AuthorityRequestInvalid(_("Say which law forbids telling the author."))


def record_authority_request(
    *, request: AuthorityRequest, comments: Iterable[Comment], actor: User
) -> AuthorityRequest:
    """Store an order as received (an unsaved `request`) with the comments it concerns.

    Raises PermissionRequired or AuthorityRequestInvalid (no country code, or secrecy without
    its legal reason)."""
    require(actor, MODERATE)
    check_authority_request(request)
    with transaction.atomic():
        request.country = request.country.strip().upper()
        request.recorded_by = actor
        request.save()
        request.comments.set(list(comments))
        audit.record(
            AuditEntry.Event.AUTHORITY_REQUEST,
            actor=actor,
            outcome=request.kind,
            note=request.country,
            record_id=request.pk,
            source=Source.AUTHORITY_REQUEST,
        )
    return request


def act_on_authority_request(
    *,
    request: AuthorityRequest,
    actor: User,
    clause: Clause,
    explanation: str,
    legal_ground: str = "",
) -> list[Decision]:
    """Remove every comment the order concerns that is still up, each as its own decision with
    source=authority_request (illegal when `legal_ground` is given), and record the outcome.
    A comment already removed or deleted is left as it is. Raises PermissionRequired,
    ExplanationRequired or ClauseNotInForce (then nothing is removed)."""
    grounds = Grounds(
        explanation=explanation,
        ground=Ground.ILLEGAL if legal_ground.strip() else Ground.INCOMPATIBLE,
        legal_ground=legal_ground,
        source=Source.AUTHORITY_REQUEST,
        authority_request=request,
    )
    removed: list[Decision] = []
    with transaction.atomic():
        for comment in request.comments.order_by("pk"):
            try:
                with transaction.atomic():
                    removed.append(
                        decide(
                            comment=comment,
                            action=Action.REMOVE,
                            actor=actor,
                            clause=clause,
                            grounds=grounds,
                        )
                    )
            except TransitionNotAllowed:
                continue
        total = request.comments.count()
        request.outcome = _outcome(len(removed), total)
        request.save(update_fields=["outcome"])
        audit.record(
            AuditEntry.Event.AUTHORITY_ANSWERED,
            actor=actor,
            outcome=request.outcome,
            note=request.country,
            record_id=request.pk,
            source=Source.AUTHORITY_REQUEST,
        )
    return removed


def _outcome(removed: int, total: int) -> str:
    if removed == 0:
        return AuthorityRequest.Outcome.REFUSED
    return (
        AuthorityRequest.Outcome.REMOVED if removed == total else AuthorityRequest.Outcome.PARTIAL
    )


def _is_country_code(code: str) -> bool:
    """Two ASCII letters, as ISO 3166-1 alpha-2 codes are."""
    return len(code) == len("KZ") and code.isascii() and code.isalpha()
