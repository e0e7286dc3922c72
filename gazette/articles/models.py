"""Sections, authors, photos, tags and articles, and the filters that decide what is public."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gazette.articles.photos import PhotoField
from gazette.articles.slugs import validate_section_slug
from gazette.articles.validators import (
    validate_caption,
    validate_credit,
    validate_dateline,
    validate_photo,
)
from gazette.core import clock, editions
from gazette.core.models import TimeStampedModel

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

# Section slugs may not shadow the fixed paths that share their URL level.
RESERVED_SECTION_SLUGS = frozenset({"authors", "tags", "feeds", "preview", "search", "admin"})


def _language_field() -> models.CharField[str, str]:
    return models.CharField(
        _("language"), max_length=8, choices=editions.choices, default=settings.LANGUAGE_CODE
    )


def _name_in(translations: Iterable[SectionName | TagName], language: str, default: str) -> str:
    names = {item.language: str(item.name) for item in translations}
    if language in names:
        return names[language]
    derivation = editions.derivation(language)
    if derivation is not None and derivation.source in names:
        return derivation.convert(names[derivation.source])
    return default


class Section(models.Model):
    slug = models.SlugField(_("slug"), unique=True, validators=[validate_section_slug])
    name = models.CharField(_("name"), max_length=80, help_text=_("The name in English."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SECTION_SLUGS)),
                name="section_slug_not_reserved",
                violation_error_message=_("This slug is reserved for another page."),
            )
        ]

    translations: RelatedManager[SectionName]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"section_slug": self.slug})

    def name_in(self, language: str) -> str:
        """The section's name in an edition; uses prefetched translations when present.

        An edition written from another script's (core/editions.py) without a name of its own
        reads the other script's name in its letters.
        """
        return _name_in(self.translations.all(), language, self.name)

    @property
    def local_name(self) -> str:
        return self.name_in(translation.get_language() or settings.LANGUAGE_CODE)


class SectionName(models.Model):
    """A section's name in one edition's language."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="translations")
    language = _language_field()
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("section name")
        verbose_name_plural = _("section names")
        constraints = [
            models.UniqueConstraint(fields=["section", "language"], name="one_name_per_language")
        ]

    def __str__(self) -> str:
        return self.name


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = PhotoField(_("photo"), upload_to="authors/%Y/", blank=True, validators=[validate_photo])
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        verbose_name=_("staff account"),
        help_text=_("The account this author signs in with: it sees its own articles' figures."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})


