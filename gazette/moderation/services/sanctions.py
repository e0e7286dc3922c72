"""Sanctions on authors: warnings, suspensions for a period, bans. A ban needs the senior role."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links
from gazette.moderation.exceptions import SanctionInvalid
from gazette.moderation.models import AuditEntry, Clause, Notice, Sanction
from gazette.moderation.policy import SanctionKind
from gazette.moderation.sanctions import refusal_message
from gazette.moderation.services import audit
from gazette.moderation.services.decisions import require
from gazette.moderation.services.notices import send_notice

PERMISSIONS = {
    SanctionKind.WARNING: "moderation.sanction_authors",
    SanctionKind.SUSPENSION: "moderation.sanction_authors",
    SanctionKind.BAN: "moderation.ban_authors",
}


def sanction_author(
    *,
    kind: str,
    clause: Clause,
    reason: str,
    actor: User,
    user: User | None = None,
    email: str = "",
    ip_hash: str = "",
    days: int | None = None,
    comment: Comment | None = None,
) -> Sanction:
    """Warn, suspend (for `days`) or ban the author named by account, e-mail or address hash.

    Raises PermissionRequired or SanctionInvalid (no subject, no reason, a suspension without
    a length).
    """
    # Long by design: a keyword for each way of naming the author, and the sanction, audit entry and
    # notice in one transaction.
    chosen = SanctionKind(kind)
    require(actor, PERMISSIONS[chosen])
    _check_complete(
        chosen, reason, days, has_subject=user is not None or bool(email.strip() or ip_hash)
    )
    now = clock.now()
    with transaction.atomic():
        sanction = Sanction.objects.create(
            kind=chosen,
            user=user,
            email=email.strip().lower(),
            ip_hash=ip_hash,
            clause=clause,
            reason=reason.strip(),
            starts_at=now,
            ends_at=now + timedelta(days=days or 0) if chosen == SanctionKind.SUSPENSION else None,
            decided_by=actor,
            comment=comment,
        )
        audit.record(
            AuditEntry.Event.SANCTIONED,
            comment=comment,
            actor=actor,
            clause=clause,
            outcome=chosen,
            note=sanction.reason,
            record_id=sanction.pk,
        )
        if comment is not None:
            send_notice(
                comment=comment,
                kind=Notice.Kind.SANCTIONED,
                clause=clause,
                extra={
                    "sanction_text": _notice_text(sanction),
                    "appeal_url": absolute_url(links.sanction_appeal_path(sanction.pk)),
                },
            )
    return sanction


def _check_complete(
    kind: SanctionKind, reason: str, days: int | None, *, has_subject: bool
) -> None:
    if not has_subject:
        raise SanctionInvalid(_("Name the author: an account, an e-mail address or an address."))
    if not reason.strip():
        raise SanctionInvalid(_("Give the reason the author will be shown."))
    if kind == SanctionKind.SUSPENSION and not days:
        raise SanctionInvalid(_("Say for how many days the author is suspended."))


def _notice_text(sanction: Sanction) -> str:
    if sanction.kind != SanctionKind.WARNING:
        return refusal_message(sanction)
    return _("This is a warning: further breaches may lead to a suspension. Reason: %(reason)s") % {
        "reason": sanction.reason
    }


def revoke_sanction(*, sanction: Sanction, actor: User, reason: str) -> Sanction:
    """Undo a sanction made in error (senior moderators): from now on it stops nobody and costs
    no trust. The author is told why, on the comment that led to it, and the audit log keeps
    who revoked it and why. Revoking twice changes nothing. Raises PermissionRequired or
    SanctionInvalid (no reason)."""
    require(actor, "moderation.revoke_sanctions")
    if not reason.strip():
        raise SanctionInvalid(_("Give the reason the author will be shown."))
    with transaction.atomic():
        changed = Sanction.objects.filter(pk=sanction.pk, revoked_at__isnull=True).update(
            revoked_at=clock.now(), revoked_by=actor, revoked_reason=reason.strip()
        )
        sanction.refresh_from_db()
        if changed:
            audit.record(
                AuditEntry.Event.SANCTION_REVOKED,
                comment=sanction.comment,
                actor=actor,
                clause=sanction.clause,
                outcome=sanction.kind,
                note=sanction.revoked_reason,
                record_id=sanction.pk,
            )
            if sanction.comment is not None:
                send_notice(
                    comment=sanction.comment,
                    kind=Notice.Kind.SANCTION_REVOKED,
                    clause=sanction.clause,
                    extra={"revoked_reason": sanction.revoked_reason},
                )
    return sanction
