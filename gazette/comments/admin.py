"""Editors close threads and sections; moderators read comments with their edit history.

State changes go through gazette.comments.services so that counts stay exact; the admin never
edits a comment's state or text directly.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gazette.comments import services
from gazette.comments.models import ClosedSection, Comment, CommentRevision, Thread

THREAD_READONLY_FIELDS = ("site", "key", "article", "comment_count", "created_at")
THREAD_FIELDS = ("title", "url", *THREAD_READONLY_FIELDS, "is_closed", "closed_reason")


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin[Thread]):
    list_display = ("__str__", "site", "key", "comment_count", "is_closed")
    list_filter = ("is_closed", "site")
    search_fields = ("key", "title")
    readonly_fields = THREAD_READONLY_FIELDS
    fields = THREAD_FIELDS
    actions = ("close_threads", "reopen_threads")

    raw_id_fields = ("article",)

    def get_fields(self, request: HttpRequest, obj: Thread | None = None) -> tuple[str, ...]:
        # Adding a thread means choosing an article, e.g. to close it before any comment.
        return ("article", "is_closed", "closed_reason") if obj is None else THREAD_FIELDS

    def get_readonly_fields(
        self, request: HttpRequest, obj: Thread | None = None
    ) -> tuple[str, ...]:
        return () if obj is None else THREAD_READONLY_FIELDS

    def save_model(self, request: HttpRequest, obj: Thread, form: Any, change: bool) -> None:  # noqa: FBT001 - Django's signature
        thread = obj if change else services.thread_for_article(obj.article)  # type: ignore[arg-type]  # required on the add form
        if change:
            # Only what the form changed: the counters (comment_count, version) move with F()
            # expressions elsewhere and must never be written back from this stale copy.
            changed = [name for name in form.changed_data if name not in ("is_closed",)]
            if changed:
                obj.save(update_fields=changed)
        if obj.is_closed:
            services.close_thread(thread=thread, reason=obj.closed_reason)
        else:
            services.reopen_thread(thread=thread)
        obj.pk = thread.pk

    @admin.action(description=_("Close the selected threads"), permissions=["change"])
    def close_threads(self, request: HttpRequest, queryset: QuerySet[Thread]) -> None:
        for thread in queryset:
            services.close_thread(thread=thread, reason=thread.closed_reason)
        self._done(request, queryset.count())

    @admin.action(description=_("Reopen the selected threads"), permissions=["change"])
    def reopen_threads(self, request: HttpRequest, queryset: QuerySet[Thread]) -> None:
        for thread in queryset:
            services.reopen_thread(thread=thread)
        self._done(request, queryset.count())

    def _done(self, request: HttpRequest, count: int) -> None:
        message = ngettext("%(count)d thread changed.", "%(count)d threads changed.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(ClosedSection)
class ClosedSectionAdmin(admin.ModelAdmin[ClosedSection]):
    """Closing a section goes through the same services as everywhere else, so its threads'
    cached pages change with it."""

    list_display = ("section", "reason", "closed_at")
    fields = ("section", "reason")

    def get_readonly_fields(
        self, request: HttpRequest, obj: ClosedSection | None = None
    ) -> tuple[str, ...]:
        return () if obj is None else ("section",)

    def save_model(
        self,
        request: HttpRequest,
        obj: ClosedSection,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        closed = services.close_section(section=obj.section, reason=obj.reason)
        obj.pk = closed.pk

    def delete_model(self, request: HttpRequest, obj: ClosedSection) -> None:
        services.reopen_section(section=obj.section)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ClosedSection]) -> None:
        for closed in queryset.select_related("section"):
            services.reopen_section(section=closed.section)


class RevisionInline(admin.TabularInline[CommentRevision, Comment]):
    model = CommentRevision
    extra = 0
    can_delete = False
    readonly_fields = ("body", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("author_name", "thread", "state", "created_at", "like_count")
    list_filter = ("state",)
    search_fields = ("author_name", "body")
    list_select_related = ("thread",)
    inlines = (RevisionInline,)
    readonly_fields = (
        "thread",
        "parent",
        "in_reply_to",
        "user",
        "author_name",
        "body",
        "state",
        "policy_version",
        "abuse_signals",
        "screening_reasons",
        "like_count",
        "created_at",
        "edited_at",
        "deleted_at",
    )
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        return False
