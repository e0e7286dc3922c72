"""The editors' upload of a file to import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gazette.comments.page_urls import NotAPageAddress, canonical_page_url
from gazette.importers.exports import ExportFormat
from gazette.importers.models import Format, ImportRun
from gazette.sites.models import Site


class ImportRunForm(forms.ModelForm[ImportRun]):
    class Meta:
        model = ImportRun
        fields = ("format", "file", "section", "site_url")
        help_texts = {
            "section": _("WordPress posts that are none of our articles become articles here."),
            "site_url": _(
                "For an Isso database: the address of the site its pages were on, such as "
                "https://example.org."
            ),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = cleaned.get("format")
        if chosen == Format.WXR and not cleaned.get("section"):
            self.add_error(
                "section", _("Choose the section the WordPress posts are imported into.")
            )
        if chosen == Format.ISSO:
            try:
                cleaned["site_url"] = canonical_page_url(cleaned.get("site_url") or "")
            except NotAPageAddress:
                self.add_error(
                    "site_url",
                    _("Give the full address of the site, starting with https:// or http://."),
                )
        return cleaned


class ExportForm(forms.Form):
    """What an editor downloads: the format, one site or all, and readers' personal data for
    those allowed it."""

    format = forms.ChoiceField(label=_("format"), choices=ExportFormat.choices)
    site = forms.ChoiceField(label=_("site"), required=False)
    personal_data = forms.BooleanField(
        label=_("include readers' personal data"),
        required=False,
        help_text=_(
            "E-mail addresses, address hashes, reader keys, who liked what and moderators' "
            "user names. Keep such a file as safely as the site's database."
        ),
    )

    def __init__(self, *args: Any, may_include_personal_data: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.may_include_personal_data = may_include_personal_data
        sites = Site.objects.values_list("key", "name")
        site_field = self.fields["site"]
        if isinstance(site_field, forms.ChoiceField):
            site_field.choices = [("", _("Every site")), *sites]

    def clean_personal_data(self) -> bool:
        wanted = bool(self.cleaned_data.get("personal_data"))
        if wanted and not self.may_include_personal_data:
            raise forms.ValidationError(
                _(
                    "You may download the comments without readers' personal data only; ask "
                    "an administrator for the permission to download it."
                )
            )
        return wanted
