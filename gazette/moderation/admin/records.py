"""The records of moderation in the admin, for looking up: the audit log (which nobody can add
to, change or delete here), decisions, reports, appeals, notices, sanctions and the statements
submitted to the Transparency Database. Changes are made on the moderation desk, through the
services, so that each is checked and logged."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gazette.accounts.models import User
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.models import (
    AuditEntry,
    AuthorityRequest,
    Decision,
    Notice,
    PolicyAnnouncement,
    Report,
    Sanction,
    ScreeningHold,
    SubmittedStatement,
)
from gazette.moderation.services import authority


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return {}


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "event",
        "actor",
        "actor_component",
        "automatic",
        "comment_id",
        "edition",
        "clause_number",
        "outcome",
    )
    list_filter = ("event", "automatic", "edition", "clause_key")
    search_fields = ("note", "thread_key")
    date_hierarchy = "created_at"


@admin.register(ScreeningHold)
class ScreeningHoldAdmin(ReadOnlyAdmin):
    """Where the id for `manage.py replay_hold <id>` is found."""

    list_display = ("pk", "created_at", "comment_id", "rules")
    search_fields = ("=comment__id",)
    date_hierarchy = "created_at"

    @admin.display(description=_("rules"))
    def rules(self, hold: ScreeningHold) -> str:
        findings = hold.evidence.get("findings", [])
        return ", ".join(dict.fromkeys(str(finding.get("rule", "")) for finding in findings))


@admin.register(PolicyAnnouncement)
class PolicyAnnouncementAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "version", "reader", "emailed_at")
    list_filter = ("version",)
    list_select_related = ("version", "reader")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "public_id",
        "action",
        "comment_id",
        "clause",
        "actor",
        "source",
        "automation",
    )
    list_filter = ("action", "source", "automation", "ground")
    list_select_related = ("clause", "actor")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "comment_id", "clause", "outcome")
    list_filter = ("outcome",)
    list_select_related = ("clause",)
    exclude = ("reporter_key",)


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "subject", "comment_id", "emailed", "automatic")
    list_filter = ("kind", "emailed")


@admin.register(SubmittedStatement)
class SubmittedStatementAdmin(ReadOnlyAdmin):
    """What the Transparency Database has accepted (manage.py export_statements --submit)."""

    list_display = ("puid", "submitted_at", "uuid")
    search_fields = ("puid", "uuid")
    date_hierarchy = "submitted_at"


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "user", "clause", "starts_at", "ends_at", "revoked_at")
    list_filter = ("kind",)
    list_select_related = ("user", "clause")
    exclude = ("email", "ip_hash")

    @admin.display(description=pgettext_lazy("who a sanction applies to", "subject"))
    def subject(self, sanction: Sanction) -> str:
        return str(sanction.user or _("e-mail or address"))


AUTHORITY_FIELDS = (
    "kind",
    "country",
    "authority",
    "reference",
    "received_at",
    "comments",
    "disclosure_forbidden",
    "disclosure_reason",
)


class AuthorityRequestForm(forms.ModelForm[AuthorityRequest]):
    class Meta:
        model = AuthorityRequest
        fields = AUTHORITY_FIELDS

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        order = AuthorityRequest(
            country=data.get("country", ""),
            disclosure_forbidden=data.get("disclosure_forbidden", False),
            disclosure_reason=data.get("disclosure_reason", ""),
        )
        try:
            authority.check_authority_request(order)
        except ModerationError as exc:
            raise ValidationError(exc.message) from exc
        return data


@admin.register(AuthorityRequest)
class AuthorityRequestAdmin(admin.ModelAdmin[AuthorityRequest]):
    """Staff record an order as received; it is then read-only (acting on it is a decision,
    taken through the services so each removal is checked, logged and notified)."""

    list_display = (
        "received_at",
        "kind",
        "country",
        "authority",
        "reference",
        "outcome",
        "act_link",
    )
    list_filter = ("kind", "country", "outcome")
    fields = AUTHORITY_FIELDS
    raw_id_fields = ("comments",)
    form = AuthorityRequestForm

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    @admin.display(description=_("act on it"))
    def act_link(self, order: AuthorityRequest) -> str:
        url = reverse("moderation:authority_request", kwargs={"pk": order.pk})
        return format_html('<a href="{}">{}</a>', url, _("On the desk"))

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def save_model(
        self,
        request: HttpRequest,
        obj: AuthorityRequest,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        user = request.user
        if not change and isinstance(user, User):
            authority.record_authority_request(
                request=obj, comments=form.cleaned_data["comments"], actor=user
            )

    def save_related(
        self,
        request: HttpRequest,
        form: Any,
        formsets: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        # The service has set the comments concerned, with the request itself.
        return
