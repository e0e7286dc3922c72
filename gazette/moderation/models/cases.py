"""The moderation of comments: readers' reports, decisions, appeals and the notices sent."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.comments.models import Comment
from gazette.moderation import links
from gazette.moderation.models.authority import AuthorityRequest
from gazette.moderation.models.clauses import Clause
from gazette.moderation.policy import Action, Automation, Ground, Source


def new_public_id(prefix: str = "gz") -> str:
    """A statement's public id: unguessable, never reused, `[A-Za-z0-9_-]` (the Transparency
    Database's `puid` rule)."""
    return f"{prefix}-{secrets.token_urlsafe(12)}"


def new_notice_id() -> str:
    return new_public_id("gzn")


class Report(models.Model):
    """A notice from a reader that a comment breaks a clause or the law; one per reader and
    comment. It records which text was reported (the comment's revision) and under which
    version of the Comment Policy."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIONED = "actioned", _("The comment was removed")
        NO_ACTION = "no_action", _("No action: the comment stays")
        REINSTATED = "reinstated", _("The comment was removed, then reinstated on appeal")

    class Ground(models.TextChoices):
        POLICY = "policy", _("It breaks a rule of the Comment Policy")
        ILLEGAL = "illegal", _("It is illegal content")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="+", verbose_name=_("comment")
    )
    # The number of edits the comment had when it was reported (0: as first posted) and the time
    # of the last one: together they name the text the reader saw.
    comment_revision = models.PositiveIntegerField(_("comment revision"), default=0)
    comment_edited_at = models.DateTimeField(_("comment last edited"), null=True, blank=True)
    ground = models.CharField(
        _("ground"), max_length=8, choices=Ground.choices, default=Ground.POLICY
    )
    clause = models.ForeignKey(
        Clause,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clause"),
    )
    policy_version = models.PositiveIntegerField(_("policy version"), null=True, blank=True)
    legal_ground = models.CharField(_("law"), max_length=500, blank=True)
    note = models.TextField(_("details"), blank=True, max_length=2000)
    bona_fide = models.BooleanField(_("made in good faith"), default=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reporter"),
    )
    reporter_key = models.CharField(max_length=100)
    reporter_name = models.CharField(_("reporter's name"), max_length=80, blank=True)
    reporter_email = models.EmailField(_("reporter's e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    # The one decision that resolved this report and every other report on the comment.
    decision = models.ForeignKey(
        "Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("decision"),
    )
    automated = models.BooleanField(_("resolved with automated means"), default=False)
    manifestly_unfounded = models.BooleanField(_("manifestly unfounded"), default=False)
    # Filed by an organisation trusted as a flagger at that moment (models/flaggers.py): the desk
    # reads it first, and the decision's source says so.
    trusted_flagger = models.BooleanField(_("from a trusted flagger"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_key"], name="one_report_per_reader"
            ),
            models.CheckConstraint(
                condition=Q(ground="illegal", bona_fide=True) & ~Q(legal_ground="")
                | Q(ground="policy", clause__isnull=False),
                name="report_names_its_ground",
            ),
        ]
        indexes = [
            models.Index(fields=["outcome", "created_at"]),
            models.Index(fields=["reporter_key", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"report {self.pk} of comment {self.comment_id}"

    @property
    def status_token(self) -> str:
        """The signed token of the reporter's private page of this report."""
        return links.report_token(self.pk)

    @property
    def address(self) -> str:
        """Where messages to the reporter go: the address they gave, else their account's."""
        if self.reporter_email:
            return self.reporter_email
        return self.reporter.email if self.reporter is not None else ""


