"""Screening rules set by staff in the admin, the short memory screening keeps of recent
comments (for near-duplicates and bursts), and this site's trained classifier."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models.modes import ModeChoice
from gazette.moderation.screening.termmatch import Scope, TermAction, TermMode


class ScreeningTerm(models.Model):
    class Action(models.TextChoices):
        BLOCK = TermAction.BLOCK.value, _("Block (reject when found as written)")
        SUSPECT = TermAction.SUSPECT.value, _("Suspect (hold for a moderator)")
        ALLOW = TermAction.ALLOW.value, _("Allow (an ordinary word that contains a term)")

    class Mode(models.TextChoices):
        ANYWHERE = TermMode.ANYWHERE.value, _("Anywhere, even inside a word")
        WORD_START = TermMode.WORD_START.value, _("At the start of a word (a stem with suffixes)")
        WHOLE_WORD = TermMode.WHOLE_WORD.value, _("The whole word only")

    class Script(models.TextChoices):
        ANY = Scope.ANY.value, _("Any script")
        LATIN = Scope.LATIN.value, _("Words with Latin letters")
        CYRILLIC = Scope.CYRILLIC.value, _("Words with Cyrillic letters")

    phrase = models.CharField(
        _("term"),
        max_length=200,
        help_text=_(
            "A word, stem or phrase. Case, invisible characters, spacing and look-alike "
            "letters are handled for you: write it once, plainly."
        ),
    )
    action = models.CharField(
        _("action"), max_length=10, choices=Action.choices, default=Action.SUSPECT
    )
    mode = models.CharField(
        _("match"), max_length=12, choices=Mode.choices, default=Mode.WHOLE_WORD
    )
    scope = models.CharField(_("script"), max_length=10, choices=Script.choices, default=Script.ANY)
    clause_key = models.SlugField(
        _("clause"),
        max_length=40,
        blank=True,
        help_text=_("The key of the Comment Policy clause this term enforces, e.g. 'hate'."),
    )
    note = models.CharField(_("note for moderators"), max_length=200, blank=True)
    list_name = models.CharField(
        _("list"),
        max_length=12,
        blank=True,
        help_text=_("The shipped list a term came from (en, ru, kk, uz); empty: added here."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("screening term")
        verbose_name_plural = _("screening terms")
        constraints = [
            models.UniqueConstraint(fields=["phrase", "action"], name="one_term_per_action")
        ]

    def __str__(self) -> str:
        return self.phrase


class ModerationSettings(models.Model):
    """The knobs staff turn in the admin. There is one row; it is created on first use."""

    max_links = models.PositiveSmallIntegerField(
        _("most links allowed"),
        default=2,
        help_text=_("A comment with more links than this is held."),
    )
    caps_ratio = models.FloatField(
        _("share of capitals"),
        default=0.7,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("A comment whose letters are more capitals than this is held (0.7 = 70%)."),
    )
    caps_min_letters = models.PositiveSmallIntegerField(
        _("letters before capitals count"),
        default=24,
        help_text=_("Short comments are not judged on capitals."),
    )
    duplicate_resemblance = models.FloatField(
        _("near-duplicate resemblance"),
        default=0.75,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_(
            "A comment this similar to one posted recently in another discussion is held "
            "(1.0 = identical). 0 turns the check off."
        ),
    )
    duplicate_window_hours = models.PositiveSmallIntegerField(
        _("near-duplicate window (hours)"), default=48
    )
    burst_limit = models.PositiveSmallIntegerField(
        _("burst: comments"),
        default=5,
        help_text=_("A new author who posts this many comments within the burst window is held."),
    )
    burst_window_minutes = models.PositiveSmallIntegerField(_("burst window (minutes)"), default=10)
    new_author_hours = models.PositiveSmallIntegerField(
        _("an author is new for (hours)"), default=24
    )
    profanity_threshold = models.FloatField(
        _("English offensive language: hold from"),
        default=0.9,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("The probability from which English text is held. 0 turns the check off."),
    )
    classifier_threshold = models.FloatField(
        _("site classifier: hold from"),
        default=0.85,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("The score from which this site's classifier holds a comment. 0: off."),
    )
    house_models = models.BooleanField(
        _("shipped models for every language"),
        default=True,
        help_text=_(
            "Hold what the models Gazette ships (incitement, abuse, spam; trained for English, "
            "Russian, Kazakh and Uzbek) score at or above their published thresholds."
        ),
    )
    retrain_every = models.PositiveSmallIntegerField(
        _("retrain the classifier after this many decisions"), default=50
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("reports that hold a comment"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("A published comment reported by this many readers is held for review."),
    )
    mode = models.CharField(
        _("moderation mode"),
        max_length=4,
        choices=ModeChoice.choices,
        default=ModeChoice.POST,
        help_text=_(
            "For every discussion, unless its section or its article has a mode of its own."
        ),
    )
    trusted_threshold = models.PositiveSmallIntegerField(
        _("trusted after (published comments)"),
        default=3,
        help_text=_(
            "An author with this many published comments and never a sanction is not held by "
            "pre-moderation. 0: nobody is."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="one_settings_row")]

    def __str__(self) -> str:
        return str(_("Moderation settings"))

    @classmethod
    def load(cls) -> ModerationSettings:
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class RecentText(models.Model):
    """What screening remembers of a recent comment: who, where, when and its sketch."""

    author_key = models.CharField(max_length=100, db_index=True)
    thread_key = models.CharField(max_length=255)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["author_key", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author_key} in {self.thread_key}"


class RecentTextHash(models.Model):
    text = models.ForeignKey(RecentText, on_delete=models.CASCADE, related_name="hashes")
    value = models.BigIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["value", "created_at"])]

    def __str__(self) -> str:
        return str(self.value)


class ClassifierModel(models.Model):
    """One training of this site's classifier; the newest active one is used."""

    created_at = models.DateTimeField(_("trained"), auto_now_add=True)
    examples = models.PositiveIntegerField(_("decisions learnt from"))
    removed_examples = models.PositiveIntegerField(_("of which removals"))
    accuracy = models.FloatField(_("accuracy (cross-validated)"))
    data = models.JSONField(_("weights"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("trained classifier")
        verbose_name_plural = _("trained classifiers")

    def __str__(self) -> str:
        return str(
            _("Classifier of %(date)s (accuracy %(accuracy).0f%%)")
            % {"date": self.created_at.date(), "accuracy": self.accuracy * 100}
        )
