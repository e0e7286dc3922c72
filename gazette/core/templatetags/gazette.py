"""Site-wide template helpers: the edition switcher and Markdown rendering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from gazette.core.editions import self_name
from gazette.core.text import ARTICLE, render_markdown

register = template.Library()


@dataclass(frozen=True)
class EditionLink:
    code: str
    name: str
    url: str
    current: bool


@register.simple_tag(takes_context=True)
def edition_links(context: template.Context, translations: object = None) -> list[EditionLink]:
    """Links to every edition: to this page's translation where one exists, else the same page.

    `translations` maps language codes to URLs (e.g. an article's published translations);
    a language missing from it falls back to that edition's front page.
    """
    request: HttpRequest = context["request"]
    current = get_language() or settings.LANGUAGE_CODE
    known = translations if isinstance(translations, dict) else None
    links = []
    for code, _name in settings.LANGUAGES:
        if known is not None:
            url = known.get(code) or translate_url(f"/{current}/", code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(EditionLink(code, self_name(code), url, code == current))
    return links


@register.filter
def article_markdown(text: str) -> SafeString:
    return render_markdown(text, ARTICLE)


@register.simple_tag(takes_context=True)
def form_token(context: template.Context) -> SafeString:
    """`{% csrf_token %}` for forms that may stand in a page kept for every reader
    (core/pages.py): there it renders nothing, since such a page carries no token."""
    token = context.get("csrf_token")
    if not token or str(token) == "NOTPROVIDED":
        return SafeString("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@register.filter
def machine_time(value: datetime | None) -> str:
    """A moment as a `datetime` attribute or metadata reads it: ISO 8601 in the site's time
    zone, to the second (HTML allows at most three decimals, and a reader needs none)."""
    if value is None:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
