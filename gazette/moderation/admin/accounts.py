"""Accounts in the admin as moderation extends them (accounts do not know moderation):

- readers' data requests carried out by staff, through the same services as the readers' own
  pages, each request logged in the audit log with who carried it out;
- the newsroom's roles, given and taken by an administrator (services/staff_roles.py), each
  change logged. Only a superuser sees superuser status, raw groups and permissions, or may
  change a superuser's account.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.forms import UserChangeForm
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gazette.accounts.admin import UserAdmin
from gazette.accounts.models import User
from gazette.moderation.data_rights_forms import ErasureForm
from gazette.moderation.roles import GRANTABLE_ROLES, ROLE_LABELS
from gazette.moderation.services import data_rights, staff_roles
from gazette.moderation.services.data_rights import DataSubject
from gazette.moderation.views.data_rights import data_file

PERMISSION = "moderation.carry_out_data_requests"


class StaffRolesForm(UserChangeForm[User]):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=[(name, ROLE_LABELS[name]) for name in GRANTABLE_ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy(
            "Editors publish; moderators decide on comments; senior moderators also decide "
            "appeals and bans. An account with a role can sign in to the desk and the admin."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = sorted(staff_roles.roles_of(self.instance))


# What only a superuser may see or set: it could make an account more than its roles allow.
_SUPERUSER_FIELDS = {"is_superuser", "is_staff", "groups", "user_permissions"}


def _without(names: set[str], fieldset: Any) -> Any:
    name, options = fieldset
    return (name, {**options, "fields": [f for f in options["fields"] if f not in names]})


class ReaderAdmin(UserAdmin):
    actions = ["carry_out_erasure", "download_data"]
    form = StaffRolesForm

    def get_fieldsets(self, request: HttpRequest, obj: User | None = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets  # adding an account: its roles are given once it exists
        if not request.user.is_superuser:
            fieldsets = [_without(_SUPERUSER_FIELDS, item) for item in fieldsets]
        if request.user.has_perm(staff_roles.PERMISSION):
            fieldsets = [*fieldsets, (gettext_lazy("Roles"), {"fields": ["roles"]})]
        return fieldsets

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:  # noqa: FBT001 - Django's signature
        super().save_model(request, obj, form, change)
        staff = request.user
        if not (change and isinstance(staff, User) and "roles" in form.cleaned_data):
            return
        if staff.has_perm(staff_roles.PERMISSION):
            staff_roles.set_staff_roles(user=obj, roles=form.cleaned_data["roles"], by=staff)

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
