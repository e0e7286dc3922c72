"""The shape of a vote as the poll's form sends it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class VoteForm(forms.Form):
    """Either `choice` (an answer's code, to vote or change) or `withdraw` (to take a vote back).

    The pressed answer's button is named `withdraw`, so pressing it again withdraws the vote.
    """

    choice = forms.SlugField(max_length=32, required=False)
    withdraw = forms.SlugField(max_length=32, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("choice")) == bool(cleaned.get("withdraw")):
            raise forms.ValidationError(_("Please choose one of the answers."), code="no_choice")
        return cleaned

    @property
    def withdraws(self) -> bool:
        return bool(self.cleaned_data.get("withdraw"))
