"""Pre- or post-moderation set for one section or one article, over the site-wide mode kept in
ModerationSettings. The articles app knows nothing of it: the rows point at its tables."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article, Section
from gazette.moderation.policy import Mode, Preset


class ModeChoice(models.TextChoices):
    POST = Mode.POST.value, _("Post-moderation: publish at once, review after")
    PRE = Mode.PRE.value, _("Pre-moderation: hold every comment until approved")


class PresetChoice(models.TextChoices):
    OPEN = Preset.OPEN.value, _("Open: the site default")
    SENSITIVE = Preset.SENSITIVE.value, _("Sensitive: every comment read before it appears")
    SUB_JUDICE = Preset.SUB_JUDICE.value, _("Sub judice: comments closed while a case is in court")


class ModerationMode(models.Model):
    """The mode of one section's discussions or of one article's; the article's wins."""

    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # the unique constraint below is the index
        verbose_name=_("section"),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # the unique constraint below is the index
        verbose_name=_("article"),
    )
    mode = models.CharField(_("moderation mode"), max_length=4, choices=ModeChoice.choices)
    note = models.CharField(
        _("note for the newsroom"),
        max_length=200,
        blank=True,
        help_text=_("Why this mode, e.g. a trial under way or a story that draws abuse."),
    )
    # The preset that set this row, if a desk applied one (apply_preset), and what readers are
    # told of it beside the comments.
    preset = models.CharField(_("preset"), max_length=12, choices=PresetChoice.choices, blank=True)
    public_reason = models.CharField(
        _("reason shown to readers"),
        max_length=200,
        blank=True,
        help_text=_("For sub judice, e.g. the case before the court."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("moderation mode")
        verbose_name_plural = _("moderation modes")
        constraints = [
            models.CheckConstraint(
                condition=Q(section__isnull=False, article__isnull=True)
                | Q(section__isnull=True, article__isnull=False),
                name="mode_for_a_section_or_an_article",
                violation_error_message=_("Choose a section or an article, not both."),
            ),
            models.UniqueConstraint(
                fields=["section"],
                name="one_mode_per_section",
                violation_error_message=_("This section already has a moderation mode."),
            ),
            models.UniqueConstraint(
                fields=["article"],
                name="one_mode_per_article",
                violation_error_message=_("This article already has a moderation mode."),
            ),
        ]

    def __str__(self) -> str:
        target = self.article if self.article_id is not None else self.section
        return f"{target}: {self.get_mode_display()}"
