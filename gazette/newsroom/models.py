"""The dashboard's daily rollups (counts only, never who), their refresh record and the editors'
digest subscriptions.

The rollups are derived data: `services.refresh_figures` recomputes them from the raw tables of
reactions, comments and moderation, so they can be dropped and rebuilt at any time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article, Section
from gazette.moderation.models import Clause


class ArticleCounts(models.Model):
    """The counts kept for an article, per day (`DailyArticleStats`) or summed (`ArticleTotals`)."""

    votes = models.PositiveIntegerField(default=0)
    votes_yes = models.PositiveIntegerField(default=0)
    votes_no = models.PositiveIntegerField(default=0)
    comments_posted = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)
    # Readers with at least one published comment on the article in the row's days, and their
    # numbers (commenters.py): a period's or a group's commenters are the union of its rows'.
    commenters = models.PositiveIntegerField(default=0)
    commenter_numbers = models.BinaryField(default=b"")
    # The article's authors' ids, space-separated, copied like its section and edition so that
    # the dashboard groups per author without reading the bylines.
    author_ids = models.CharField(max_length=200, blank=True, default="")
    replies = models.PositiveIntegerField(default=0)
    held = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    reports = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class DailyArticleStats(ArticleCounts):
    """What readers did with one article on one day (in the site's time zone).

    Votes are counted on the day they were first cast, under the answer they hold now (a reader
    who changes their mind moves their vote, not the day), so the days add up to the poll's
    tallies. Comments are counted on the day they were posted, by the state they are in now, so
    the published ones add up to the article's "N Comment(s)". Reports are counted on the day they
    were made. Section and edition are copied from the article so that the dashboard reads one
    table.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    day = models.DateField()
    # Every answer of the poll's set by its code ({"yes": 3, "no": 1} or a set's emoji codes).
    votes_by_choice = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("daily article figures")
        verbose_name_plural = _("daily article figures")
        permissions = [("view_newsroom_dashboard", _("Can read the newsroom dashboard"))]
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="one_figure_row_per_day")
        ]
        indexes = [models.Index(fields=["language", "day"]), models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}"


class ArticleTotals(ArticleCounts):
    """An article's daily rows summed, with the first and last day they cover.

    A period that covers an article's every active day reads this one row instead of its daily
    rows: a year's overview then reads one row per article, plus the daily rows of the few
    articles whose activity straddles the period's first day.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    first_day = models.DateField()
    last_day = models.DateField()

    class Meta:
        verbose_name = _("article figures")
        verbose_name_plural = _("article figures")
        indexes = [
            models.Index(fields=["last_day", "first_day"]),
            models.Index(fields=["language", "last_day", "first_day"]),
            models.Index(fields=["section", "language"]),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.first_day}-{self.last_day}"


class DailyEditionTotals(models.Model):
    """One edition's daily rows summed for one day: the weekly trend reads these."""

    language = models.CharField(max_length=8)
    day = models.DateField()
    votes = models.PositiveIntegerField(default=0)
    votes_yes = models.PositiveIntegerField(default=0)
    votes_no = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily edition figures")
        verbose_name_plural = _("daily edition figures")
        constraints = [
            models.UniqueConstraint(fields=["language", "day"], name="one_edition_row_per_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.language} {self.day}"


class DailyClauseCount(models.Model):
    """How many moderation decisions on one article's comments cited one clause on one day."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    day = models.DateField()
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="+")
    decisions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily clause count")
        verbose_name_plural = _("daily clause counts")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day", "clause"], name="one_clause_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["language", "day"]), models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day} {self.clause_id}"


class ArticleRollupState(models.Model):
    """What an article's rollups were computed from: the poll's vote total and the thread's
    version at that refresh. A difference (a vote withdrawn, a comment deleted) marks it for the
    next refresh even though no row kept a timestamp of the change."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="+")
    votes = models.PositiveIntegerField(default=0)
    thread_version = models.PositiveBigIntegerField(default=0)
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.article_id} at {self.refreshed_at}"


class CommenterNumber(models.Model):
    """A small number standing for one reader who commented, so that rollup rows can list their
    commenters compactly. It is given to a digest of the reader's key, never the key itself."""

    digest = models.CharField(max_length=32, unique=True)

    def __str__(self) -> str:
        return f"commenter {self.pk}"


class FigureRefresh(models.Model):
    """One run of the refresh: the figures are as of `started_at` (what was committed by then)."""

    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField()
    articles = models.PositiveIntegerField(default=0)
    full = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"refresh at {self.started_at}"


class DigestSubscription(models.Model):
    """An editor who asked for the weekly digest by e-mail, in their language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    edition = models.CharField(_("edition"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("weekly digest subscription")
        verbose_name_plural = _("weekly digest subscriptions")

    def __str__(self) -> str:
        return f"digest subscription {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.unsubscribed_at is None
