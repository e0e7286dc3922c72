"""Whether an author may comment: the sanctions in force against them, and the message saying
why not and until when, read by screening before anything else; and whether an author was ever
sanctioned, which costs them the trust that lets them skip pre-moderation."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from gazette.moderation.models import Sanction
from gazette.moderation.policy import STRIKE_PERIOD_DAYS, Rung, next_rung


def _subject(user_id: int | None, email: str, ip_hash: str) -> Q:
    """Sanctions naming this author by account, e-mail address or address hash."""
    subject = Q(pk__in=[])
    if user_id is not None:
        subject |= Q(user_id=user_id)
    if email:
        subject |= Q(email__iexact=email.strip())
    if ip_hash:
        subject |= Q(ip_hash=ip_hash)
    return subject


def sanction_in_force(*, user_id: int | None, email: str, ip_hash: str) -> Sanction | None:
    """The sanction that stops this author commenting now (the longest-lasting), if any."""
    subject = _subject(user_id, email, ip_hash)
    sanctions = list(Sanction.objects.in_force().filter(subject).select_related("clause__version"))
    if not sanctions:
        return None
    bans = [sanction for sanction in sanctions if sanction.ends_at is None]
    if bans:
        return bans[0]
    return max(sanctions, key=lambda sanction: sanction.ends_at or sanction.starts_at)


def prior_strikes(*, user_id: int | None, email: str, ip_hash: str, since: datetime) -> int:
    """How many sanctions (not revoked) this author has had since `since`: the strikes the
    ladder (policy.next_rung) counts."""
    subject = _subject(user_id, email, ip_hash)
    return Sanction.objects.filter(subject, revoked_at__isnull=True, created_at__gte=since).count()


def next_rung_for(
    *, user_id: int | None, email: str, ip_hash: str, immediate: bool, now: datetime
) -> tuple[int, Rung]:
    """This author's strikes within the period, and the rung a new strike leads to."""
    strikes = prior_strikes(
        user_id=user_id,
        email=email,
        ip_hash=ip_hash,
        since=now - timedelta(days=STRIKE_PERIOD_DAYS),
    )
    return strikes, next_rung(prior_strikes=strikes, immediate=immediate)


def ever_sanctioned(*, user_id: int | None, email: str, ip_hash: str) -> bool:
    """Whether this author was ever sanctioned: a warning, a suspension long over or a ban all
    count. A revoked sanction does not: revoking is how a sanction made in error is undone."""
    subject = _subject(user_id, email, ip_hash)
    return Sanction.objects.filter(subject, revoked_at__isnull=True).exists()


def refusal_message(sanction: Sanction) -> str:
    """Why a sanctioned author's comment is refused and until when, in the reader's language."""
    clause = sanction.clause
    values = {
        "number": clause.number,
        "title": clause.local_title,
        "version": clause.version.number,
        "reason": sanction.reason,
    }
    if sanction.ends_at is None:
        return (
            _(
                "You can no longer comment here: you were banned under clause %(number)s "
                "(“%(title)s”) of the Comment Policy, version %(version)s. Reason: %(reason)s"
            )
            % values
        )
    until = formats.date_format(timezone.localtime(sanction.ends_at), "DATETIME_FORMAT")
    return _(
        "You cannot comment until %(until)s: you were suspended under clause %(number)s "
        "(“%(title)s”) of the Comment Policy, version %(version)s. Reason: %(reason)s"
    ) % {**values, "until": until}


def refusal_for(*, user_id: int | None, email: str, ip_hash: str) -> str | None:
    """The message refusing this author's comment, or None if they may comment."""
    sanction = sanction_in_force(user_id=user_id, email=email, ip_hash=ip_hash)
    return refusal_message(sanction) if sanction is not None else None
