"""A registered reader told of a new version of the Comment Policy: one row per reader and
version, written when the version is published (in the background), with the time its e-mail
went out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models.clauses import PolicyVersion


class PolicyAnnouncement(models.Model):
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reader"),
    )
    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="+", verbose_name=_("version")
    )
    created_at = models.DateTimeField(_("announced"))
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("policy change announcement")
        verbose_name_plural = _("policy change announcements")
        constraints = [
            models.UniqueConstraint(
                fields=["reader", "version"], name="one_announcement_per_reader_and_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} to {self.reader_id}"
