from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Public profile"), {"fields": ("display_name", "email_verified_at")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "is_active")
