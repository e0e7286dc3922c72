"""The Comment Policy: numbered versions of numbered clauses, each readable in every edition.

A version is a draft until it is published; once published it is never changed (the admin shows
it read-only) and stays readable at its own address, so that a notice citing clause 3 of
version 2 can always be checked against the text it cites. Clauses carry a stable `key` that
names the same rule across versions, which is what the transparency report counts by.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gazette.core import clock, editions

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


def _language_field() -> models.CharField[str, str]:
    return models.CharField(_("language"), max_length=8, choices=editions.choices)


def _current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


class PolicyVersionQuerySet(models.QuerySet["PolicyVersion"]):
    def published(self) -> PolicyVersionQuerySet:
        """Versions readers may see: published, and in force now or before."""
        return self.filter(published_at__isnull=False, published_at__lte=clock.now())

    def with_text(self) -> PolicyVersionQuerySet:
        """Everything a policy page shows, in a fixed number of queries."""
        return self.prefetch_related("translations", "clauses__translations")


class PolicyVersion(models.Model):
    number = models.PositiveIntegerField(
        _("version number"), unique=True, help_text=_("Versions are numbered 1, 2, 3, …")
    )
    summary = models.TextField(
        _("summary of changes"),
        help_text=_("In English: what this version changes, shown above the clauses."),
    )
    preamble = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("In English: how moderation works, shown before the clauses."),
    )
    published_at = models.DateTimeField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Empty while this version is a draft. Once published it cannot be changed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PolicyVersionQuerySet.as_manager()

    translations: RelatedManager[PolicyVersionTranslation]
    clauses: RelatedManager[Clause]

    class Meta:
        ordering = ["-number"]
        verbose_name = _("Comment Policy version")
        verbose_name_plural = _("Comment Policy versions")

    def __str__(self) -> str:
        return str(_("Comment Policy, version %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("moderation:policy_version", kwargs={"number": self.number})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def _translated(self, field: str, language: str | None) -> str:
        language = language or _current_language()
        for item in self.translations.all():
            if item.language == language and getattr(item, field):
                return str(getattr(item, field))
        return str(getattr(self, field))

    def summary_in(self, language: str | None = None) -> str:
        return self._translated("summary", language)

    def preamble_in(self, language: str | None = None) -> str:
        return self._translated("preamble", language)

    @property
    def local_summary(self) -> str:
        return self.summary_in()

    @property
    def local_preamble(self) -> str:
        return self.preamble_in()


class PolicyVersionTranslation(models.Model):
    """A version's summary and introduction in one edition's language."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="translations"
    )
    language = _language_field()
    summary = models.TextField(_("summary of changes"))
    preamble = models.TextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"], name="one_policy_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.language})"


class Clause(models.Model):
    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.CASCADE,
        related_name="clauses",
        verbose_name=_("version"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_(
            "A short name for the rule that stays the same across versions, e.g. 'attacks'. "
            "The transparency report counts removals by it."
        ),
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("In English."))
    text = models.TextField(_("text"), help_text=_("In English: the rule, in plain words."))
    examples = models.TextField(
        _("examples"),
        blank=True,
        help_text=_("In English: one example per line of what the rule covers."),
    )
    immediate = models.BooleanField(
        _("immediate"),
        default=False,
        help_text=_(
            "A first breach of this clause leads straight to a suspension, with no warning "
            "first (for the gravest rules, such as incitement to violence)."
        ),
    )

    translations: RelatedManager[ClauseTranslation]

    class Meta:
        ordering = ["version_id", "number"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="clause_number_per_version"),
            models.UniqueConstraint(fields=["version", "key"], name="clause_key_per_version"),
            models.CheckConstraint(condition=Q(number__gte=1), name="clause_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.version.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"clause-{self.number}"

    def _translated(self, field: str, language: str | None) -> str:
        language = language or _current_language()
        for item in self.translations.all():
            if item.language == language and getattr(item, field):
                return str(getattr(item, field))
        return str(getattr(self, field))

    def title_in(self, language: str | None = None) -> str:
        return self._translated("title", language)

    def text_in(self, language: str | None = None) -> str:
        return self._translated("text", language)

    def examples_in(self, language: str | None = None) -> list[str]:
        raw = self._translated("examples", language)
        return [line.strip() for line in raw.splitlines() if line.strip()]

    @property
    def local_title(self) -> str:
        return self.title_in()

    @property
    def local_text(self) -> str:
        return self.text_in()

    @property
    def local_examples(self) -> list[str]:
        return self.examples_in()


class ClauseTranslation(models.Model):
    """A clause's title, text and examples in one edition's language."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="translations")
    language = _language_field()
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))
    examples = models.TextField(_("examples"), blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["clause", "language"], name="one_clause_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.clause} ({self.language})"
