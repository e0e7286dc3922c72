"""Notices to a comment's author, written once and stored exactly as sent.

Each notice is a statement of reasons (statements.py): the action and its scope and end, the
facts and what set the decision off, how far it was automated, the ground (the law, or the
clause of the policy version the comment was written under, with its text in the author's
language), why, and how to appeal. It is rendered when the decision is made, in the author's
language (the interface they posted from, else the language they wrote in, else the edition's),
stored as text and as JSON, recorded in the audit log (`notice_sent`), shown on the author's
status page and moderation history, and e-mailed after commit when there is an address.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gazette.accounts.models import User
from gazette.challenges.limits import may_mail
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation import links, policy, statements, tasks
from gazette.moderation.models import (
    AuditEntry,
    Clause,
    Decision,
    Notice,
    Sanction,
)
from gazette.moderation.policy import Automation, Source
from gazette.moderation.sanctions import refusal_message
from gazette.moderation.screening.languages import language_of
from gazette.moderation.services import audit
from gazette.moderation.services.audit import Context

EXCERPT = 600
# Notices that restrict something and so may be appealed: they carry the appeal route.
_APPEALABLE_KINDS = frozenset(
    {Notice.Kind.REMOVED, Notice.Kind.HELD, Notice.Kind.SANCTIONED, Notice.Kind.REFUSED}
)


def _editions() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def author_language(comment: Comment) -> str:
    """The language to write to a comment's author in: the interface they posted from, else
    the language the comment is written in, else its edition's."""
    editions = _editions()
    if comment.language in editions:
        return comment.language
    written = str(language_of(comment.body)).split("-", 1)[0]
    if written in editions:
        return written
    return Context.of(comment).edition


@dataclass(frozen=True)
class Facts:
    """What a notice states beyond its kind: filled from the decision or sanction it is for."""

    action: str
    explanation: str = ""
    decision_facts: str = ""
    source: str = Source.MODERATOR
    automation: str = Automation.NOT_AUTOMATED
    detected_automatically: bool = False
    ground: str = policy.Ground.INCOMPATIBLE
    legal_ground: str = ""
    also_illegal: bool = False
    ends_at: datetime | None = None
    indefinite: bool = True
    scope: list[str] = field(default_factory=list)
    puid: str = ""
    authority_disclosed: bool = False
    appealable_from: datetime | None = None


def _facts_of_decision(decision: Decision) -> Facts:
    authority = decision.authority_request
    return Facts(
        action=decision.action,
        explanation=decision.explanation,
        decision_facts=decision.facts,
        source=decision.source,
        automation=decision.automation,
        detected_automatically=decision.detected_automatically,
        ground=decision.ground,
        legal_ground=decision.legal_ground,
        also_illegal=decision.also_illegal,
        ends_at=decision.ends_at,
        indefinite=decision.ends_at is None,
        scope=list(decision.scope),
        puid=decision.public_id,
        authority_disclosed=authority is not None and not authority.disclosure_forbidden,
        appealable_from=decision.created_at,
    )


def facts_of_sanction(sanction: Sanction, explanation: str) -> Facts:
    return Facts(
        action=sanction.kind,
        explanation=explanation,
        ends_at=sanction.ends_at,
        indefinite=sanction.ends_at is None and sanction.kind == policy.SanctionKind.BAN,
        puid=sanction.public_id,
        appealable_from=sanction.starts_at,
    )


