"""Orders from authorities and courts about comments, recorded by staff as received.

Only what the record and the monthly "orders" figure need: the kind of authority, its country,
its name and reference, when the order came, the comments it concerns and what was done. No
personal data beyond the authority's own name.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.comments.models import Comment


class AuthorityRequest(models.Model):
    class Kind(models.TextChoices):
        COURT_ORDER = "court_order", _("Court order")
        PROSECUTOR = "prosecutor", _("Prosecutor")
        POLICE = "police", _("Police")
        REGULATOR = "regulator", _("Regulator")
        OTHER = "other", _("Other authority")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Not yet acted on")
        REMOVED = "removed", _("Comments removed")
        REFUSED = "refused", _("Refused: no action")
        PARTIAL = "partial", _("Partly acted on")

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        help_text=_("ISO 3166 code of the authority's country, e.g. KZ."),
    )
    authority = models.CharField(_("authority"), max_length=200)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("received"))
    comments = models.ManyToManyField(
        Comment, related_name="+", blank=True, verbose_name=_("comments concerned")
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.OPEN
    )
    disclosure_forbidden = models.BooleanField(
        _("the law forbids telling the author"),
        default=False,
        help_text=_("Notices then say nothing of the order; give the legal reason below."),
    )
    disclosure_reason = models.CharField(
        _("why it may not be disclosed"), max_length=500, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("authority request")
        verbose_name_plural = _("authority requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(disclosure_forbidden=False) | ~Q(disclosure_reason=""),
                name="secret_order_states_its_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.country} {self.reference}".strip()
