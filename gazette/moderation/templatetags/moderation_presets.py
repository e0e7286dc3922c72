"""The preset in force on an article's discussion, for the panel readers see above it."""

from __future__ import annotations

from django import template

from gazette.articles.models import Article
from gazette.core import pages
from gazette.moderation import modes

register = template.Library()


@register.simple_tag
def preset_notice(article: Article) -> modes.PresetNotice | None:
    pages.stamp(modes.PRESETS_STAMP)
    return modes.preset_notice(article)
