"""Messages to reporters and measures against misuse of reporting, read-only in the admin: both
are records of what was sent and decided. Trusted flaggers, granted and ended by senior
moderators."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from gazette.moderation.admin.records import ReadOnlyAdmin
from gazette.moderation.models import ReporterMessage, ReportingRestriction, TrustedFlagger


@admin.register(ReporterMessage)
class ReporterMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "subject", "report", "language", "emailed")
    list_filter = ("kind", "language", "emailed")


@admin.register(ReportingRestriction)
class ReportingRestrictionAdmin(ReadOnlyAdmin):
    list_display = ("starts_at", "kind", "reporter_key", "user", "ends_at", "unfounded")
    list_filter = ("kind",)


@admin.register(TrustedFlagger)
class TrustedFlaggerAdmin(admin.ModelAdmin[TrustedFlagger]):
    """Senior moderators grant the status and end it (by setting `until`); nobody deletes it, so
    the record of who was trusted when stays."""

    list_display = ("organisation", "user", "since", "until")
    list_filter = ("until",)
    search_fields = ("organisation",)
    raw_id_fields = ("user",)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
