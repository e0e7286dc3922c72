"""The shapes of what readers and moderators send: validated here, decided in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models import Clause, Sanction
from gazette.moderation.queries import current_policy


class ClauseChoiceField(forms.ModelChoiceField[Clause]):
    def label_from_instance(self, obj: Clause) -> str:
        return f"{obj.number}. {obj.local_title}"


def clauses_in_force() -> QuerySet[Clause]:
    policy = current_policy()
    if policy is None:
        return Clause.objects.none()
    return Clause.objects.filter(version=policy).prefetch_related("translations").order_by("number")


class ClauseFormMixin:
    fields: dict[str, Any]

    def _limit_clauses(self) -> None:
        self.fields["clause"].queryset = clauses_in_force()


class ReportForm(ClauseFormMixin, forms.Form):
    clause = ClauseChoiceField(
        queryset=Clause.objects.none(),
        label=_("Which rule does this comment break?"),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything a moderator should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit_clauses()


class AppealForm(forms.Form):
    statement = forms.CharField(
        label=_("Why should the decision be changed?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class DecisionForm(ClauseFormMixin, forms.Form):
    ACTIONS = (
        ("approve", _("Approve")),
        ("remove", _("Remove")),
        ("hold", _("Hold")),
        ("reinstate", _("Reinstate")),
        ("dismiss", _("Dismiss the reports")),
    )
    action = forms.ChoiceField(choices=ACTIONS)
    clause = ClauseChoiceField(queryset=Clause.objects.none(), required=False, label=_("Clause"))
    note = forms.CharField(required=False, max_length=2000, label=_("Note"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit_clauses()


class BulkDecisionForm(DecisionForm):
    comments = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=_("Comments"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = self.ACTIONS[:3]
        raw = self.data.getlist("comments") if hasattr(self.data, "getlist") else []
        self.fields["comments"].choices = [(value, value) for value in raw if value.isdigit()]


class SanctionForm(ClauseFormMixin, forms.Form):
    kind = forms.ChoiceField(choices=Sanction.Kind.choices, label=_("Sanction"))
    days = forms.IntegerField(
        label=_("Days (suspension)"), required=False, min_value=1, max_value=3650
    )
    clause = ClauseChoiceField(queryset=Clause.objects.none(), label=_("Clause"))
    reason = forms.CharField(
        label=_("Reason, as the author will read it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    by_account = forms.BooleanField(label=_("By account"), required=False, initial=True)
    by_email = forms.BooleanField(label=_("By e-mail address"), required=False)
    by_address = forms.BooleanField(label=_("By network address (hash)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit_clauses()


class RevokeSanctionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is revoked, as the author will read it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=(("upheld", _("Uphold: reinstate")), ("rejected", _("Reject: keep removed")))
    )
    response = forms.CharField(
        label=_("Reasons, as the author will read them"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QueueFilterForm(forms.Form):
    section = forms.SlugField(required=False)
    language = forms.CharField(required=False, max_length=8)
    story = forms.IntegerField(required=False, min_value=1)