class Photo(TimeStampedModel):
    image = PhotoField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_photo],
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.TextField(
        _("caption"), help_text=_("Who is shown, where and when."), validators=[validate_caption]
    )
    credit = models.CharField(
        _("credit"),
        max_length=160,
        help_text=_("Organisation/Photographer Name"),
        validators=[validate_credit],
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    # Made in the background after upload (renditions.py): [{width, height, format, name}].
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.alt_text or self.caption[:60]


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, help_text=_("The name in English."))
    slug = models.SlugField(_("slug"), unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    translations: RelatedManager[TagName]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", kwargs={"slug": self.slug})

    def name_in(self, language: str) -> str:
        """The tag's name in an edition, read as a section's is (`Section.name_in`)."""
        return _name_in(self.translations.all(), language, self.name)

    @property
    def local_name(self) -> str:
        return self.name_in(translation.get_language() or settings.LANGUAGE_CODE)


class TagName(models.Model):
    """A tag's name in one edition's language."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="translations")
    language = _language_field()
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("tag name")
        verbose_name_plural = _("tag names")
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="one_tag_name_per_language")
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        """What readers may see: published, or scheduled and due, never a draft."""
        return self.filter(
            status__in=[Article.Status.PUBLISHED, Article.Status.SCHEDULED],
            published_at__lte=clock.now(),
        )

    def in_language(self, language: str) -> ArticleQuerySet:
        return self.filter(language=language)

    def for_listing(self) -> ArticleQuerySet:
        """Everything a list of article teasers shows, in a fixed number of queries."""
        return self.with_byline().order_by("-published_at", "-pk")

    def with_byline(self) -> ArticleQuerySet:
        """Section (with its names), lead photo and ordered byline: three queries in all."""
        return self.select_related("section", "lead_photo").prefetch_related(
            "section__translations",
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        )


class Article(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the headline.")
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", verbose_name=_("section")
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name=_("authors")
    )
    lead_photo = models.ForeignKey(
        Photo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead photo"),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=60,
        blank=True,
        help_text=_("Where the story was filed, e.g. ASTANA. Shown in capitals."),
        validators=[validate_dateline],
    )
    body = models.TextField(_("body"), help_text=_("Markdown: paragraphs, > quotes, ## headings."))
    language = _language_field()
    original = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The article this one translates, if any."),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("When readers first see the article. A future time schedules it."),
    )
    revised_at = models.DateTimeField(
        _("update time"),
        null=True,
        blank=True,
        help_text=_("Set when a published article is substantially changed."),
    )

    objects = ArticleQuerySet.as_manager()

    bylines: RelatedManager[Byline]
    translations: RelatedManager[Article]

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["language", "status", "-published_at"])]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="article_slug_per_language"),
            models.UniqueConstraint(
                fields=["original", "language"], name="one_translation_per_language"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="publish_time_set_unless_draft",
                violation_error_message=_("Set a publish time to publish or schedule."),
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def clean(self) -> None:
        super().clean()
        problem = self._translation_problem()
        if problem:
            raise ValidationError({"original": problem})

    def _translation_problem(self) -> str:
        """Why `original` cannot be linked, or "": translations point at one original, one level."""
        if self.original is None:
            return ""
        if self.pk is not None and self.original.pk == self.pk:
            return str(_("An article cannot be a translation of itself."))
        if self.original.original_id is not None:
            return str(_("Link the original article, not one of its translations."))
        if self.original.language == self.language:
            return str(_("A translation must be in another language than its original."))
        if self.pk is not None and self.translations.exists():
            return str(_("This article has translations of its own, so it is an original."))
        return ""

    def get_absolute_url(self) -> str:
        kwargs = {"section_slug": self.section.slug, "slug": self.slug}
        if translation.get_language() == self.language:
            return reverse("articles:article", kwargs=kwargs)
        with translation.override(self.language):
            return reverse("articles:article", kwargs=kwargs)

    @property
    def byline_authors(self) -> list[Author]:
        return [byline.author for byline in self.bylines.all()]

    @property
    def is_public(self) -> bool:
        return (
            self.status != self.Status.DRAFT
            and self.published_at is not None
            and self.published_at <= clock.now()
        )


class Byline(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="bylines", verbose_name=_("author")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="author_once_per_byline")
        ]

    def __str__(self) -> str:
        return self.author.name


class SearchEntry(models.Model):
    """An article as one edition's search finds it: its text in that edition's letters.

    An article has an entry in its own edition and in each edition written from it (a Latin
    Uzbek article is found in Cyrillic too). `search.py` reads these rows, only through the
    gate of public articles; `services.index_article` writes them with the article. On SQLite
    an FTS5 table follows this one (triggers, migration 0007); on PostgreSQL `document` holds
    the weighted text search vector, under a GIN index.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="search_entries")
    edition = models.CharField(max_length=8)
    # Newest first in one integer: the publish time, then the article and the edition
    # (search_text.entry_position). FTS5 uses it as its rowid, so it can hand out matches
    # newest first and stop at a page's end.
    position = models.BigIntegerField(unique=True)
    headline = models.TextField()
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    document = SearchVectorField(null=True, editable=False)

    class Meta:
        # No index leads with the edition: PostgreSQL would then filter an edition's entries
        # by their documents (each read out of line) instead of using its GIN index.
        constraints = [
            models.UniqueConstraint(fields=["article", "edition"], name="one_entry_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.headline}"


class DailyReads(models.Model):
    """How many readers opened an article on one day (counted once per reader and day)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="one_read_count_per_day")
        ]
        indexes = [models.Index(fields=["day", "article"])]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.reads}"
