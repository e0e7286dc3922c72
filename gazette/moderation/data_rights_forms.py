"""The forms of a reader's data rights: asking for the link to a guest's data, and choosing
what becomes of one's comments on erasure (with the password, for an account)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User

REMOVE = "remove"
KEEP = "keep"


class DataLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("The e-mail address you gave with your comments"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ErasureForm(forms.Form):
    comments = forms.ChoiceField(
        label=_("Your comments"),
        choices=[
            (REMOVE, _("Remove my comments")),
            (KEEP, _("Keep my comments, shown under “Former reader”")),
        ],
        widget=forms.RadioSelect,
    )

    @property
    def remove_comments(self) -> bool:
        return bool(self.cleaned_data["comments"] == REMOVE)


class AccountErasureForm(ErasureForm):
    """The erasure of an account: its password once more, so that an open session left on a
    shared computer cannot erase it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password. Please try again."))
        return password
