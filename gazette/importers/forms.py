"""The editors' upload of a file to import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gazette.comments.page_urls import NotAPageAddress, canonical_page_url
from gazette.importers.models import Format, ImportRun


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
