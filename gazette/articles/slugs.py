"""Section slugs share the first level of an edition's URLs with other pages (/en/moderation/,
/en/authors/…); a section may not take a name another page already uses."""

from __future__ import annotations

from functools import cache

from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import gettext as _


def _first_segments(patterns: list[URLPattern | URLResolver]) -> set[str]:
    """The literal first path segment of every route, descending into prefix-less includes."""
    segments: set[str] = set()
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver) and route == "":
            segments |= _first_segments(entry.url_patterns)
            continue
        first = route.lstrip("^").split("/", 1)[0]
        if first and "<" not in first and "(" not in first:
            segments.add(first)
    return segments


@cache
def taken_section_slugs() -> frozenset[str]:
    """First URL segments used inside the language prefix by any app, read from the URLconf."""
    taken: set[str] = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            taken |= _first_segments(entry.url_patterns)
    return frozenset(taken)


def validate_section_slug(slug: str) -> None:
    if slug in taken_section_slugs():
        raise ValidationError(
            _("“%(slug)s” is already the address of another page. Choose another slug."),
            code="slug_taken",
            params={"slug": slug},
        )
