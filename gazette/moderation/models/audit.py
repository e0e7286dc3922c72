"""The audit log: every moderation event, append-only.

Entries are written by the services and never changed: saving an existing entry, deleting one
or updating them in bulk raises, and the admin shows them read-only. Each entry carries the
plain values it needs (comment id, edition, section, clause key and number, policy version)
rather than foreign keys, so that nothing done to other tables later ever has to touch it.
The transparency report is computed from this table alone.

Two guards stand behind the model's: triggers in the database refuse an UPDATE or DELETE of
any row (installed by the migration `audit_log_chain_and_guards`, re-created after every
`migrate` by `audit_guards.py`), and each entry carries the hash of the one before it and its
own (`chain_digest`), so that a row altered by someone who removed the triggers is named by
`manage.py verify_audit_log`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLogIsAppendOnly(Exception):  # noqa: N818 - named for the rule it enforces
    pass


# The fields the chain itself consists of, and the row id (given by the database after the
# hash is computed; an entry's place is carried by `previous_hash` instead).
UNHASHED_FIELDS = frozenset({"id", "previous_hash", "entry_hash"})


def _canonical(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def chain_digest(entry: models.Model, previous_hash: str) -> str:
    """SHA-256 over the entry's concrete fields (all of them, whichever app added them) and the
    previous entry's hash. A field that is empty or holds its default is left out, so that a
    field added by a later migration leaves the hashes of older entries valid; changing any
    value, to or from empty, changes the digest."""
    values = {}
    for field in type(entry)._meta.concrete_fields:
        if field.name in UNHASHED_FIELDS:
            continue
        value = field.value_from_object(entry)
        if value in (None, "") or (field.has_default() and value == field.get_default()):
            continue
        values[field.attname] = _canonical(value)
    payload = json.dumps(
        {"previous": previous_hash, "entry": values},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditLogIsAppendOnly(_("Audit log entries cannot be changed."))

    def delete(self) -> NoReturn:
        raise AuditLogIsAppendOnly(_("Audit log entries cannot be deleted."))


class AuditEntry(models.Model):
    class Event(models.TextChoices):
        SCREENED = "screened", _("Screened on arrival")
        APPROVED = "approved", _("Approved")
        REMOVED = "removed", _("Removed")
        HELD = "held", _("Held for review")
        REINSTATED = "reinstated", _("Reinstated")
        REPORTED = "reported", _("Reported by a reader")
        REPORTS_DISMISSED = "reports_dismissed", _("Reports dismissed")
        REVIEW_REQUESTED = "review_requested", _("Review requested by a reporter")
        APPEAL_FILED = "appeal_filed", _("Appeal filed")
        # Named from the appellant's side: "upheld" is an appeal that succeeded (the decision
        # was reversed), "rejected" one that failed (the decision stands).
        APPEAL_UPHELD = "appeal_upheld", _("Appeal upheld: decision reversed")
        APPEAL_REJECTED = "appeal_rejected", _("Appeal rejected: decision stands")
        SANCTIONED = "sanctioned", _("Author sanctioned")
        SANCTION_REVOKED = "sanction_revoked", _("Sanction revoked")
        NOTICE_SENT = "notice_sent", _("Notice sent")
        NUDGED = "nudged", _("Reader nudged before posting")
        REPORT_RESOLVED = "report_resolved", _("Report resolved")
        REPORTER_TOLD = "reporter_told", _("Message sent to a reporter")
        REPORTER_WARNED = "reporter_warned", _("Reporter warned about unfounded reports")
        REPORTING_SUSPENDED = "reporting_suspended", _("Reporting suspended for misuse")
        MODE_CHANGED = "mode_changed", _("Moderation mode or preset changed")
        APPEAL_MODIFIED = "appeal_modified", _("Appeal decided: decision modified")
        APPEAL_ASSIGNED = "appeal_assigned", _("Appeal assigned to a reviewer")
        APPEAL_NO_REVIEWER = "appeal_no_reviewer", _("Appeal with no qualified reviewer")
        APPEAL_MISUSE_WARNED = "appeal_misuse_warned", _("Appellant warned: unfounded appeals")
        APPEAL_RIGHT_LOST = "appeal_right_lost", _("Right to appeal suspended")
        REFUSAL_PUBLISHED = "refusal_published", _("Refused comment published on appeal")
        AUTHORITY_REQUEST = "authority_request", _("Order from an authority recorded")
        # The order acted on: its outcome, with the order's `record_id` (its type and country
        # are on the entry that recorded it).
        AUTHORITY_ANSWERED = "authority_answered", _("Order from an authority acted on")
        EVIDENCE_MINIMISED = "evidence_minimised", _("Evidence minimised after the appeal window")
        POLICY_PUBLISHED = "policy_published", _("Comment Policy version published")
        SCREENING_CHANGED = "screening_changed", _("Screening configuration changed")
        # A reader's data rights (docs/security.md): the request is on record, the person not.
        ERASURE_CARRIED_OUT = "erasure_carried_out", _("Reader's data erased on request")
        DATA_PROVIDED = "data_provided", _("Reader's data provided to staff on request")
        ROLE_GRANTED = "role_granted", _("Staff role given")
        ROLE_REVOKED = "role_revoked", _("Staff role taken away")
        # A queue item another moderator had claimed, taken over (the holder in `note`).
        CLAIM_TAKEN_OVER = "claim_taken_over", _("Queue item taken over from a moderator")
        # Every comment downloaded at once: by whom, and whether with readers' personal data.
        COMMENTS_EXPORTED = "comments_exported", _("Comments exported")

    created_at = models.DateTimeField(_("time"), db_index=True)
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty when the system acted (screening, readers' reports)."),
    )
    # When no person acted: the component and its version, e.g. "screening@3f2a9c01de".
    actor_component = models.CharField(_("by component"), max_length=80, blank=True)
    automatic = models.BooleanField(_("automatic"), default=False)
    comment_id = models.PositiveBigIntegerField(_("comment"), null=True, blank=True, db_index=True)
    comment_posted_at = models.DateTimeField(_("comment posted"), null=True, blank=True)
    thread_key = models.CharField(_("discussion"), max_length=255, blank=True)
    edition = models.CharField(_("edition"), max_length=8, blank=True, db_index=True)
    section = models.CharField(_("section"), max_length=50, blank=True)
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12, blank=True)
    outcome = models.CharField(_("outcome"), max_length=32, blank=True)
    clause_key = models.CharField(_("clause"), max_length=40, blank=True)
    clause_number = models.PositiveSmallIntegerField(_("clause number"), null=True, blank=True)
    policy_version = models.PositiveIntegerField(_("policy version"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # For screening: the rules behind its verdict ("term,model:abuse") and the language and
    # script the comment was written in (screening/languages.py), for the published figures.
    rules = models.CharField(_("screening rules"), max_length=200, blank=True)
    written = models.CharField(_("written in"), max_length=8, blank=True)
    # For appeals: what was appealed (policy.AppealBasis), whether screening had flagged it, and
    # when the appeal was filed, for the published appeal figures (median time to decide).
    basis = models.CharField(_("appeal against"), max_length=12, blank=True)
    screening_flagged = models.BooleanField(_("flagged by screening"), null=True, blank=True)
    filed_at = models.DateTimeField(_("appeal filed"), null=True, blank=True)
    # What the statement-of-reasons figures are broken down by (policy.Source, Automation,
    # Ground; SanctionKind) and the statement's public id, to join the statement export.
    action = models.CharField(_("action"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=20, blank=True)
    automation = models.CharField(_("automated decision"), max_length=16, blank=True)
    detected_automatically = models.BooleanField(_("detected automatically"), null=True, blank=True)
    ground = models.CharField(_("ground"), max_length=12, blank=True)
    sanction_kind = models.CharField(_("sanction"), max_length=12, blank=True)
    public_id = models.CharField(_("statement"), max_length=40, blank=True)
    record_id = models.PositiveBigIntegerField(
        _("record"), null=True, blank=True, help_text=_("The decision, appeal or sanction.")
    )

    # The hash chain (see chain_digest): empty only before the first entry.
    previous_hash = models.CharField(_("previous entry's hash"), max_length=64, blank=True)
    entry_hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["event", "created_at"])]
        permissions = [
            ("carry_out_data_requests", _("Can carry out readers' data requests")),
            ("manage_staff_roles", _("Can give and take the editor and moderator roles")),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_event_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A model guard, not a rule: rows of this table are written once.
        if not self._state.adding:
            raise AuditLogIsAppendOnly(_("Audit log entries cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditLogIsAppendOnly(_("Audit log entries cannot be deleted."))
