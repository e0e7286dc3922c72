"""Staff tokens in the admin: made here (the secret shown once, on the page that follows),
listed with when each was last used, revoked with an action."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gazette.api import tokens
from gazette.api.models import ApiToken


class NewTokenForm(forms.ModelForm[ApiToken]):
    class Meta:
        model = ApiToken
        fields = ("user", "name", "scope")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    form = NewTokenForm
    list_display = ("name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope",)
    search_fields = ("name", "prefix")
    raw_id_fields = ("user",)
    actions = ("revoke",)

    def get_readonly_fields(
        self, request: HttpRequest, obj: ApiToken | None = None
    ) -> tuple[str, ...]:
        # A token is made once: what it may do and whose it is never change afterwards.
        if obj is None:
            return ()
        return ("user", "name", "scope", "prefix", "created_at", "last_used_at", "revoked_at")

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:  # noqa: FBT001 - Django's signature
        token, secret = tokens.issue_token(user=obj.user, name=obj.name, scope=obj.scope)
        obj.pk, obj.key_hash, obj.prefix = token.pk, token.key_hash, token.prefix
        messages.warning(
            request,
            _("Copy the token now, it will not be shown again: %(secret)s") % {"secret": secret},
        )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        chosen = list(queryset.filter(revoked_at__isnull=True))
        for token in chosen:
            tokens.revoke_token(token=token)
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", len(chosen))
            % {"count": len(chosen)},
        )