def send_notice(
    *,
    comment: Comment | None,
    kind: str,
    decision: Decision | None = None,
    clause: Clause | None = None,
    note: str = "",
    automatic: bool = False,
    extra: dict[str, object] | None = None,
    sanction: Sanction | None = None,
    facts: Facts | None = None,
    user: User | None = None,
    email: str = "",
    excerpt: str = "",
) -> Notice:
    """Write the notice and its `notice_sent` audit entry (inside the caller's transaction, so
    it exists when the restriction starts) and e-mail it after commit.

    `comment` is None only for a comment screening refused (pass `excerpt`, `user`, `email`)
    or a sanction not tied to a comment. An automatic notice follows from what a visitor did
    (posted words screening holds, with any address typed in): it is mailed only within that
    address's daily limit, and otherwise kept for the status page alone.
    """
    # Long by design: the notice is rendered, stored, logged and mailed in one place, so what is
    # stored is exactly what was sent.
    if facts is None:
        facts = _facts_of_decision(decision) if decision is not None else Facts(action=kind)
    if facts.explanation == "" and note:
        facts = replace(facts, explanation=note)
    language = author_language(comment) if comment is not None else _request_language()
    recipient = user or (comment.user if comment is not None else None)
    address = (comment.email if comment is not None else "") or email
    if not address and recipient is not None:
        address = recipient.email
    notice = Notice(
        comment=comment,
        decision=decision,
        sanction=sanction,
        user=recipient,
        email=address,
        kind=kind,
        language=language,
        automatic=automatic,
        emailed=bool(address) and (not automatic or may_mail(address)),
        # Sent as the restriction starts: the same moment, in the same transaction.
        created_at=_restriction_start(decision, sanction),
    )
    with translation.override(language):
        statement = _statement(notice, comment, clause, facts, excerpt or _body(comment))
        context = {
            "kind": kind,
            "comment": comment,
            "name": comment.author_name if comment is not None else _name(recipient),
            "clause": clause,
            "statement": statement,
            "automatic": automatic,
            "status_url": statement["redress"]["appeal_url"],
            "sanction_text": sanction_text(sanction) if sanction is not None else "",
            "ends_at": facts.ends_at,
            "appeal_deadline": _deadline(facts, notice),
            **(extra or {}),
        }
        notice.subject = " ".join(
            render_to_string("moderation/email/notice_subject.txt", context).split()
        )[:200]
        notice.body = render_to_string("moderation/email/notice.txt", context).strip()
        notice.clause_title = clause.local_title if clause is not None else ""
        notice.clause_text = clause.local_text if clause is not None else ""
    notice.clause_number = clause.number if clause is not None else None
    notice.policy_version = clause.version.number if clause is not None else None
    notice.statement = statement
    notice.save()
    _log(notice, comment, clause, facts)
    if notice.emailed:
        notice_id = notice.pk
        transaction.on_commit(lambda: tasks.email_notice.enqueue(notice_id))
    return notice


def _restriction_start(decision: Decision | None, sanction: Sanction | None) -> datetime:
    if decision is not None:
        return decision.created_at
    if sanction is not None and sanction.revoked_at is None:
        return sanction.starts_at
    return clock.now()


def sanction_text(sanction: Sanction) -> str:
    """What a sanction means for its subject and until when, in the active language."""
    if sanction.kind != policy.SanctionKind.WARNING:
        return refusal_message(sanction)
    return _(
        "This is a warning: a further breach within %(days)s days may lead to a suspension. "
        "Reason: %(reason)s"
    ) % {"reason": sanction.reason, "days": policy.STRIKE_PERIOD_DAYS}


def _deadline(facts: Facts, notice: Notice) -> datetime | None:
    if notice.kind not in _APPEALABLE_KINDS or facts.appealable_from is None:
        return None
    return policy.appeal_deadline(facts.appealable_from)


def _request_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in _editions() else settings.LANGUAGE_CODE


def _name(user: User | None) -> str:
    return user.public_name if user is not None else _("reader")


def _body(comment: Comment | None) -> str:
    return comment.body if comment is not None else ""


def _trigger_text(source: str) -> str:
    # Never who reported: the author learns only that a reader did (Art. 17(3)(b), recital 54).
    texts = {
        Source.READER_REPORT: _("a reader reported the comment"),
        Source.TRUSTED_FLAGGER: _("a trusted flagger reported the comment"),
        Source.AUTHORITY_REQUEST: _("an order from an authority"),
        Source.SCREENING: _("our automated screening"),
        Source.MODERATOR: _("a moderator's own review"),
    }
    return str(texts.get(Source(source), texts[Source.MODERATOR]))


