"""Pre- or post-moderation for one section or one article, set by editors in the admin (each
change logged through services/presets.py; presets are applied from the desk). The site-wide
mode and the trust threshold are on the Moderation settings page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.moderation.models import ModerationMode
from gazette.moderation.services import presets


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # pragma: no cover - the admin signs everyone in
        raise PermissionError
    return user


@admin.register(ModerationMode)
class ModerationModeAdmin(admin.ModelAdmin[ModerationMode]):
    list_display = ("applies_to", "mode", "note", "updated_at")
    list_filter = ("mode", "section")
    list_select_related = ("section", "article")
    search_fields = ("article__headline", "section__name", "note")
    # Articles are many, so they are looked up by headline; sections are few and stay a list.
    autocomplete_fields = ("article",)

    fields = ("mode", "section", "article", "note", "preset", "public_reason")
    readonly_fields = ("preset", "public_reason")

    def save_model(
        self,
        request: HttpRequest,
        obj: ModerationMode,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        # Through the service, so that every change is logged like a preset's.
        presets.set_mode(row=obj, actor=_staff(request))

    def delete_model(self, request: HttpRequest, obj: ModerationMode) -> None:
        presets.clear_mode(row=obj, actor=_staff(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ModerationMode]) -> None:
        for row in queryset:
            presets.clear_mode(row=row, actor=_staff(request))

    @admin.display(description=_("applies to"))
    def applies_to(self, mode: ModerationMode) -> str:
        if mode.article is not None:
            return gettext("Article: %(headline)s") % {"headline": mode.article.headline}
        return gettext("Section: %(name)s") % {"name": mode.section}
