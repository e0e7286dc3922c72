"""The editors' article form (it makes the publishing status and the publish time agree, and
writes Uzbek Latin with its own letters) and the readers' search form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article
from gazette.articles.search_backends import NEWEST, RELEVANCE
from gazette.articles.search_text import MAX_QUERY_LENGTH
from gazette.core import clock
from gazette.core.transliteration import normalise_uzbek_latin

# What an editor writes in words; the slug and the choices are left as they are.
_TEXT_FIELDS = ("headline", "standfirst", "dateline", "body")


class ArticleAdminForm(forms.ModelForm[Article]):
    """Scheduling rules, told to the editor on the field at fault.

    - Draft: a publish time is optional (a plan, not a promise).
    - Scheduled: needs a publish time in the future. A schedule that came due while the
      article sat unchanged is simply published.
    - Published: without a time it gets the current time; a future time belongs to Scheduled.
    - An update time cannot come before the publish time.
    """

    class Meta:
        model = Article
        fields = (
            "headline",
            "slug",
            "standfirst",
            "section",
            "language",
            "original",
            "lead_photo",
            "dateline",
            "body",
            "tags",
            "status",
            "published_at",
            "revised_at",
        )
        widgets = {
            "body": forms.Textarea(
                attrs={"data-preview-label": _("Preview, as readers will see it")}
            )
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("language") == "uz":
            # Keyboards type ' or ` for the letters oʻ, gʻ and the sign ʼ: store the letters, so
            # that search, sorting and the Cyrillic edition read the words right.
            for name in _TEXT_FIELDS:
                if isinstance(cleaned.get(name), str):
                    cleaned[name] = normalise_uzbek_latin(cleaned[name])
        status = cleaned.get("status")
        published_at: datetime | None = cleaned.get("published_at")
        now = clock.now()
        if status == Article.Status.SCHEDULED:
            self._clean_schedule(cleaned, published_at, now)
        elif status == Article.Status.PUBLISHED:
            if published_at is None:
                cleaned["published_at"] = published_at = now
            elif published_at > now:
                self.add_error(
                    "status",
                    gettext(
                        "The publish time is in the future. Choose Scheduled to publish the "
                        "article then, or clear the time to publish it now."
                    ),
                )
        revised_at: datetime | None = cleaned.get("revised_at")
        if revised_at and published_at and revised_at < published_at:
            self.add_error(
                "revised_at", gettext("The update time cannot be earlier than the publish time.")
            )
        return cleaned

    def _clean_schedule(
        self, cleaned: dict[str, Any], published_at: datetime | None, now: datetime
    ) -> None:
        if published_at is None:
            self.add_error(
                "published_at", gettext("Set the time at which the article is to be published.")
            )
        elif published_at <= now:
            if self._schedule_came_due(published_at):
                cleaned["status"] = Article.Status.PUBLISHED
            else:
                self.add_error(
                    "published_at",
                    gettext(
                        "A scheduled article needs a publish time in the future. "
                        "To publish it now, choose Published."
                    ),
                )

    def _schedule_came_due(self, published_at: datetime) -> bool:
        """The stored schedule is unchanged and its time has passed: it is already public."""
        stored = self.instance
        return (
            stored.pk is not None
            and stored.status == Article.Status.SCHEDULED
            and stored.published_at == published_at
        )


class SearchForm(forms.Form):
    """A reader's search: the words, the order of the results and the page (all optional)."""

    q = forms.CharField(
        label=_("Search the articles of this edition"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters."),
        },
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(RELEVANCE, _("Most relevant first")), (NEWEST, _("Newest first"))],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=999_999)
