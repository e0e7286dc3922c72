"""Sanctions on authors: warnings, suspensions for a period, bans. A ban needs the senior role.

Sanctions are graduated (policy.LADDER): a first strike is a warning, unless the clause broken is
marked immediate; the next strikes within policy.STRIKE_PERIOD_DAYS lead to longer suspensions,
then a ban. A moderator may let the ladder choose, or choose a sanction the ladder allows.
Each sanction gets exactly one notice, stating its duration.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, policy
from gazette.moderation.exceptions import SanctionInvalid
from gazette.moderation.models import AuditEntry, Clause, Decision, Notice, Sanction
from gazette.moderation.policy import SanctionKind
from gazette.moderation.sanctions import next_rung_for
from gazette.moderation.services import audit
from gazette.moderation.services.decisions import require
from gazette.moderation.services.notices import facts_of_sanction, send_notice

PERMISSIONS = {
    SanctionKind.WARNING: "moderation.sanction_authors",
    SanctionKind.SUSPENSION: "moderation.sanction_authors",
    SanctionKind.BAN: "moderation.ban_authors",
}


def sanction_author(
    *,
    kind: str | None = None,
    clause: Clause,
    reason: str,
    actor: User,
    user: User | None = None,
    email: str = "",
    ip_hash: str = "",
    days: int | None = None,
    comment: Comment | None = None,
) -> Sanction:
    """Warn, suspend (for `days`) or ban the author named by account, e-mail or address hash;
    with no `kind`, the next rung of the ladder (and its length) for this author's strikes.

    Raises PermissionRequired or SanctionInvalid (no subject, no reason, a suspension without
    a length, a suspension or ban with no warning first when the clause is not immediate).
    """
    # Long by design: a keyword for each way of naming the author, and the sanction, audit entry and
    # notice in one transaction.
    email = email.strip().lower()
    now = clock.now()
    with transaction.atomic():
        if user is not None:
            # Strikes are counted under the account's row lock, so that two moderators acting
            # at once climb the ladder a rung each.
            User.objects.select_for_update().filter(pk=user.pk).first()
        _strikes, rung = next_rung_for(
            user_id=user.pk if user is not None else None,
            email=email,
            ip_hash=ip_hash,
            immediate=clause.immediate,
            now=now,
        )
        chosen = SanctionKind(kind) if kind else rung.kind
        if not kind:
            days = rung.days
        require(actor, PERMISSIONS[chosen])
        _check_complete(
            chosen, reason, days, has_subject=user is not None or bool(email or ip_hash)
        )
        _check_ladder(chosen, rung)
        sanction = Sanction.objects.create(
            kind=chosen,
            user=user,
            email=email,
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
            action=chosen,
            source=policy.Source.MODERATOR,
            automation=policy.Automation.NOT_AUTOMATED,
            detected_automatically=False,
            ground=_ground_of(comment),
            sanction_kind=chosen,
            public_id=sanction.public_id,
        )
        send_notice(
            comment=comment,
            kind=Notice.Kind.SANCTIONED,
            clause=clause,
            sanction=sanction,
            facts=facts_of_sanction(sanction, sanction.reason),
            user=user,
            email=email,
            extra={"appeal_url": absolute_url(links.sanction_appeal_path(sanction.pk))},
        )
    return sanction


def _ground_of(comment: Comment | None) -> str:
    """The ground of the comment's latest removal (a sanction for illegal content is counted
    apart in the published figures), else the Comment Policy."""
    if comment is not None:
        ground = (
            Decision.objects.filter(comment=comment, action=policy.Action.REMOVE)
            .order_by("-created_at", "-pk")
            .values_list("ground", flat=True)
            .first()
        )
        if ground:
            return ground
    return policy.Ground.INCOMPATIBLE


def _check_ladder(chosen: SanctionKind, rung: policy.Rung) -> None:
    if chosen != SanctionKind.WARNING and rung.kind == SanctionKind.WARNING:
        raise SanctionInvalid(
            _(
                "A first breach of this clause gets a warning: a suspension or a ban follows "
                "only a warning, unless the clause is marked immediate."
            )
        )


def _check_complete(
    kind: SanctionKind, reason: str, days: int | None, *, has_subject: bool
) -> None:
    if not has_subject:
        raise SanctionInvalid(_("Name the author: an account, an e-mail address or an address."))
    if not reason.strip():
        raise SanctionInvalid(_("Give the reason the author will be shown."))
    if kind == SanctionKind.SUSPENSION and not days:
        raise SanctionInvalid(_("Say for how many days the author is suspended."))


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
            send_notice(
                comment=sanction.comment,
                kind=Notice.Kind.SANCTION_REVOKED,
                clause=sanction.clause,
                sanction=sanction,
                facts=facts_of_sanction(sanction, sanction.revoked_reason),
                user=sanction.user,
                email=sanction.email,
                extra={"revoked_reason": sanction.revoked_reason},
            )
    return sanction
