"""Pure rules of search: what an article's searchable text is, and what a reader's query means.

No database here. The backends (`search_backends.py`) receive plain terms, never the text a
reader typed, so nothing typed can become query syntax (FTS5's AND, NEAR, quotes, `*`, `-`,
parentheses are letters' neighbours, not operators, once a query is cut into terms).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gazette.core.transliteration import normalise_uzbek_latin

# Highlight markers the backends put around matched words: private-use characters, removed
# from every indexed text, so that only the backend can have put them there.
MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 64

# A term is what the FTS5 unicode61 tokenizer keeps together: letters (the Uzbek ʻ and ʼ are
# modifier letters, so oʻzbek is one word) and digits.
_TERM = re.compile(r"[^\W_]+", re.UNICODE)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKUP = re.compile(r"^[ \t]{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+", re.MULTILINE)
_EMPHASIS = re.compile(r"[*`~]+")


# Each edition's place in an entry's position: the three lowest bits.
EDITION_SLOTS = ("en", "ru", "kk", "uz", "uz-cyrl", "kk-latn")
_ARTICLE_BITS = 28
_EDITION_BITS = 3


def entry_position(published_at: datetime | None, article_id: int, edition: str) -> int:
    """An entry's place, newest first when sorted down: publish time (in seconds), then the
    article, then the edition, packed into one 63-bit integer (unique per entry)."""
    seconds = int(published_at.timestamp()) if published_at is not None else 0
    if article_id >= 1 << _ARTICLE_BITS:
        raise ValueError(f"article {article_id} is past what a search position can hold")
    return (
        (seconds << (_ARTICLE_BITS + _EDITION_BITS))
        | (article_id << _EDITION_BITS)
        | EDITION_SLOTS.index(edition)
    )


def plain_text(markdown: str) -> str:
    """An article body's words without its Markdown: what search indexes and quotes from."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown)
    text = _LINE_MARKUP.sub("", text)
    text = _EMPHASIS.sub("", text).replace("|", " ")
    return without_markers(text)


def without_markers(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def query_terms(query: str, edition: str) -> list[str]:
    """The words of a reader's query, lower-cased, at most `MAX_TERMS` of them.

    Uzbek (Latin) apostrophes are read as the letters they stand for (o'zbek → oʻzbek), as
    the editors' form stores them.
    """
    text = unicodedata.normalize("NFKC", query[:MAX_QUERY_LENGTH])
    if edition == "uz":
        text = normalise_uzbek_latin(text)
    terms: list[str] = []
    for match in _TERM.finditer(text.casefold()):
        term = match.group()[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term: each a quoted string, never an operator."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def marked_up(text: str) -> SafeString:
    """A backend's snippet as HTML: everything escaped, then the markers made <mark> elements."""
    html = str(escape(text)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; the markers are ours
