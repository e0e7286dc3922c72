"""The one sanitising renderer: Markdown in, safe HTML out.

All text written by people (article bodies by editors, comments by readers) is stored as
written and turned into HTML only here: Markdown → HTML → nh3 allow-list. Links leaving the
site get rel="nofollow ugc noopener" for reader text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

_COMMON_TAGS = frozenset(
    {"p", "br", "em", "strong", "a", "blockquote", "ul", "ol", "li", "code", "pre"}
)
_URL_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Profile:
    """What a kind of author may use."""

    tags: frozenset[str]
    markdown_rules: tuple[str, ...]
    link_rel: str


ARTICLE = Profile(
    tags=_COMMON_TAGS | {"h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"},
    markdown_rules=("heading", "hr", "table"),
    link_rel="noopener",
)
COMMENT = Profile(tags=_COMMON_TAGS, markdown_rules=(), link_rel="nofollow ugc noopener")


@cache
def _markdown(profile: Profile) -> MarkdownIt:
    # "zero" preset: only what we enable; raw HTML in the source is shown as text.
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(
        [
            "paragraph",
            "newline",
            "emphasis",
            "link",
            "autolink",
            "backticks",
            "blockquote",
            "list",
            "code",
            "fence",
            "escape",
            "entity",
        ]
    )
    if profile.markdown_rules:
        md.enable(list(profile.markdown_rules))
    return md


def render_markdown(text: str, profile: Profile = COMMENT) -> SafeString:
    """Render text written by a person to HTML that cannot run script in a reader's browser."""
    return mark_safe(_rendered(text, profile))  # noqa: S308 - sanitised by nh3 in _rendered


# A pure function of its inputs, so recent results can be reused: an article page or feed
# renders the same bodies on every request.
@lru_cache(maxsize=256)
def _rendered(text: str, profile: Profile) -> str:
    return _cleaned(_markdown(profile).render(text), profile)


def render_imported_html(html: str, profile: Profile = COMMENT) -> SafeString:
    """HTML written elsewhere (a comment imported from Disqus or WordPress) made as safe as our
    own: the same nh3 allow-list as rendered Markdown, so nothing a reader could not write here
    reaches a page."""
    return mark_safe(_cleaned(html, profile).strip())  # noqa: S308 - sanitised by nh3


def _cleaned(html: str, profile: Profile) -> str:
    return nh3.clean(
        html,
        tags=set(profile.tags),
        attributes={"a": {"href", "title"}, "code": set(), "th": {"align"}, "td": {"align"}},
        url_schemes=set(_URL_SCHEMES),
        link_rel=profile.link_rel,
        strip_comments=True,
    )


# XML 1.0 forbids these; a headline pasted from a word processor can carry a vertical tab.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with the characters XML 1.0 cannot carry removed, for feeds and sitemaps."""
    return _XML_ILLEGAL.sub("", text)


def visible_text(text: str, profile: Profile = COMMENT) -> str:
    """What a reader will read of a text once rendered: Markdown applied, tags dropped, entities
    decoded. `&#115;pam` and `**s**pam` both read "spam" on the page, so screening reads this."""
    return html.unescape(strip_tags(_rendered(text, profile)))


_ANCHOR = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def without_links(html: SafeString) -> SafeString:
    """Sanitised HTML with every link turned into its text and its address, shown but not
    clickable: for e-mails, where a reader-written link must not pass for one of ours."""
    return mark_safe(_ANCHOR.sub(r"\2 (\1)", str(html)))  # noqa: S308 - input already sanitised


# Characters that reverse or isolate the direction of the text around them: U+202E before
# "nimdA" shows "Admin". Removing them would change what the name says, so such a name is
# refused.
_BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
# At most this many accents on one letter: enough for Vietnamese, not for a tower of marks.
MAX_MARKS_PER_LETTER = 3


class NameRefused(ValueError):  # noqa: N818 - named for the state, as our domain errors are
    """A name that cannot be cleaned without changing what it says; the message says why."""


def clean_name(value: str) -> str:
    """A name or other display text as it may be shown: NFC, no invisible or control characters
    (zero-width joiners, byte-order marks, soft hyphens, line breaks), spaces collapsed.

    Raises NameRefused for direction controls and for letters stacked with accents, where
    cleaning would change what readers see.
    """
    text = unicodedata.normalize("NFC", value)
    if any(char in _BIDI_CONTROLS for char in text):
        raise NameRefused(_("A name cannot contain characters that reverse the direction of text."))
    kept: list[str] = []
    marks = 0
    for char in text:
        category = unicodedata.category(char)
        if category in {"Cc", "Cf", "Zl", "Zp"}:
            # Line breaks and tabs part words; anything else invisible just goes.
            kept.append(" " if char in "\t\n\r" or category in {"Zl", "Zp"} else "")
            continue
        marks = marks + 1 if category in {"Mn", "Me"} else 0
        if marks > MAX_MARKS_PER_LETTER:
            raise NameRefused(_("A name cannot stack more than three accents on one letter."))
        kept.append(char)
    return " ".join("".join(kept).split())
