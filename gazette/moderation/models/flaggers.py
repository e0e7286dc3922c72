"""Trusted flaggers: organisations whose reports the desk reads first (DSA Art. 22).

A senior moderator marks an organisation's account as a trusted flagger in the admin, with the
organisation's name and the period of the status; ending the status sets `until`, so the record
of who was trusted when stays. A report filed by such an account while the status is in force
is recorded with the source "trusted flagger".
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.core import clock


class TrustedFlaggerQuerySet(models.QuerySet["TrustedFlagger"]):
    def in_force(self, at: datetime | None = None) -> TrustedFlaggerQuerySet:
        moment = at or clock.now()
        return self.filter(Q(until__isnull=True) | Q(until__gt=moment), since__lte=moment)


class TrustedFlagger(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
        help_text=_("The organisation's account its reports are filed from."),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    since = models.DateTimeField(_("trusted since"))
    until = models.DateTimeField(
        _("trusted until"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the status lasts; set it to end the status."),
    )

    objects = TrustedFlaggerQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("trusted flagger")
        verbose_name_plural = _("trusted flaggers")
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=models.F("since")),
                name="trusted_flagger_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.organisation
