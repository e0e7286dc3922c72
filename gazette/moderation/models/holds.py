"""What screening keeps of each hold so that it can be replayed: the text it read, the versions
of the rules it read, and what it found; and each term list version a hold was made under,
since a term list is edited in place and its older versions would otherwise be lost."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from gazette.comments.models import Comment


class TermListVersion(models.Model):
    """The active terms of one term list version, exactly as screening compiled them."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    terms = models.JSONField(_("terms"), help_text=_("[phrase, action, mode, script, clause]"))
    created_at = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        verbose_name = _("term list version")
        verbose_name_plural = _("term list versions")

    def __str__(self) -> str:
        return self.version


class ScreeningHold(models.Model):
    """One comment held by screening, with what replaying the hold needs."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="+", verbose_name=_("comment")
    )
    created_at = models.DateTimeField(_("held"))
    text = models.TextField(_("text screened"))
    evidence = models.JSONField(
        _("rules and findings"),
        help_text=_("The versions of the rules in force and what each finding matched where."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("screening hold")
        verbose_name_plural = _("screening holds")

    def __str__(self) -> str:
        return f"hold {self.pk} of comment {self.comment_id}"
