"""Readers' data requests carried out by staff from the admin's list of accounts: the same
services as the readers' own pages, each request logged in the audit log with who carried it
out. Accounts do not know moderation, so moderation extends their admin here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gazette.accounts.admin import UserAdmin
from gazette.accounts.models import User
from gazette.moderation.data_rights_forms import ErasureForm
from gazette.moderation.services import data_rights
from gazette.moderation.services.data_rights import DataSubject
from gazette.moderation.views.data_rights import data_file

PERMISSION = "moderation.carry_out_data_requests"


class ReaderAdmin(UserAdmin):
    actions = ["carry_out_erasure", "download_data"]

    def has_data_request_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    @admin.action(
        description=gettext_lazy("Carry out an erasure request"), permissions=["data_request"]
    )
    def carry_out_erasure(
        self, request: HttpRequest, queryset: QuerySet[User]
    ) -> HttpResponse | None:
        """First a page to confirm and choose what becomes of the comments; then the erasure."""
        # One's own account is erased from one's own page, with the password.
        accounts = [account for account in queryset if account.pk != request.user.pk]
        form = ErasureForm(request.POST if "confirm" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Carry out an erasure request"),
                "accounts": accounts,
                "form": form,
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "moderation/admin/erase_readers.html", context)
        staff = request.user if isinstance(request.user, User) else None
        for account in accounts:
            data_rights.erase_personal_data(
                subject=DataSubject.account(account),
                remove_comments=form.remove_comments,
                carried_out_by=staff,
            )
        self.message_user(
            request,
            ngettext(
                "The data of %(count)d account is erased.",
                "The data of %(count)d accounts is erased.",
                len(accounts),
            )
            % {"count": len(accounts)},
            messages.SUCCESS,
        )
        return None

    @admin.action(description=gettext_lazy("Download data"), permissions=["data_request"])
    def download_data(self, request: HttpRequest, queryset: QuerySet[User]) -> HttpResponse | None:
        accounts = list(queryset[:2])
        staff = request.user
        if len(accounts) != 1 or not isinstance(staff, User):
            self.message_user(
                request, _("Choose exactly one account to download its data."), messages.ERROR
            )
            return None
        document = data_rights.provide_personal_data(
            subject=DataSubject.account(accounts[0]), provided_by=staff
        )
        return data_file(document, f"account-{accounts[0].pk}.json")


admin.site.unregister(User)
admin.site.register(User, ReaderAdmin)
