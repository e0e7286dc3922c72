"""The comment form and the small forms around it; they check shape, services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.boundfield import BoundField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gazette.challenges.forms import AbuseSignals, HumanCheckForm
from gazette.comments import seam
from gazette.comments.conf import comment_settings
from gazette.core.text import NameRefused, clean_name


class CommentBodyField(forms.CharField):
    widget = forms.Textarea

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Comment"))
        kwargs.setdefault(
            "help_text",
            _("Markdown: *emphasis*, **strong**, [links](https://…), > quotes, lists, `code`."),
        )
        super().__init__(**kwargs)


class CommentForm(HumanCheckForm):
    """Name, e-mail, comment, the Comment Policy checkbox, reply notifications, and the captcha
    fields that the human check adds. Signed-in readers write under their account's name."""

    OWN_FIELDS = ("name", "email", "body", "notify", "accept_policy", "parent", "nudged")
    # Bound to the article (its target): a solution fetched on one article's page is refused
    # on another's.
    challenge_action = "comment"

    name = forms.CharField(label=_("Name"), max_length=80, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Optional. Never shown; used only for reply notifications you ask for."),
    )
    body = CommentBodyField()
    notify = forms.BooleanField(label=_("E-mail me when someone replies"), required=False)
    accept_policy = forms.BooleanField(
        label=_("I have read the Comment Policy"),
        error_messages={"required": _("Please confirm that you have read the Comment Policy.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    # Set after a nudge before posting (comments/nudges.py).
    nudged = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, request=request, **kwargs)
        self.request = request
        limit = comment_settings().max_length
        self.fields["body"].widget.attrs.update({"maxlength": str(limit), "rows": "5"})
        self.fields["body"].validators.append(MaxLengthValidator(limit))
        if self.signed_in:
            del self.fields["name"]
            del self.fields["email"]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"

    @property
    def signed_in(self) -> bool:
        user = getattr(self.request, "user", None)
        return bool(user is not None and user.is_authenticated)

    @property
    def challenge_fields(self) -> list[BoundField]:
        """The fields the human check adds, shown last."""
        return [self[name] for name in self.fields if name not in self.OWN_FIELDS]

    def clean_name(self) -> str:
        try:
            name = clean_name(self.cleaned_data.get("name", ""))
        except NameRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        reserved = seam.moderation().name_refusal(name) if name else None
        if reserved is not None:
            raise forms.ValidationError(reserved)
        return name

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before posting."))
        return body

    def limited_action(self) -> str | None:
        return "reply" if self.cleaned_data.get("parent") else "comment"

    def clean(self) -> dict[str, Any]:
        # The form's own checks first: the human check counts the rate limit only for a form
        # that is otherwise valid.
        cleaned = self.cleaned_data
        if not self.signed_in:
            if not cleaned.get("name", "").strip() and "name" not in self.errors:
                self.add_error("name", _("Please give a name to sign your comment with."))
            if cleaned.get("notify") and not cleaned.get("email") and "email" not in self.errors:
                self.add_error("email", _("Give an e-mail address to receive reply notifications."))
        return super().clean() or {}

    @property
    def human_check(self) -> AbuseSignals | None:
        """What the human check observed, kept with the comment for moderators."""
        return getattr(self, "abuse_signals", None)


class EditCommentForm(forms.Form):
    body = CommentBodyField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = comment_settings().max_length
        self.fields["body"].widget.attrs.update({"maxlength": str(limit), "rows": "6"})
        self.fields["body"].validators.append(MaxLengthValidator(limit))

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before saving."))
        return body


class LikeForm(forms.Form):
    liked = forms.BooleanField(required=False)
