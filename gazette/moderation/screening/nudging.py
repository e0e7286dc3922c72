"""Which words to show a reader before they post, when screening would hold their comment for
abuse or a banned term. Spam gets no nudge: telling a spammer which word tripped the check only
helps them around it."""

from __future__ import annotations

from gazette.core.text import visible_text
from gazette.moderation.policy import Finding
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.rules import Rules

NUDGING_CLAUSES = frozenset({"violence", "hate", "attacks"})
NUDGING_MODELS = frozenset({"model:abuse", "model:incitement", "profanity"})
MOST_WORDS = 5
# Shorter n-grams of a model's reasons say nothing about which word it was.
MODEL_PIECE = 4


def trigger_words(text: str, rules: Rules) -> list[str]:
    """The words, as written, behind every abuse or banned-term finding (at most a few)."""
    visible = visible_text(text).strip()
    words: list[str] = []
    for finding in assess(text, rules):
        for word in _words_of(finding, visible):
            if word not in words:
                words.append(word)
    return words[:MOST_WORDS]


def _words_of(finding: Finding, visible: str) -> list[str]:
    if finding.code == "term" and finding.clause_key in NUDGING_CLAUSES:
        start, end = finding.detail["start"], finding.detail["end"]
        if isinstance(start, int) and isinstance(end, int):
            return [_whole_word(visible, start, end)]
    if finding.code in NUDGING_MODELS:
        grams = finding.detail.get("ngrams")
        pieces = [gram.strip() for gram, _w in grams] if isinstance(grams, list) else []
        pieces = [piece for piece in pieces if len(piece) >= MODEL_PIECE]
        return [word for word in visible.split() if any(p in word.casefold() for p in pieces)][:2]
    return []


def _whole_word(text: str, start: int, end: int) -> str:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]
