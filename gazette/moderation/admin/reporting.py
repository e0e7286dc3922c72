"""Messages to reporters and measures against misuse of reporting, read-only in the admin: both
are records of what was sent and decided."""

from __future__ import annotations

from django.contrib import admin

from gazette.moderation.admin.records import ReadOnlyAdmin
from gazette.moderation.models import ReporterMessage, ReportingRestriction


@admin.register(ReporterMessage)
class ReporterMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "subject", "report", "language", "emailed")
    list_filter = ("kind", "language", "emailed")


@admin.register(ReportingRestriction)
class ReportingRestrictionAdmin(ReadOnlyAdmin):
    list_display = ("starts_at", "kind", "reporter_key", "user", "ends_at", "unfounded")
    list_filter = ("kind",)
