"""What moderation holds about one person, for their data request, and its erasure.

A person is followed by a `Trail`: their account, the addresses they gave, the reader keys
they wrote under and the comments they wrote. Their reports, the notices and decisions about
their comments, their appeals, sanctions and refused comments are theirs to read, without the
names of the moderators who acted or the moderators' private notes.

Erasure blanks the addresses and address hashes in those records and unlinks the account; the
records themselves stay, because the audit log and the published figures count them. The
audit log is never touched (its rows cannot change); it names accounts only by id, and an
account it names is kept as a former account (accounts.personal_data).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from gazette.core import clock
from gazette.moderation.models import (
    Appeal,
    AppealNotice,
    Decision,
    Notice,
    RecentText,
    Report,
    ReporterMessage,
    Sanction,
    ScreeningRefusal,
)


@dataclass(frozen=True)
class Trail:
    """What names one person in moderation's records."""

    user_id: int | None = None
    emails: frozenset[str] = field(default_factory=frozenset)
    reader_keys: frozenset[str] = field(default_factory=frozenset)
    comment_ids: frozenset[int] = field(default_factory=frozenset)

    def by(self, *, user: str = "", email: str = "", key: str = "", comment: str = "") -> Q:
        """The condition matching this person on a model whose fields have these names."""
        condition = Q(pk__in=[])
        if user and self.user_id is not None:
            condition |= Q(**{f"{user}_id": self.user_id})
        if email:
            for address in self.emails:
                condition |= Q(**{f"{email}__iexact": address})
        if key and self.reader_keys:
            condition |= Q(**{f"{key}__in": sorted(self.reader_keys)})
        if comment and self.comment_ids:
            condition |= Q(**{f"{comment}_id__in": sorted(self.comment_ids)})
        return condition


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _messages(messages: Iterable[ReporterMessage | AppealNotice]) -> list[dict[str, object]]:
    return [
        {"subject": m.subject, "text": m.body, "sent_at": m.created_at.isoformat()}
        for m in messages
    ]


def moderation_records(trail: Trail) -> dict[str, list[dict[str, object]]]:
    """Everything moderation holds about the person, as plain values; a fixed number of
    queries whatever their number."""
    return {
        "decisions": _decisions(trail),
        "reports": _reports(trail),
        "notices": _notices(trail),
        "appeals": _appeals(trail),
        "sanctions": _sanctions(trail),
        "refused_comments": _refusals(trail),
    }


def _decisions(trail: Trail) -> list[dict[str, object]]:
    """Decisions on the person's comments, as the author is told them: what, why, when and
    whether automatically; never who decided or the moderators' note."""
    found = (
        Decision.objects.filter(trail.by(comment="comment"))
        .select_related("clause")
        .order_by("created_at", "pk")
    )
    return [
        {
            "statement": decision.public_id,
            "comment": decision.comment_id,
            "action": decision.action,
            "from_state": decision.from_state,
            "to_state": decision.to_state,
            "clause": decision.clause.number if decision.clause else None,
            "explanation": decision.explanation,
            "law": decision.legal_ground,
            "decided_at": decision.created_at.isoformat(),
            "automated": decision.automatic,
            # A moderator's name is their own personal data: never given.
            "decided_by": _("a moderator") if decision.actor_id else _("automated screening"),
        }
        for decision in found
    ]


def _reports(trail: Trail) -> list[dict[str, object]]:
    found = (
        Report.objects.filter(trail.by(user="reporter", email="reporter_email", key="reporter_key"))
        .select_related("clause")
        .prefetch_related(Prefetch("messages", queryset=ReporterMessage.objects.order_by("pk")))
        .order_by("created_at", "pk")
    )
    return [
        {
            "comment": report.comment_id,
            "ground": report.ground,
            "clause": report.clause.number if report.clause else None,
            "law": report.legal_ground,
            "details": report.note,
            "name": report.reporter_name,
            "email": report.reporter_email,
            "reported_at": report.created_at.isoformat(),
            "outcome": report.outcome,
            "resolved_at": _iso(report.resolved_at),
            "messages": _messages(report.messages.all()),
        }
        for report in found
    ]


def _notices(trail: Trail) -> list[dict[str, object]]:
    found = Notice.objects.filter(trail.by(user="user", email="email", comment="comment")).order_by(
        "created_at", "pk"
    )
    return [
        {
            "notice": notice.public_id,
            "comment": notice.comment_id,
            "kind": notice.kind,
            "subject": notice.subject,
            "text": notice.body,
            "sent_to": notice.email,
            "sent_at": notice.created_at.isoformat(),
            "statement_of_reasons": notice.statement,
        }
        for notice in found
    ]


