"""Cheap measurements of a comment's shape, over plain values (no database access)."""

from __future__ import annotations

import re

_LINK = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|net|org|ru|kz|uz|io|me|info|biz|xyz|top|site|online|shop|link|click)\b(?:/\S*)?"
)


def link_count(text: str) -> int:
    """How many web addresses the text carries, written as links or bare."""
    return len(_LINK.findall(text))


def caps_ratio(text: str) -> tuple[float, int]:
    """The share of capital letters among the text's cased letters, and how many there are."""
    cased = [char for char in text if char.isupper() or char.islower()]
    if not cased:
        return 0.0, 0
    upper = sum(1 for char in cased if char.isupper())
    return upper / len(cased), len(cased)