class Decision(models.Model):
    """A state change of a comment made by moderation (a moderator, or the system), kept as the
    statement of reasons the author is given (Art. 17(3) DSA: docs/moderation.md)."""

    public_id = models.CharField(
        _("public id"), max_length=40, unique=True, default=new_public_id, editable=False
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="+", verbose_name=_("comment")
    )
    action = models.CharField(
        _("action"), max_length=12, choices=[(a.value, a.value) for a in Action]
    )
    from_state = models.CharField(_("from"), max_length=12)
    to_state = models.CharField(_("to"), max_length=12)
    clause = models.ForeignKey(
        Clause,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clause"),
    )
    # Private to moderators; what the author reads is `explanation`.
    note = models.TextField(_("moderators' note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    automatic = models.BooleanField(_("automatic"), default=False)
    created_at = models.DateTimeField(_("decided"))
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=[(s.value, s.value) for s in Source],
        default=Source.MODERATOR,
    )
    automation = models.CharField(
        _("automated decision"),
        max_length=16,
        choices=[(a.value, a.value) for a in Automation],
        default=Automation.NOT_AUTOMATED,
    )
    detected_automatically = models.BooleanField(_("detected automatically"), default=False)
    # The screening rules that found it (e.g. ["term", "model:abuse"]); empty if none did.
    detected_by = models.JSONField(_("detected by"), default=list, blank=True)
    ground = models.CharField(
        _("ground"),
        max_length=12,
        choices=[(g.value, g.value) for g in Ground],
        default=Ground.INCOMPATIBLE,
    )
    legal_ground = models.CharField(_("law relied on"), max_length=500, blank=True)
    also_illegal = models.BooleanField(_("also illegal"), default=False)
    explanation = models.TextField(_("why, as the author reads it"), max_length=2000, blank=True)
    facts = models.TextField(_("facts"), max_length=5000, blank=True)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    scope = models.JSONField(_("scope (editions)"), default=list, blank=True)
    authority_request = models.ForeignKey(
        AuthorityRequest,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("authority request"),
    )
    # Evidence for the appeal window: the comment as it was when decided, kept even if its
    # author deletes it or their account, then minimised (services.evidence).
    comment_text = models.TextField(_("comment as decided"), blank=True)
    evidence_minimised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        permissions = [
            ("moderate_comments", _("Can approve, hold and remove comments")),
            ("sanction_authors", _("Can warn and suspend authors")),
            ("ban_authors", _("Can ban authors")),
            ("revoke_sanctions", _("Can revoke sanctions made in error")),
            ("decide_appeals", _("Can decide appeals")),
            (
                "export_statements",
                _("Can download statements of reasons for the Transparency Database"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="remove") | Q(clause__isnull=False),
                name="removal_cites_a_clause",
            ),
            models.CheckConstraint(
                condition=Q(actor__isnull=False) | Q(automatic=True),
                name="decision_has_an_author",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} of comment {self.comment_id}"


class Notice(models.Model):
    """A notice to a comment's author, stored exactly as sent: the clause text and version of
    that moment, never re-rendered from today's policy."""

    class Kind(models.TextChoices):
        REMOVED = "removed", _("Comment removed")
        HELD = "held", _("Comment held for review")
        SCREENED = "screened", _("Comment held by automated screening")
        APPROVED = "approved", _("Comment approved")
        REINSTATED = "reinstated", _("Comment reinstated")
        APPEAL_REJECTED = "appeal_rejected", _("Appeal rejected")
        SANCTIONED = "sanctioned", _("Sanction")
        SANCTION_REVOKED = "sanction_revoked", _("Sanction revoked")
        REFUSED = "refused", _("Comment refused by automated screening")

    public_id = models.CharField(
        _("public id"), max_length=40, unique=True, default=new_notice_id, editable=False
    )
    # Empty for a comment screening refused (it was never saved) and a sanction not tied to one.
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comment"),
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    sanction = models.ForeignKey(
        "moderation.Sanction",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notices",
    )
    # The account it is for, so that it shows on their moderation history.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    email = models.EmailField(_("sent to"), blank=True)
    # Every element of the statement of reasons, as plain values (statements.SCHEMA).
    statement = models.JSONField(_("statement of reasons"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    clause_number = models.PositiveSmallIntegerField(null=True, blank=True)
    clause_title = models.CharField(max_length=120, blank=True)
    clause_text = models.TextField(blank=True)
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    automatic = models.BooleanField(default=False)
    emailed = models.BooleanField(_("sent by e-mail"), default=False)
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return self.subject
