"""Statements of reasons the EU Transparency Database has accepted, so that none is sent twice."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmittedStatement(models.Model):
    """One statement the database answered 201 for (or already held), by its `puid`: the public
    id of the decision or sanction. Written once, never changed."""

    puid = models.CharField(_("public id"), max_length=40, unique=True)
    submitted_at = models.DateTimeField(_("submitted"))
    # The database's own id of the statement, when its answer gave one.
    uuid = models.CharField(_("Transparency Database id"), max_length=64, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("statement submitted to the Transparency Database")
        verbose_name_plural = _("statements submitted to the Transparency Database")

    def __str__(self) -> str:
        return self.puid
