"""The overview's filters: a period (the last 7, 30, 90 or 365 days, or between two days) and
an edition."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from gazette.core import editions
from gazette.newsroom import policy

CUSTOM = "custom"


def _period_choices() -> list[tuple[str, str]]:
    choices = [
        (
            str(days),
            ngettext_lazy("Last %(days)s day", "Last %(days)s days", days) % {"days": days},
        )
        for days in policy.PERIODS
    ]
    return [*choices, (CUSTOM, str(_("Between two days")))]


def _edition_choices() -> list[tuple[str, str]]:
    return [("", str(_("Every edition"))), *editions.choices()]


class FiguresForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False, choices=_period_choices)
    first = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    edition = forms.ChoiceField(label=_("Edition"), required=False, choices=_edition_choices)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("period") == CUSTOM:
            first, last = cleaned.get("first"), cleaned.get("last")
            if not isinstance(first, date) or not isinstance(last, date):
                raise forms.ValidationError(_("Give both days of the period."))
            if policy.chosen_period(first, last) is None:
                raise forms.ValidationError(
                    _("The period must end after it starts and span at most ten years.")
                )
        return cleaned

    def chosen(self, today: date) -> policy.Period:
        """The period asked for; the default one when the form is empty."""
        data = self.cleaned_data
        if data.get("period") == CUSTOM:
            period = policy.chosen_period(data["first"], data["last"])
            if period is not None:
                return period
        days = int(data.get("period") or policy.DEFAULT_PERIOD)
        return policy.last_days(days, today)
