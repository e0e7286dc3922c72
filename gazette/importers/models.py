"""What was imported from where: the source ID of every imported comment and article (so that
running an import again adds only what is new), and the runs editors start from the admin."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article, Section
from gazette.comments.models import Comment
from gazette.importers.storage import ExportStorage


class Format(models.TextChoices):
    DISQUS = "disqus", _("Disqus XML export")
    WXR = "wxr", _("WordPress export (WXR)")
    ISSO = "isso", _("Isso database")
    GAZETTE = "gazette", _("Gazette export (JSON Lines)")


class ImportedComment(models.Model):
    """One comment of a source, and the comment it became here."""

    source = models.CharField(_("source"), max_length=100)
    source_id = models.CharField(_("ID at the source"), max_length=100)
    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, related_name="+", verbose_name=_("comment")
    )

    class Meta:
        verbose_name = _("imported comment")
        verbose_name_plural = _("imported comments")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="one_comment_per_source_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id}"


class ImportedArticle(models.Model):
    """A WordPress post imported as one of our articles, found again by its post ID."""

    source = models.CharField(_("source"), max_length=100)
    source_id = models.CharField(_("ID at the source"), max_length=100)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    class Meta:
        verbose_name = _("imported article")
        verbose_name_plural = _("imported articles")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="one_article_per_source_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id}"


class ImportedDecision(models.Model):
    """A moderation decision taken on another install, kept as history beside the comment.

    Not an audit log entry: the audit log records what moderators here did, and the
    transparency report counts it alone, so an import leaves every published figure as it
    was. The decision keeps its original time, and its moderator only as the export named
    them (a pseudonym unless the export holds personal data)."""

    source = models.CharField(_("source"), max_length=100)
    source_id = models.CharField(_("ID at the source"), max_length=100)
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="+", verbose_name=_("comment")
    )
    event = models.CharField(_("event"), max_length=20)
    decided_at = models.DateTimeField(_("decided"))
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12, blank=True)
    clause_key = models.CharField(_("clause"), max_length=40, blank=True)
    clause_number = models.PositiveSmallIntegerField(_("clause number"), null=True, blank=True)
    policy_version = models.PositiveIntegerField(_("policy version"), null=True, blank=True)
    automatic = models.BooleanField(_("automatic"), default=False)
    moderator = models.CharField(_("moderator"), max_length=150, blank=True)
    appeal_outcome = models.CharField(_("appeal outcome"), max_length=20, blank=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("imported moderation decision")
        verbose_name_plural = _("imported moderation decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="one_decision_per_source_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id}"


class ImportRun(models.Model):
    """An import an editor started from the admin: its file, its progress and its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="%Y/%m/", storage=ExportStorage())
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("section for imported posts"),
    )
    site_url = models.CharField(_("address of the site"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("comments in the file"), default=0)
    processed = models.PositiveIntegerField(_("comments processed"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("comment import")
        verbose_name_plural = _("comment imports")
        permissions = [
            ("export_comments", _("Can download the export of every comment")),
            (
                "export_personal_data",
                _("Can download the export of every comment with readers' personal data"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_format_display()} ({self.created_at:%Y-%m-%d %H:%M})"
