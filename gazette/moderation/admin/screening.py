"""Screening rules in the admin: terms (blocked, suspect, allowed), the settings row, and the
trained classifiers (read-only: they are made by training, not by hand)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models import ClassifierModel, ModerationSettings, ScreeningTerm
from gazette.moderation.screening.normalise import normalise
from gazette.moderation.services import screening_config


def _staff(request: HttpRequest) -> Any:
    return request.user  # the admin lets only signed-in staff this far


class ScreeningTermForm(forms.ModelForm[ScreeningTerm]):
    class Meta:
        model = ScreeningTerm
        fields = ("phrase", "action", "mode", "scope", "clause_key", "note", "is_active")

    def clean_phrase(self) -> str:
        phrase: str = self.cleaned_data["phrase"].strip()
        if len(normalise(phrase).clean) < 2:  # noqa: PLR2004
            raise forms.ValidationError(_("A term needs at least two letters."))
        return phrase


@admin.register(ScreeningTerm)
class ScreeningTermAdmin(admin.ModelAdmin[ScreeningTerm]):
    form = ScreeningTermForm
    list_display = (
        "phrase", "action", "mode", "scope", "clause_key", "list_name", "is_active", "updated_at",
    )  # fmt: skip
    list_filter = ("action", "mode", "scope", "list_name", "is_active")
    list_editable = ("is_active",)
    search_fields = ("phrase", "note")

    def save_model(
        self,
        request: HttpRequest,
        obj: ScreeningTerm,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        before = ScreeningTerm.objects.filter(pk=obj.pk).first() if change else None
        screening_config.save_screening_term(term=obj, actor=_staff(request), before=before)

    def delete_model(self, request: HttpRequest, obj: ScreeningTerm) -> None:
        screening_config.delete_screening_terms(terms=[obj], actor=_staff(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ScreeningTerm]) -> None:
        screening_config.delete_screening_terms(terms=queryset, actor=_staff(request))


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(admin.ModelAdmin[ModerationSettings]):
    fieldsets = (
        (_("Links and capitals"), {"fields": ("max_links", "caps_ratio", "caps_min_letters")}),
        (
            _("Near-duplicates and bursts"),
            {
                "fields": (
                    "duplicate_resemblance",
                    "duplicate_window_hours",
                    "burst_limit",
                    "burst_window_minutes",
                    "new_author_hours",
                )
            },
        ),
        (
            _("Classifiers"),
            {"fields": ("profanity_threshold", "classifier_threshold", "retrain_every")},
        ),
        (_("Reports"), {"fields": ("report_threshold",)}),
        (_("Moderation mode"), {"fields": ("mode", "trusted_threshold")}),
    )

    def save_model(
        self,
        request: HttpRequest,
        obj: ModerationSettings,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        # Through the service, so that every change, of the site-wide mode too, is logged.
        changed = {
            name: (form.initial.get(name), form.cleaned_data.get(name))
            for name in form.changed_data
        }
        screening_config.save_moderation_settings(conf=obj, actor=_staff(request), changed=changed)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the one row is made on first use (below), never added by hand

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        ModerationSettings.load()
        return super().changelist_view(request, extra_context)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ClassifierModel)
class ClassifierModelAdmin(admin.ModelAdmin[ClassifierModel]):
    list_display = ("created_at", "examples", "removed_examples", "accuracy", "is_active")
    list_editable = ("is_active",)
    exclude = ("data",)
    readonly_fields = ("created_at", "examples", "removed_examples", "accuracy")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(
        self,
        request: HttpRequest,
        obj: ClassifierModel,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        if "is_active" in form.changed_data:
            screening_config.set_classifier_in_use(
                model=obj, actor=_staff(request), in_use=obj.is_active
            )
