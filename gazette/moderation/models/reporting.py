"""What the reporting side of moderation keeps beyond the report itself: the messages sent to
reporters, stored as sent, and the measures taken against misuse of reporting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.core import clock
from gazette.moderation.models.cases import Decision, Report
from gazette.moderation.policy import ReportingMeasure


class ReporterMessage(models.Model):
    """A message to a reporter (acknowledgement, outcome, a warning about misuse), stored
    exactly as sent."""

    class Kind(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("Report received")
        OUTCOME = "outcome", _("Decision on the report")
        MISUSE_WARNING = "misuse_warning", _("Warning about unfounded reports")
        REPORTING_SUSPENDED = "suspended", _("Reporting suspended")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="messages", verbose_name=_("report")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    decision = models.ForeignKey(
        Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    emailed = models.BooleanField(_("sent by e-mail"), default=False)
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message to a reporter")
        verbose_name_plural = _("messages to reporters")
        constraints = [
            # One acknowledgement per report; one outcome per report and decision.
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(kind="acknowledged"),
                name="one_acknowledgement_per_report",
            ),
            models.UniqueConstraint(
                fields=["report", "decision"],
                condition=Q(kind="outcome", decision__isnull=False),
                name="one_outcome_per_report_and_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class ReportingRestrictionQuerySet(models.QuerySet["ReportingRestriction"]):
    def in_force(self) -> ReportingRestrictionQuerySet:
        now = clock.now()
        return self.filter(kind=ReportingMeasure.SUSPENSION, starts_at__lte=now, ends_at__gt=now)

    def of_reporter(
        self, *, reporter_key: str, user_id: int | None
    ) -> ReportingRestrictionQuerySet:
        subject = Q(reporter_key=reporter_key)
        if user_id is not None:
            subject |= Q(user_id=user_id)
        return self.filter(subject)


class ReportingRestriction(models.Model):
    """A measure against repeated manifestly unfounded reports: a warning first, then a
    time-limited loss of the right to report (policy.report_misuse_measure)."""

    class Kind(models.TextChoices):
        WARNING = ReportingMeasure.WARNING.value, _("Warning")
        SUSPENSION = ReportingMeasure.SUSPENSION.value, _("Reporting suspended")

    kind = models.CharField(_("measure"), max_length=12, choices=Kind.choices)
    # Kept when the account is deleted: the record of the measure outlives it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    reporter_key = models.CharField(max_length=100, db_index=True)
    report = models.ForeignKey(
        Report,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The dismissed report that led to the measure."),
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    unfounded = models.PositiveSmallIntegerField(_("unfounded reports counted"))

    objects = ReportingRestrictionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("reporting restriction")
        verbose_name_plural = _("reporting restrictions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="suspension") | Q(ends_at__isnull=False),
                name="reporting_suspension_has_an_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.reporter_key}"
