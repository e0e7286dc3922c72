"""Sanctions on authors: a warning on record, a suspension for a period, or a ban.

A sanction names its subject by account, by e-mail address or by address hash (or several);
a new comment from any of them is refused while the sanction is in force.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.core import clock
from gazette.moderation.models.clauses import Clause
from gazette.moderation.policy import SanctionKind, sanction_in_force


class SanctionQuerySet(models.QuerySet["Sanction"]):
    def in_force(self) -> SanctionQuerySet:
        """The database form of policy.sanction_in_force, the one rule (a test keeps the two
        in step)."""
        now = clock.now()
        return self.filter(revoked_at__isnull=True, starts_at__lte=now).filter(
            Q(kind=SanctionKind.BAN) | Q(kind=SanctionKind.SUSPENSION, ends_at__gt=now)
        )


def MINIMISE_SUBJECT(  # noqa: N802 - named like Django's on_delete handlers
    collector: Any, field: Any, sub_objs: Any, using: str
) -> None:
    """When an account is deleted its sanctions stay, for the record and the counts, but no
    longer name anyone: the account and the e-mail address are dropped. Updates run in the
    order added, so the mark that satisfies `sanction_has_a_subject` comes first."""
    model = field.model
    collector.add_field_update(model._meta.get_field("subject_minimised_at"), clock.now(), sub_objs)
    collector.add_field_update(model._meta.get_field("email"), "", sub_objs)
    collector.add_field_update(field, None, sub_objs)


def new_sanction_id() -> str:
    from gazette.moderation.models.cases import new_public_id  # noqa: PLC0415 - avoids a cycle

    return new_public_id("gzs")


class Sanction(models.Model):
    class Kind(models.TextChoices):
        WARNING = SanctionKind.WARNING.value, _("Warning")
        SUSPENSION = SanctionKind.SUSPENSION.value, _("Suspension")
        BAN = SanctionKind.BAN.value, _("Ban")

    public_id = models.CharField(
        _("public id"), max_length=40, unique=True, default=new_sanction_id, editable=False
    )
    kind = models.CharField(_("sanction"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=MINIMISE_SUBJECT,
        null=True,
        blank=True,
        related_name="sanctions",
        verbose_name=_("account"),
    )
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True, db_index=True)
    clause = models.ForeignKey(
        Clause,
        on_delete=models.PROTECT,
        related_name="sanctions",
        verbose_name=_("clause"),
    )
    reason = models.TextField(_("reason"), help_text=_("Shown to the author."))
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    comment = models.ForeignKey(
        "comments.Comment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comment"),
        help_text=_("The comment that led to the sanction, if any."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    subject_minimised_at = models.DateTimeField(
        _("subject's account deleted"), null=True, blank=True
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.TextField(
        _("why it was revoked"), blank=True, help_text=_("Shown to the author.")
    )

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False)
                | ~Q(email="")
                | ~Q(ip_hash="")
                | Q(subject_minimised_at__isnull=False),
                name="sanction_has_a_subject",
            ),
            models.CheckConstraint(
                condition=~Q(kind="suspension") | Q(ends_at__isnull=False),
                name="suspension_has_an_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_in_force(self) -> bool:
        """Whether it stops its subject commenting now (policy.sanction_in_force)."""
        return sanction_in_force(
            kind=self.kind,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            revoked=self.revoked_at is not None,
            now=clock.now(),
        )
