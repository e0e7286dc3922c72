"""The shapes of what readers and moderators send: validated here, decided in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.articles.models import Article, Section
from gazette.moderation.desk import RecentOrder
from gazette.moderation.models import Appeal, Clause, PresetChoice, Report, Sanction
from gazette.moderation.policy import Ground
from gazette.moderation.queries import current_policy
from gazette.moderation.reviewers import appeal_reviewers


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
    ground = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=Report.Ground.choices,
        initial=Report.Ground.POLICY,
        required=False,
        widget=forms.RadioSelect,
    )
    clause = ClauseChoiceField(
        queryset=Clause.objects.none(),
        label=_("Which rule does this comment break?"),
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    legal_ground = forms.CharField(
        label=_("For illegal content: which law does it break?"),
        required=False,
        max_length=500,
    )
    note = forms.CharField(
        label=_(
            "Anything a moderator should know; for illegal content, explain why the comment "
            "breaks that law"
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bona_fide = forms.BooleanField(
        label=_(
            "For illegal content: I confirm in good faith that the information and allegations "
            "in this report are accurate and complete."
        ),
        required=False,
    )
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=80)
    email = forms.EmailField(
        label=_("Your e-mail address (optional), to be told the decision"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit_clauses()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["ground"] = data.get("ground") or Report.Ground.POLICY
        if data["ground"] == Report.Ground.POLICY:
            if not data.get("clause"):
                self.add_error("clause", _("Choose the rule the comment breaks."))
            return data
        if not data.get("legal_ground", "").strip():
            self.add_error("legal_ground", _("Name the law the comment breaks."))
        if not data.get("note", "").strip():
            self.add_error("note", _("Explain why the comment breaks that law."))
        if not data.get("bona_fide"):
            self.add_error(
                "bona_fide",
                _("A report of illegal content must confirm that it is made in good faith."),
            )
        return data


class AppealForm(forms.Form):
    statement = forms.CharField(
        label=_("Why should the decision be changed?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    information = forms.CharField(
        label=_("New information the reviewer should see (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(ClauseFormMixin, forms.Form):
    ACTIONS = (
        ("approve", _("Approve")),
        ("remove", _("Remove")),
        ("hold", _("Hold")),
        ("reinstate", _("Reinstate")),
        ("dismiss", _("Dismiss the reports")),
    )
    GROUNDS = (
        (Ground.INCOMPATIBLE, _("Against the Comment Policy")),
        (Ground.ILLEGAL, _("Illegal")),
    )
    action = forms.ChoiceField(choices=ACTIONS)
    clause = ClauseChoiceField(queryset=Clause.objects.none(), required=False, label=_("Clause"))
    explanation = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Why, as the author will read it"),
        help_text=_("What in this comment breaks the rule: required to remove or hold."),
    )
    ground = forms.ChoiceField(choices=GROUNDS, required=False, label=_("Ground"))
    legal_ground = forms.CharField(
        required=False, max_length=500, label=_("The law and article (illegal content)")
    )
    note = forms.CharField(required=False, max_length=2000, label=_("Note for moderators"))
    manifestly_unfounded = forms.BooleanField(
        required=False, label=_("The reports are manifestly unfounded")
    )

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
    kind = forms.ChoiceField(
        choices=[("", _("The next step on the sanction ladder")), *Sanction.Kind.choices],
        required=False,
        label=_("Sanction"),
    )
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
        label=_("Outcome"),
        choices=[
            (value, label)
            for value, label in Appeal.Outcome.choices
            if value != Appeal.Outcome.PENDING
        ],
    )
    response = forms.CharField(
        label=_("Reasons, as the appellant will read them"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    manifestly_unfounded = forms.BooleanField(
        label=_("Manifestly unfounded (counts towards misuse of appeals)"), required=False
    )


class AssignAppealForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Reviewer (yourself if empty)")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = appeal_reviewers()  # type: ignore[attr-defined]  # a ModelChoiceField


class ReviewerLanguagesForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("The languages you read well enough to decide an appeal"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            (code, str(name)) for code, name in settings.LANGUAGES
        ]


class QueueFilterForm(forms.Form):
    section = forms.SlugField(required=False)
    language = forms.CharField(required=False, max_length=8)
    story = forms.IntegerField(required=False, min_value=1)
    order = forms.ChoiceField(
        required=False, choices=[(order.value, order.value) for order in RecentOrder]
    )
    with_links = forms.BooleanField(required=False)
    first_time = forms.BooleanField(required=False)


class PresetForm(forms.Form):
    preset = forms.ChoiceField(choices=PresetChoice.choices, label=_("Preset"))
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(), required=False, label=_("Section")
    )
    article = forms.ModelChoiceField(
        queryset=Article.objects.all(),
        required=False,
        widget=forms.NumberInput,
        label=_("Article (its number)"),
    )
    reason = forms.CharField(
        required=False,
        max_length=200,
        label=_("Reason shown to readers (for sub judice, the case)"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("section")) == bool(data.get("article")):
            raise forms.ValidationError(_("Choose a section or an article, not both."))
        return data


class AuthorityActionForm(ClauseFormMixin, forms.Form):
    """Acting on an order from an authority: the comments it concerns are removed."""

    clause = ClauseChoiceField(queryset=Clause.objects.none(), label=_("Clause"))
    explanation = forms.CharField(
        label=_("Why, as the authors will read it"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    legal_ground = forms.CharField(
        required=False, max_length=500, label=_("The law and article (illegal content)")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit_clauses()


class StatementPeriodForm(forms.Form):
    """The days whose statements of reasons a senior moderator downloads."""

    since = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("Last day (included)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The first day comes after the last one."))
        return cleaned


class ClaimForm(forms.Form):
    # Chosen explicitly, never implied: taking an item another moderator is looking at.
    take_over = forms.BooleanField(required=False)
