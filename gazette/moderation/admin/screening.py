"""Screening rules in the admin: terms (blocked, suspect, allowed), the settings row, and the
trained classifiers (read-only: they are made by training, not by hand)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.moderation.models import ClassifierModel, ModerationSettings, ScreeningTerm
from gazette.moderation.screening.normalise import normalise
from gazette.moderation.services import presets


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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the one row is made on first use (below), never added by hand

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        ModerationSettings.load()
        return super().changelist_view(request, extra_context)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self,
        request: HttpRequest,
        obj: ModerationSettings,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        # Through the service, so that a change of the site-wide mode is logged like any other.
        if not isinstance(request.user, User):  # pragma: no cover - the admin signs everyone in
            raise PermissionError
        presets.save_site_settings(row=obj, actor=request.user)


@admin.register(ClassifierModel)
class ClassifierModelAdmin(admin.ModelAdmin[ClassifierModel]):
    list_display = ("created_at", "examples", "removed_examples", "accuracy", "is_active")
    list_editable = ("is_active",)
    exclude = ("data",)
    readonly_fields = ("created_at", "examples", "removed_examples", "accuracy")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
