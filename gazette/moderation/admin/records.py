"""The records of moderation in the admin, for looking up: the audit log (which nobody can add
to, change or delete here), decisions, reports, appeals, notices and sanctions. Changes are made
on the moderation desk, through the services, so that each is checked and logged."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gazette.moderation.models import (
    Appeal,
    AuditEntry,
    Decision,
    Notice,
    PolicyAnnouncement,
    Report,
    Sanction,
    ScreeningHold,
)


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
    list_display = ("created_at", "action", "comment_id", "clause", "actor", "automatic")
    list_filter = ("action", "automatic")
    list_select_related = ("clause", "actor")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "comment_id", "clause", "outcome", "review_requested_at")
    list_filter = ("outcome",)
    list_select_related = ("clause",)
    exclude = ("reporter_key",)


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "decision", "outcome", "decided_by", "decided_at")
    list_filter = ("outcome",)


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "subject", "comment_id", "emailed", "automatic")
    list_filter = ("kind", "emailed")


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "user", "clause", "starts_at", "ends_at", "revoked_at")
    list_filter = ("kind",)
    list_select_related = ("user", "clause")
    exclude = ("email", "ip_hash")

    @admin.display(description=pgettext_lazy("who a sanction applies to", "subject"))
    def subject(self, sanction: Sanction) -> str:
        return str(sanction.user or _("e-mail or address"))