def _appeals_of(trail: Trail) -> Q:
    """The person's appeals: those they filed, and those against decisions on their comments.
    A reporter's appeal against "no action" names the comment too, but is the reporter's."""
    filed = trail.by(user="appellant", email="email", key="appellant_key")
    return filed | (trail.by(comment="comment") & ~Q(basis=Appeal.Basis.NO_ACTION))


def _appeals(trail: Trail) -> list[dict[str, object]]:
    found = (
        Appeal.objects.filter(_appeals_of(trail))
        .prefetch_related(Prefetch("notices", queryset=AppealNotice.objects.order_by("pk")))
        .order_by("created_at", "pk")
    )
    return [
        {
            "against": appeal.basis,
            "comment": appeal.comment_id,
            "statement": appeal.statement,
            "new_information": appeal.information,
            "email": appeal.email,
            "filed_at": appeal.created_at.isoformat(),
            "decide_by": appeal.decide_by.isoformat(),
            "status": appeal.status,
            "outcome": appeal.outcome,
            "reasons": appeal.response,
            "decided_at": _iso(appeal.decided_at),
            "messages": _messages(appeal.notices.all()),
        }
        for appeal in found
    ]


def _sanctions(trail: Trail) -> list[dict[str, object]]:
    found = (
        Sanction.objects.filter(trail.by(user="user", email="email", comment="comment"))
        .select_related("clause")
        .order_by("created_at", "pk")
    )
    return [
        {
            "sanction": sanction.public_id,
            "kind": sanction.kind,
            "clause": sanction.clause.number,
            "reason": sanction.reason,
            "from": sanction.starts_at.isoformat(),
            "until": _iso(sanction.ends_at),
            "revoked_at": _iso(sanction.revoked_at),
            "why_revoked": sanction.revoked_reason,
        }
        for sanction in found
    ]


def _refusals(trail: Trail) -> list[dict[str, object]]:
    found = ScreeningRefusal.objects.filter(
        trail.by(user="user", email="email", key="author_key")
    ).order_by("created_at", "pk")
    return [
        {
            "name": refusal.author_name,
            "email": refusal.email,
            "text": refusal.body,
            "refused_at": refusal.created_at.isoformat(),
            "published_as": refusal.published_as_id,
        }
        for refusal in found
    ]


def erase_trail(trail: Trail, *, remove_texts: bool) -> int:
    """Blank what names the person in moderation's records: addresses, address hashes, names
    they gave, the account link, screening's memory of their texts. With `remove_texts`, the
    comments screening refused go as well. Sanctions stay on record without naming the
    account, as when an account is deleted; one still in force keeps the address and address
    hash it was made against until it ends, so that erasure is no way round a ban. Returns how
    many records were changed; one transaction."""
    with transaction.atomic():
        changed = Report.objects.filter(
            trail.by(user="reporter", email="reporter_email", key="reporter_key")
        ).update(reporter_email="", reporter_name="", reporter=None)
        changed += Notice.objects.filter(
            trail.by(user="user", email="email", comment="comment")
        ).update(email="", user=None)
        changed += Appeal.objects.filter(_appeals_of(trail)).update(email="", appellant=None)
        changed += _minimise_sanctions(trail)
        refused: dict[str, object] = {"email": "", "ip_hash": "", "author_name": "", "user": None}
        if remove_texts:
            refused["body"] = ""
        changed += ScreeningRefusal.objects.filter(
            trail.by(user="user", email="email", key="author_key")
        ).update(**refused)
        RecentText.objects.filter(author_key__in=sorted(trail.reader_keys)).delete()
    return changed


def _minimise_sanctions(trail: Trail) -> int:
    sanctions = Sanction.objects.filter(trail.by(user="user", email="email"))
    ids = set(sanctions.values_list("pk", flat=True))
    in_force = set(sanctions.in_force().values_list("pk", flat=True))
    # The mark first: it is what satisfies `sanction_has_a_subject` once nothing else names one.
    Sanction.objects.filter(pk__in=sorted(ids)).update(subject_minimised_at=clock.now(), user=None)
    Sanction.objects.filter(pk__in=sorted(ids - in_force)).update(email="", ip_hash="")
    return len(ids)
