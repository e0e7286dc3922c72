"""Editors upload an export to import; the run's page shows its progress, then its report."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.importers import exports, runs
from gazette.importers.export_records import ExportOptions
from gazette.importers.forms import ExportForm, ImportRunForm
from gazette.importers.models import ImportedDecision, ImportRun

_SHOWN = ("format", "section", "site_url", "status", "progress", "summary", "error")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin[ImportRun]):
    list_display = ("__str__", "status", "progress", "started_by", "finished_at")
    list_filter = ("status", "format")
    list_select_related = ("started_by",)
    form = ImportRunForm
    change_form_template = "importers/admin/run_change_form.html"
    change_list_template = "importers/admin/run_change_list.html"
    actions = ("run_again",)

    def get_urls(self) -> list[URLPattern]:
        download = path(
            "export/",
            self.admin_site.admin_view(self.export_comments),
            name="importers_export_comments",
        )
        return [download, *super().get_urls()]

    def export_comments(self, request: HttpRequest) -> HttpResponseBase:
        """The form, then the download itself, streamed as it is read from the database."""
        user = request.user
        assert isinstance(user, User)  # noqa: S101 - the admin signs everyone in
        if not exports.may_export(user, personal_data=False):
            raise PermissionDenied
        form = ExportForm(
            request.POST if request.method == "POST" else None,
            may_include_personal_data=exports.may_export(user, personal_data=True),
        )
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": gettext("Download every comment"),
                "form": form,
            }
            status = 400 if request.method == "POST" else 200
            return TemplateResponse(request, "importers/admin/export.html", context, status=status)
        chosen = form.cleaned_data["format"]
        options = ExportOptions(
            personal_data=form.cleaned_data["personal_data"], site=form.cleaned_data["site"]
        )
        pieces = exports.export_comments(export_format=chosen, options=options, actor=user)
        download = exports.DOWNLOADS[chosen]
        response = StreamingHttpResponse(pieces, content_type=download.content_type)
        response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
        return response

    def get_fields(self, request: HttpRequest, obj: ImportRun | None = None) -> Any:
        return _SHOWN if obj is not None else ("format", "file", "section", "site_url")

    def get_readonly_fields(self, request: HttpRequest, obj: ImportRun | None = None) -> Any:
        return _SHOWN if obj is not None else ()

    def has_change_permission(self, request: HttpRequest, obj: ImportRun | None = None) -> bool:
        return False  # a run is followed, never edited

    def save_model(
        self,
        request: HttpRequest,
        obj: ImportRun,
        form: ModelForm[ImportRun],
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        assert isinstance(request.user, User)  # noqa: S101 - the admin signs everyone in
        runs.start_import(run=obj, editor=request.user)

    @admin.display(description=_("progress"))
    def progress(self, run: ImportRun) -> str:
        return gettext("%(processed)d of %(total)d comments") % {
            "processed": run.processed,
            "total": run.total,
        }

    @admin.display(description=_("report"))
    def summary(self, run: ImportRun) -> SafeString:
        return SafeString(render_to_string("importers/admin/report.html", {"report": run.report}))

    @admin.action(description=_("Run the selected imports again"), permissions=["add"])
    def run_again(self, request: HttpRequest, queryset: QuerySet[ImportRun]) -> None:
        # A run still marked running may be one whose worker stopped; running it again is
        # safe, as imported comments are never imported twice.
        for run in queryset.exclude(file=""):
            runs.restart_import(run=run)
        messages.success(request, gettext("The imports will run again."))


@admin.register(ImportedDecision)
class ImportedDecisionAdmin(admin.ModelAdmin[ImportedDecision]):
    """Decisions taken on the install an export came from: history to read, never to change."""

    list_display = ("decided_at", "event", "clause_number", "clause_key", "moderator", "source")
    list_filter = ("event", "source")
    raw_id_fields = ("comment",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: ImportedDecision | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: ImportedDecision | None = None
    ) -> bool:
        return False
