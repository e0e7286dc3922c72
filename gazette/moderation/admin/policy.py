"""Staff write the Comment Policy here: a draft version with its clauses and translations, then
publish it. A published version is shown read-only; to change the rules, draft the next one."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from gazette.moderation.exceptions import ModerationError
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.services import policy_versions


def _is_frozen(obj: PolicyVersion | Clause | None) -> bool:
    if obj is None:
        return False
    version = obj if isinstance(obj, PolicyVersion) else obj.version
    return version.is_published


class PolicyVersionTranslationInline(admin.StackedInline[PolicyVersionTranslation, PolicyVersion]):
    model = PolicyVersionTranslation
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_delete_permission(request, obj)


class ClauseInline(admin.TabularInline[Clause, PolicyVersion]):
    model = Clause
    extra = 0
    fields = ("number", "key", "title", "immediate", "edit_link")
    readonly_fields = ("edit_link",)
    show_change_link = True

    @admin.display(description=_("text and translations"))
    def edit_link(self, clause: Clause) -> str:
        return gettext("Open the clause to edit its text, examples and translations.")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin[PolicyVersion]):
    list_display = ("number", "status", "published_at", "clause_count", "public_link")
    readonly_fields = ("published_at",)
    inlines = [PolicyVersionTranslationInline, ClauseInline]
    actions = ["publish", "draft_next"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[PolicyVersion]:
        return super().get_queryset(request).prefetch_related("clauses")

    @admin.display(description=_("status"))
    def status(self, version: PolicyVersion) -> str:
        return gettext("Published") if version.is_published else gettext("Draft")

    @admin.display(description=_("clauses"))
    def clause_count(self, version: PolicyVersion) -> int:
        return len(version.clauses.all())

    @admin.display(description=_("page"))
    def public_link(self, version: PolicyVersion) -> SafeString:
        return format_html('<a href="{}">{}</a>', version.get_absolute_url(), gettext("View"))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_delete_permission(request, obj)

    @admin.action(description=_("Publish the selected draft (it comes into force now)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[PolicyVersion]) -> None:
        published = 0
        for version in queryset.order_by("number"):
            try:
                policy_versions.publish_policy_version(version=version)
            except ModerationError as exc:
                self.message_user(request, f"{version}: {exc.message}", level=messages.ERROR)
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext("%(count)d version published.", "%(count)d versions published.", published)
                % {"count": published},
                level=messages.SUCCESS,
            )

    @admin.action(description=_("Start the next version as a draft copied from the selected one"))
    def draft_next(self, request: HttpRequest, queryset: QuerySet[PolicyVersion]) -> None:
        base = queryset.order_by("-number").first()
        draft = policy_versions.draft_policy_version(based_on=base)
        self.message_user(
            request,
            gettext("Draft %(version)s created.") % {"version": draft},
            level=messages.SUCCESS,
        )


class ClauseTranslationInline(admin.StackedInline[ClauseTranslation, Clause]):
    model = ClauseTranslation
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin[Clause]):
    list_display = ("__str__", "version", "key")
    list_filter = ("version",)
    search_fields = ("title", "text", "key")
    inlines = [ClauseTranslationInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_frozen(obj) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "version":
            kwargs["queryset"] = PolicyVersion.objects.filter(published_at__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
