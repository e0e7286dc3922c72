"""Pre- or post-moderation for one section or one article, set by editors in the admin. The
site-wide mode and the trust threshold are on the Moderation settings page."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models import ModerationMode


@admin.register(ModerationMode)
class ModerationModeAdmin(admin.ModelAdmin[ModerationMode]):
    list_display = ("applies_to", "mode", "note", "updated_at")
    list_filter = ("mode", "section")
    list_select_related = ("section", "article")
    search_fields = ("article__headline", "section__name", "note")
    fields = ("mode", "section", "article", "note")
    # Articles are many, so they are looked up by headline; sections are few and stay a list.
    autocomplete_fields = ("article",)

    @admin.display(description=_("applies to"))
    def applies_to(self, mode: ModerationMode) -> str:
        if mode.article is not None:
            return gettext("Article: %(headline)s") % {"headline": mode.article.headline}
        return gettext("Section: %(name)s") % {"name": mode.section}
