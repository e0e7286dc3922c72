"""Sign-up and sign-in forms for readers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gazette.accounts.names import name_refusal
from gazette.challenges.forms import HumanCheckForm
from gazette.core.text import NameRefused, clean_name


class SignUpForm(HumanCheckForm):
    OWN_FIELDS = ("email", "display_name", "password1", "password2")
    challenge_action = "signup"

    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send a link to confirm it. It is never shown to other readers."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Name shown with your comments"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.request = request

    @property
    def challenge_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in self.OWN_FIELDS]

    def clean_display_name(self) -> str:
        try:
            name = clean_name(self.cleaned_data.get("display_name", ""))
        except NameRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        if not name:
            raise forms.ValidationError(_("Please give the name shown with your comments."))
        reserved = name_refusal(name)
        if reserved is not None:
            raise forms.ValidationError(reserved)
        return name

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class SignInForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail")
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean_username(self) -> str:
        username: str = self.cleaned_data.get("username", "")
        return username.strip().lower()
