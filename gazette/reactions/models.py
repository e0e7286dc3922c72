"""Reaction sets (the question and its answers), polls keyed by site and key, votes and tallies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article
from gazette.core.models import TimeStampedModel
from gazette.reactions.defaults import DEFAULT_QUESTION, catalogue_text

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


def _in_language(text: str, translations: object, language: str) -> str:
    """An editor's translation for `language`, else the catalogue's, else the text as written."""
    if isinstance(translations, dict):
        translated = translations.get(language)
        if isinstance(translated, str) and translated.strip():
            return translated
    return catalogue_text(text)


class ReactionSet(models.Model):
    """A question and the answers readers may give, e.g. Yes / No or a few emoji."""

    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("For editors; readers never see it.")
    )
    question = models.CharField(
        _("question"),
        max_length=200,
        default=DEFAULT_QUESTION,
        help_text=_("In the site's main language; translations below."),
    )
    question_translations = models.JSONField(
        _("question in other editions"), default=dict, blank=True, editable=False
    )
    is_default = models.BooleanField(
        _("site default"),
        default=False,
        help_text=_("Used by every new poll unless an editor picks another set."),
    )

    choices: RelatedManager[ReactionChoice]

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("reaction set")
        verbose_name_plural = _("reaction sets")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_reaction_set",
                violation_error_message=_("Only one reaction set can be the site default."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def question_in(self, language: str) -> str:
        return _in_language(self.question, self.question_translations, language)


class ReactionChoice(models.Model):
    """One answer of a set."""

    reaction_set = models.ForeignKey(
        ReactionSet, on_delete=models.CASCADE, related_name="choices", verbose_name=_("set")
    )
    code = models.SlugField(
        _("code"), max_length=32, help_text=_("Sent by the form and used in exports, e.g. yes.")
    )
    label = models.CharField(_("label"), max_length=60, help_text=_("In the site's main language."))
    label_translations = models.JSONField(
        _("label in other editions"), default=dict, blank=True, editable=False
    )
    symbol = models.CharField(
        _("symbol"), max_length=16, blank=True, help_text=_("An emoji shown before the label.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["reaction_set", "code"],
                name="reaction_code_unique_in_set",
                violation_error_message=_("Each reaction of a set needs its own code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.label}".strip()

    def label_in(self, language: str) -> str:
        return _in_language(self.label, self.label_translations, language)


class Poll(models.Model):
    """The reactions to one page, named by (site, key); our articles also link the article."""

    site = models.CharField(_("site"), max_length=64)
    key = models.CharField(_("key"), max_length=500)
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article"),
    )
    reaction_set = models.ForeignKey(
        ReactionSet, on_delete=models.PROTECT, related_name="polls", verbose_name=_("reaction set")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    tallies: RelatedManager[Tally]
    votes: RelatedManager[Vote]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        constraints = [
            models.UniqueConstraint(fields=["site", "key"], name="one_poll_per_page"),
        ]

    def __str__(self) -> str:
        if self.article_id is not None and self.article is not None:
            return self.article.headline
        return f"{self.site}: {self.key}"


class Tally(models.Model):
    """How many votes one answer of one poll has; moved only by F() updates beside each vote."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="tallies")
    choice = models.ForeignKey(ReactionChoice, on_delete=models.CASCADE, related_name="tallies")
    count = models.PositiveIntegerField(_("votes"), default=0)

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        constraints = [
            models.UniqueConstraint(fields=["poll", "choice"], name="one_tally_per_choice"),
        ]

    def __str__(self) -> str:
        return f"{self.choice_id}: {self.count}"


class Vote(TimeStampedModel):
    """One reader's current answer in one poll.

    `reader_key` is the reader's one key (accounts.readers): "user:<account id>" or
    "anon:<cookie ID>"; it holds no personal data, and the unique constraint is what keeps one
    vote per reader.
    """

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    choice = models.ForeignKey(ReactionChoice, on_delete=models.PROTECT, related_name="votes")
    reader_key = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["poll", "reader_key"], name="one_vote_per_reader"),
        ]

    def __str__(self) -> str:
        return f"{self.poll_id}: {self.choice_id}"
