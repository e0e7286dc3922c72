"""The hearing: appeals of every kind of decision, the refused submissions they may bring back,
the languages reviewers read, the messages sent to appellants and the loss of the right to
appeal that misuse earns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gazette.comments.models import Comment, Thread
from gazette.core import clock
from gazette.moderation.models.cases import Decision, Report
from gazette.moderation.models.sanctions import Sanction
from gazette.moderation.policy import AppealBasis, AppealOutcome, AppealStatus


def _languages() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


class ScreeningRefusal(models.Model):
    """A comment screening refused before it was ever published, kept as written so that a
    person can review it on appeal and, if the appeal succeeds, publish it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    parent_id = models.PositiveBigIntegerField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_key = models.CharField(max_length=100)
    author_name = models.CharField(_("name"), max_length=80)
    # Never shown: the address the writer gave, for the appeal's acknowledgement and outcome.
    email = models.EmailField(blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    body = models.TextField(_("text as written"))
    reasons = models.JSONField(_("screening reasons"), default=list, blank=True)
    rules = models.CharField(_("screening rules"), max_length=200, blank=True)
    clause_key = models.CharField(_("clause"), max_length=40, blank=True)
    written = models.CharField(_("written in"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("refused"))
    published_as = models.OneToOneField(
        Comment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published on appeal as"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("refused submission")
        verbose_name_plural = _("refused submissions")

    def __str__(self) -> str:
        return f"refusal {self.pk}"


class ReviewerLanguage(models.Model):
    """A language a reviewer reads: appeals go only to reviewers who read the comment's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_languages",
        verbose_name=_("reviewer"),
    )
    language = models.CharField(_("language"), max_length=8, choices=_languages)

    class Meta:
        ordering = ["user_id", "language"]
        verbose_name = _("reviewer's language")
        verbose_name_plural = _("reviewers' languages")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "language"], name="one_row_per_reviewer_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"


class AppealQuerySet(models.QuerySet["Appeal"]):
    def pending(self) -> AppealQuerySet:
        return self.filter(outcome=Appeal.Outcome.PENDING)


class Appeal(models.Model):
    """An appeal against one decision, sanction, refusal or "no action"; each is appealed once
    (the one-to-one fields), and a person who took no part in it decides."""

    class Basis(models.TextChoices):
        DECISION = AppealBasis.DECISION.value, _("A decision on a comment")
        SANCTION = AppealBasis.SANCTION.value, _("A sanction")
        REFUSAL = AppealBasis.REFUSAL.value, _("A comment refused by screening")
        NO_ACTION = AppealBasis.NO_ACTION.value, _("A report closed with no action")

    class Status(models.TextChoices):
        RECEIVED = AppealStatus.RECEIVED.value, _("Received")
        IN_REVIEW = AppealStatus.IN_REVIEW.value, _("In review")
        DECIDED = AppealStatus.DECIDED.value, _("Decided")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        UPHELD = AppealOutcome.UPHELD.value, _("Upheld: the decision stands")
        REVERSED = AppealOutcome.REVERSED.value, _("Reversed: the decision is undone")
        MODIFIED = AppealOutcome.MODIFIED.value, _("Modified: the decision is changed in part")

    basis = models.CharField(
        _("appeal against"), max_length=12, choices=Basis.choices, default=Basis.DECISION
    )
    decision = models.OneToOneField(
        Decision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("decision"),
    )
    sanction = models.OneToOneField(
        Sanction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("sanction"),
    )
    refusal = models.OneToOneField(
        ScreeningRefusal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("refused submission"),
    )
    report = models.OneToOneField(
        Report,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("report"),
    )
    # The comment concerned, when there is one (the desk's queue and filters read it).
    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Copied from what is appealed so that the database itself refuses a self-review.
    decision_actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    appellant_key = models.CharField(max_length=100, blank=True, db_index=True)
    # Never shown: where the acknowledgement and the outcome are e-mailed, if known.
    email = models.EmailField(blank=True)
    # The appellant's language (their notices'), and the language of what is appealed
    # (the reviewer's): both plain codes of settings.LANGUAGES.
    language = models.CharField(_("appellant's language"), max_length=8)
    content_language = models.CharField(_("language of the comment"), max_length=8)
    statement = models.TextField(_("why the decision is wrong"), max_length=3000)
    information = models.TextField(_("new information"), blank=True, max_length=3000)
    screening_flagged = models.BooleanField(_("flagged by screening"), default=False)
    informed_at = models.DateTimeField(_("appellant informed"))
    created_at = models.DateTimeField(_("filed"))
    decide_by = models.DateTimeField(_("to be decided by"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    no_qualified_reviewer = models.BooleanField(_("no qualified reviewer"), default=False)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    response = models.TextField(_("reasons for the outcome"), blank=True)
    manifestly_unfounded = models.BooleanField(_("manifestly unfounded"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | Q(decision_actor__isnull=True)
                | ~Q(decided_by=F("decision_actor")),
                name="appeal_not_decided_by_the_decider",
            ),
            models.CheckConstraint(
                condition=Q(assigned_to__isnull=True)
                | Q(decision_actor__isnull=True)
                | ~Q(assigned_to=F("decision_actor")),
                name="appeal_not_assigned_to_the_decider",
            ),
            # Only a person closes an appeal: no decided appeal without its decider.
            models.CheckConstraint(
                condition=Q(outcome="pending", decided_at__isnull=True)
                | Q(decided_by__isnull=False, decided_at__isnull=False, status="decided"),
                name="appeal_decided_by_a_person",
            ),
            models.CheckConstraint(
                condition=Q(outcome="pending") | ~Q(response=""),
                name="appeal_outcome_has_reasons",
            ),
            models.CheckConstraint(
                condition=Q(
                    basis="decision",
                    decision__isnull=False,
                    sanction__isnull=True,
                    refusal__isnull=True,
                    report__isnull=True,
                )
                | Q(
                    basis="sanction",
                    decision__isnull=True,
                    sanction__isnull=False,
                    refusal__isnull=True,
                    report__isnull=True,
                )
                | Q(
                    basis="refusal",
                    decision__isnull=True,
                    sanction__isnull=True,
                    refusal__isnull=False,
                    report__isnull=True,
                )
                | Q(
                    basis="no_action",
                    decision__isnull=True,
                    sanction__isnull=True,
                    refusal__isnull=True,
                    report__isnull=False,
                ),
                name="appeal_names_what_it_is_against",
            ),
        ]
        indexes = [models.Index(fields=["outcome", "created_at"])]

    def __str__(self) -> str:
        return f"appeal {self.pk}"

    @property
    def is_overdue(self) -> bool:
        return self.outcome == self.Outcome.PENDING and clock.now() > self.decide_by


class AppealNotice(models.Model):
    """A message to an appellant (acknowledgement, outcome, misuse), stored exactly as sent."""

    class Kind(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("Appeal received")
        DECIDED = "decided", _("Appeal decided")
        MISUSE_WARNING = "misuse_warning", _("Warning: unfounded appeals")
        RIGHT_SUSPENDED = "right_suspended", _("Right to appeal suspended")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    emailed = models.BooleanField(_("sent by e-mail"), default=False)
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message to an appellant")
        verbose_name_plural = _("messages to appellants")

    def __str__(self) -> str:
        return self.subject


class AppealRightSuspension(models.Model):
    """A time-limited loss of the right to appeal, after repeated manifestly unfounded ones."""

    appellant_key = models.CharField(max_length=100, db_index=True)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    unfounded_count = models.PositiveSmallIntegerField(_("unfounded appeals in the period"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("suspension of the right to appeal")
        verbose_name_plural = _("suspensions of the right to appeal")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="appeal_suspension_has_an_end"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appellant_key} until {self.ends_at:%Y-%m-%d}"
