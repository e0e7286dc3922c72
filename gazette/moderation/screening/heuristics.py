# Cyrillic words for "dot" are matched on purpose.
# ruff: noqa: RUF001, RUF003
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


_TOP_LEVEL = (
    r"(?:com|net|org|ru|kz|uz|io|me|info|biz|xyz|top|site|online|shop|link|click|su|pro|bet"
    r"|win|casino|cc|tk)"
)
# A web address with its dot disguised: "site[.]ru", "site (dot) com", "site dot com",
# "site точка ру", "site .com". A dot followed by a space is left alone: prose is full of it.
_DISGUISED = re.compile(
    r"(?i)\b[\w-]{2,}\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\})\s*"
    + _TOP_LEVEL
    + r"\b|\b[\w-]{2,}(?:\s+(?:dot|точка|nuqta|нүкте)\s+|\s+\.\s*)"
    + _TOP_LEVEL
    + r"\b|\b[\w-]{2,}\s*(?:точка|dot)\s*(?:ру|ком|кз|уз)\b"
)


def disguised_links(text: str) -> list[str]:
    """The web addresses the text spells out so that they would not look like links."""
    return [match.group(0) for match in _DISGUISED.finditer(text)]
