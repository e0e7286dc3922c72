"""Editors' side of reactions: reaction sets with labels per edition, polls with their totals,
and a CSV export of the totals."""

from __future__ import annotations

import csv
from typing import Any, ClassVar, cast

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.reactions import queries, services
from gazette.reactions.models import Poll, ReactionChoice, ReactionSet
from gazette.reactions.policy import shares
from gazette.reactions.targets import PollTarget

CSV_COLUMNS = (
    "site",
    "key",
    "article_id",
    "headline",
    "language",
    "reaction_set",
    "choice",
    "label",
    "votes",
    "poll_total",
    "percent",
)
# A cell opening with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _other_editions() -> list[tuple[str, str]]:
    default = settings.LANGUAGE_CODE
    return [(code, str(name)) for code, name in settings.LANGUAGES if code != default]


class TranslatedTextsForm(forms.ModelForm[Any]):
    """A model form with one optional field per other edition for `source_field`'s text,
    stored as {language: text} in the JSON field `store_field`."""

    source_field: ClassVar[str]
    store_field: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = getattr(self.instance, self.store_field) or {}
        for code, _name in _other_editions():
            self.initial.setdefault(f"{self.source_field}_{code}", stored.get(code, ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        texts = {
            code: text.strip()
            for code, _name in _other_editions()
            if (text := cleaned.get(f"{self.source_field}_{code}") or "").strip()
        }
        setattr(self.instance, self.store_field, texts)
        return cleaned


def translated_texts_form(
    model: type[models.Model], source_field: str, store_field: str
) -> type[TranslatedTextsForm]:
    """A TranslatedTextsForm for the editions configured now (settings are read per request)."""
    # A text column of ours, never a relation.
    source = cast(models.Field[Any, Any], model._meta.get_field(source_field))
    attributes: dict[str, object] = {
        "__module__": __name__,
        "source_field": source_field,
        "store_field": store_field,
    }
    for code, name in _other_editions():
        attributes[f"{source_field}_{code}"] = forms.CharField(
            label=gettext("%(field)s in %(language)s")
            % {"field": capfirst(source.verbose_name), "language": name},
            required=False,
            max_length=getattr(source, "max_length", None),
        )
    form_class = type(f"{source_field.capitalize()}TextsForm", (TranslatedTextsForm,), attributes)
    return cast(type[TranslatedTextsForm], form_class)


class ReactionChoiceInline(admin.TabularInline[ReactionChoice, ReactionSet]):
    model = ReactionChoice
    extra = 0
    min_num = 2

    def get_formset(
        self, request: HttpRequest, obj: ReactionSet | None = None, **kwargs: Any
    ) -> type[BaseInlineFormSet[ReactionChoice, ReactionSet, Any]]:
        kwargs.setdefault(
            "form", translated_texts_form(ReactionChoice, "label", "label_translations")
        )
        return super().get_formset(request, obj, **kwargs)


@admin.register(ReactionSet)
class ReactionSetAdmin(admin.ModelAdmin[ReactionSet]):
    list_display = ("name", "question", "is_default", "answers", "poll_count")
    readonly_fields = ("is_default",)
    inlines = [ReactionChoiceInline]
    actions = ["make_default"]

    def get_form(
        self,
        request: HttpRequest,
        obj: ReactionSet | None = None,
        change: bool = False,  # noqa: FBT001, FBT002 - Django's own signature
        **kwargs: Any,
    ) -> type[forms.ModelForm[ReactionSet]]:
        kwargs.setdefault(
            "form", translated_texts_form(ReactionSet, "question", "question_translations")
        )
        return super().get_form(request, obj, change, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReactionSet]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("choices")
            .annotate(poll_total=Count("polls"))
        )

    @admin.display(description=_("answers"))
    def answers(self, reaction_set: ReactionSet) -> str:
        return " · ".join(str(choice) for choice in reaction_set.choices.all())

    @admin.display(description=_("polls"), ordering="poll_total")
    def poll_count(self, reaction_set: ReactionSet) -> int:
        return int(getattr(reaction_set, "poll_total", 0))

    @admin.action(description=_("Make the selected set the site default"))
    def make_default(self, request: HttpRequest, queryset: QuerySet[ReactionSet]) -> None:
        chosen = list(queryset[:2])
        if len(chosen) != 1:
            self.message_user(
                request, gettext("Select exactly one reaction set."), level=messages.ERROR
            )
            return
        services.make_default_set(reaction_set=chosen[0])
        self.message_user(
            request,
            gettext("New polls will now use “%(name)s”.") % {"name": chosen[0].name},
            level=messages.SUCCESS,
        )


class PollForm(forms.ModelForm[Poll]):
    """A poll is added for one of our articles, before readers vote, to give it another set."""

    class Meta:
        model = Poll
        fields = ["article", "reaction_set"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "article" in self.fields:
            self.fields["article"].required = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        article = cleaned.get("article")
        if self.instance.pk is None and article is not None:
            target = PollTarget.for_article(article)
            if Poll.objects.filter(site=target.site, key=target.key).exists():
                raise forms.ValidationError(_("This article already has a poll."), code="exists")
            self.instance.site, self.instance.key = target.site, target.key
        if (
            self.instance.pk is not None
            and "reaction_set" in self.changed_data
            and self.instance.votes.exists()
        ):
            raise forms.ValidationError(
                _("Readers have voted in this poll, so its reaction set can no longer change."),
                code="voted",
            )
        return cleaned


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin[Poll]):
    form = PollForm
    list_display = ("__str__", "language", "reaction_set", "total_votes", "results", "created_at")
    list_filter = ("site", "article__language", "reaction_set")
    search_fields = ("article__headline", "key")
    autocomplete_fields = ("article",)
    actions = ["export_csv"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Poll]:
        polls = queries.polls_with_totals(super().get_queryset(request))
        return polls.prefetch_related("reaction_set__choices", "tallies")

    def get_readonly_fields(self, request: HttpRequest, obj: Poll | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        return ("site", "key", "article", "total_votes", "results")

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, poll: Poll) -> str:
        return poll.article.language if poll.article is not None else "—"

    @admin.display(description=_("votes"), ordering="total_votes")
    def total_votes(self, poll: Poll) -> int:
        return int(getattr(poll, "total_votes", 0))

    @admin.display(description=_("results"))
    def results(self, poll: Poll) -> str:
        counts = {tally.choice_id: tally.count for tally in poll.tallies.all()}
        choices = list(poll.reaction_set.choices.all())
        figures = [counts.get(choice.pk, 0) for choice in choices]
        return " · ".join(
            f"{choice} {votes} ({percent}%)"
            for choice, votes, percent in zip(choices, figures, shares(figures), strict=True)
        )

    @admin.action(description=_("Export the selected polls' totals as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Poll]) -> HttpResponse:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="reactions-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for row in queries.totals_rows(queryset):
            writer.writerow(
                [
                    row.site,
                    _spreadsheet_safe(row.key),
                    row.article_id or "",
                    _spreadsheet_safe(row.headline),
                    row.language,
                    _spreadsheet_safe(row.reaction_set),
                    row.choice,
                    _spreadsheet_safe(row.label),
                    row.votes,
                    row.total,
                    row.percent,
                ]
            )
        return response


def _spreadsheet_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
