"""Appeals in the admin: the record (read-only: appeals are decided on the desk, where the
checks run), and the languages each reviewer reads (editable)."""

from __future__ import annotations

from django.contrib import admin

from gazette.moderation.admin.records import ReadOnlyAdmin
from gazette.moderation.models import (
    Appeal,
    AppealNotice,
    AppealRightSuspension,
    ReviewerLanguage,
    ScreeningRefusal,
)


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "basis",
        "status",
        "content_language",
        "assigned_to",
        "outcome",
        "decided_by",
        "decided_at",
    )
    list_filter = ("basis", "status", "outcome", "no_qualified_reviewer")
    exclude = ("email", "appellant_key")


@admin.register(AppealNotice)
class AppealNoticeAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "language", "subject")
    list_filter = ("kind",)


@admin.register(AppealRightSuspension)
class AppealRightSuspensionAdmin(ReadOnlyAdmin):
    list_display = ("starts_at", "ends_at", "unfounded_count", "decided_by")
    exclude = ("appellant_key",)


@admin.register(ScreeningRefusal)
class ScreeningRefusalAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "thread", "rules", "written")
    exclude = ("email", "ip_hash", "author_key")


@admin.register(ReviewerLanguage)
class ReviewerLanguageAdmin(admin.ModelAdmin[ReviewerLanguage]):
    list_display = ("user", "language")
    list_filter = ("language",)
    raw_id_fields = ("user",)