def _statement(
    notice: Notice, comment: Comment | None, clause: Clause | None, facts: Facts, text: str
) -> dict[str, Any]:
    """Every element of the statement of reasons, as plain values (statements.SCHEMA)."""
    status_url = absolute_url(links.comment_status_path(comment.pk)) if comment else ""
    history_url = absolute_url(reverse("moderation:history"))
    appeal_url = status_url or history_url
    deadline = _deadline(facts, notice)
    appealable = deadline is not None
    disclosed = facts.authority_disclosed
    return {
        "schema": statements.SCHEMA_ID,
        "puid": facts.puid or notice.public_id,
        "kind": notice.kind,
        "language": notice.language,
        "authority_request": disclosed,
        "sent_at": notice.created_at.isoformat(),
        "action": {
            "type": facts.action,
            "scope": facts.scope or ([Context.of(comment).edition] if comment else []),
            "ends_at": facts.ends_at.isoformat() if facts.ends_at else None,
            "indefinite": facts.indefinite and facts.ends_at is None,
        },
        "facts": {
            "permalink": f"{appeal_url}#{facts.puid or notice.public_id}",
            "comment_url": absolute_url(comment.get_absolute_url()) if comment else "",
            "excerpt": text[:EXCERPT],
            "decision_facts": facts.decision_facts or facts.explanation,
            # What the Transparency Database asks of the content itself.
            "content_date": comment.created_at.isoformat()
            if comment
            else notice.created_at.isoformat(),
            "content_language": str(language_of(text)).split("-", 1)[0] if text else "",
            "what_breaks_the_rule": facts.explanation,
            "trigger": Source.MODERATOR
            if facts.source == Source.AUTHORITY_REQUEST and not disclosed
            else facts.source,
            "trigger_text": _trigger_text(
                Source.MODERATOR
                if facts.source == Source.AUTHORITY_REQUEST and not disclosed
                else facts.source
            ),
        },
        "automation": {
            "detected_automatically": facts.detected_automatically,
            "automated_decision": facts.automation,
        },
        "ground": {
            "type": facts.ground,
            "legal_ground": facts.legal_ground,
            "also_illegal": facts.also_illegal,
        },
        "clause": {
            "key": clause.key if clause else "",
            "number": clause.number if clause else None,
            "version": clause.version.number if clause else None,
            "title": clause.local_title if clause else "",
            "text": clause.local_text if clause else "",
            "url": absolute_url(clause.get_absolute_url()) if clause else "",
        },
        "redress": {
            "appeal_url": appeal_url if appealable else status_url,
            "appeal_deadline": deadline.isoformat() if deadline else None,
            "decided_by": str(
                _("a senior moderator who took no part in the decision") if appealable else ""
            ),
            "target_days": policy.APPEAL_TARGET_DAYS,
            "other": str(
                _(
                    "You may also take the matter to a court, or to an out-of-court dispute "
                    "settlement body, whatever the outcome of an appeal."
                )
            ),
        },
    }


def _log(notice: Notice, comment: Comment | None, clause: Clause | None, facts: Facts) -> None:
    audit.record(
        AuditEntry.Event.NOTICE_SENT,
        comment=comment,
        automatic=True,
        outcome="emailed" if notice.emailed else "stored",
        clause=clause,
        record_id=notice.pk,
        written=str(language_of(comment.body)) if comment is not None else "",
        action=facts.action,
        source=facts.source,
        automation=facts.automation,
        detected_automatically=facts.detected_automatically,
        ground=facts.ground,
        public_id=str(notice.statement["puid"]),
        sanction_kind=facts.action if facts.action in set(policy.SanctionKind) else "",
    )
