"""The newsroom registers other sites here: their key, origins, edition, moderation mode and
Comment Policy, and their webhooks with the log of what was sent. The own site's key is fixed,
as every thread of ours carries it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gazette.sites.models import (
    Site,
    SiteAccount,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)


class OriginsField(forms.CharField):
    """The allowed origins as one per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]  # a list, by design
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]


class SiteForm(forms.ModelForm[Site]):
    allowed_origins = OriginsField(
        label=_("allowed origins"),
        required=False,
        help_text=_(
            "One per line: exact scheme, host and port of the site's pages, e.g. "
            "https://news.example.org."
        ),
    )
    default_edition = forms.ChoiceField(label=_("default edition"), choices=())
    policy_url = forms.URLField(
        label=_("Comment Policy address"),
        required=False,
        assume_scheme="https",
        help_text=_("The site's own Comment Policy; leave empty to use the newsroom's."),
    )
    sso_secret = forms.CharField(
        label=_("sign-on secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the secret already set."),
    )

    class Meta:
        model = Site
        fields = (
            "key",
            "name",
            "allowed_origins",
            "default_edition",
            "moderation_mode",
            "policy_url",
            "sso_secret",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_edition"].choices = settings.LANGUAGES  # type: ignore[attr-defined]  # a ChoiceField

    def clean_sso_secret(self) -> str:
        # Never shown again once set: an empty field keeps it.
        given: str = self.cleaned_data.get("sso_secret", "")
        return given or self.instance.sso_secret


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin[Site]):
    form = SiteForm
    list_display = ("name", "key", "default_edition", "moderation_mode", "is_own")
    search_fields = ("key", "name")

    def get_readonly_fields(self, request: HttpRequest, obj: Site | None = None) -> tuple[str, ...]:
        # Threads and polls carry the key: changing it would orphan them.
        return ("key",) if obj is not None else ()

    def has_delete_permission(self, request: HttpRequest, obj: Site | None = None) -> bool:
        return obj is None or not obj.is_own


class WebhookEndpointForm(forms.ModelForm[WebhookEndpoint]):
    url = forms.URLField(label=_("address"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("events"), choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_(
            "Shared with the receiver, which checks each delivery's signature with it. "
            "Leave empty to keep the secret already set."
        ),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("site", "url", "secret", "events", "active")

    def clean_secret(self) -> str:
        # Never shown again once set: an empty field keeps it.
        given: str = self.cleaned_data.get("secret", "") or self.instance.secret
        if not given:
            raise forms.ValidationError(_("Give the secret the receiver checks signatures with."))
        return given


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin[WebhookEndpoint]):
    form = WebhookEndpointForm
    list_display = ("url", "site", "active")
    list_filter = ("active", "site")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin[WebhookDelivery]):
    """The delivery log: read only, as it records what happened."""

    list_display = ("event", "endpoint", "status", "attempts", "next_attempt_at", "delivered_at")
    list_filter = ("status", "event")
    readonly_fields = (
        "endpoint",
        "event",
        "payload",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "delivered_at",
        "created",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: WebhookDelivery | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: WebhookDelivery | None = None
    ) -> bool:
        return False


@admin.register(SiteAccount)
class SiteAccountAdmin(admin.ModelAdmin[SiteAccount]):
    """Which accounts host sites signed in, under which of their IDs: read only, as each is
    kept up to date by the site's own sign-ins."""

    list_display = ("user", "site", "external_id", "signed_in_at")
    list_filter = ("site",)
    search_fields = ("external_id",)
    list_select_related = ("user", "site")
    readonly_fields = ("site", "external_id", "user", "avatar_url", "created_at", "signed_in_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SiteAccount | None = None) -> bool:
        return False
