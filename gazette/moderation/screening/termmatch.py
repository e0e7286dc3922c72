"""Finding listed terms in a comment: every term at once, in one pass per form of the text.

Terms are compiled into two Aho-Corasick automata (pyahocorasick), one over the clean forms and
one over the skeletons, so the cost of a search grows with the length of the comment and the
number of matches, not with the size of the list, and no regular expression built from user
input is ever run. Each match is then checked against its term's mode (anywhere, at the start of
a word, the whole word) and script scope, and dropped if an allow-listed phrase covers it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import ahocorasick

from gazette.moderation.screening.normalise import (
    RUSSIAN_KEYBOARD,
    UZBEK_MARK,
    Normalised,
    normalise,
)

SNIPPET_CONTEXT = 30


class TermAction(StrEnum):
    BLOCK = "block"
    SUSPECT = "suspect"
    ALLOW = "allow"


class TermMode(StrEnum):
    ANYWHERE = "anywhere"
    WORD_START = "word_start"
    WHOLE_WORD = "whole_word"


class Scope(StrEnum):
    ANY = "any"
    LATIN = "latin"
    CYRILLIC = "cyrillic"


class Via(StrEnum):
    EXACT = "exact"  # found in the clean form: as written, once disguises are removed
    FOLDED = "folded"  # found only in the skeleton: look-alike letters, digits for letters


@dataclass(frozen=True)
class Term:
    phrase: str
    action: TermAction
    mode: TermMode = TermMode.WHOLE_WORD
    scope: Scope = Scope.ANY
    clause_key: str = ""


@dataclass(frozen=True)
class Hit:
    term: Term
    via: Via
    start: int  # in the NFC form of the text, end exclusive
    end: int
    snippet: str

    @property
    def is_blocking(self) -> bool:
        """A blocked term found as written rejects; anything else only holds."""
        return self.term.action == TermAction.BLOCK and self.via == Via.EXACT


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == UZBEK_MARK


@cache
def _script(char: str) -> str:
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return Scope.LATIN
    if name.startswith("CYRILLIC"):
        return Scope.CYRILLIC
    return "other"


def _mode_allows(mode: TermMode, text: str, start: int, end: int) -> bool:
    if mode == TermMode.ANYWHERE:
        return True
    starts_word = start == 0 or not _is_word_char(text[start - 1])
    if mode == TermMode.WORD_START:
        return starts_word
    return starts_word and (end == len(text) or not _is_word_char(text[end]))


def _scope_allows(scope: Scope, written: str) -> bool:
    """A term scoped to one script counts only where the words it was found in use that
    script (alone or mixed with another: mixing scripts is itself a disguise)."""
    if scope == Scope.ANY:
        return True
    return any(_script(char) == scope for char in written)


def snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    return (
        ("…" if left else "")
        + text[left:start]
        + "["
        + text[start:end]
        + "]"
        + text[end:right]
        + ("…" if right < len(text) else "")
    )


class Matcher:
    """A compiled term list. Build it once per change of the list; `find` is pure and fast."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: list[Term] = []
        self._clean = ahocorasick.Automaton()
        self._skeleton = ahocorasick.Automaton()
        for term in terms:
            form = normalise(term.phrase)
            if not form.clean.strip():
                continue
            index = len(self.terms)
            self.terms.append(term)
            _add(self._clean, form.clean, index)
            _add(self._skeleton, form.skeleton, index)
            # Uzbek Cyrillic as typed on a Russian keyboard, found through folding: it holds.
            typed = normalise(form.clean.translate(RUSSIAN_KEYBOARD)).skeleton
            if typed != form.skeleton:
                _add(self._skeleton, typed, index)
        for automaton in (self._clean, self._skeleton):
            if len(automaton):
                automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str | Normalised) -> list[Hit]:
        """Every listed term in `text` that its mode, scope and the allow-list let stand."""
        form = text if isinstance(text, Normalised) else normalise(text)
        exact = self._search(self._clean, form, skeleton=False)
        folded = self._search(self._skeleton, form, skeleton=True)
        found_exact = {(id(hit.term), hit.start) for hit in exact}
        hits = list(exact)
        for hit in folded:
            if (id(hit.term), hit.start) not in found_exact:
                hits.append(Hit(hit.term, Via.FOLDED, hit.start, hit.end, hit.snippet))
        hits.sort(key=lambda hit: (hit.start, hit.end))
        return hits

    def _search(
        self, automaton: ahocorasick.Automaton, form: Normalised, *, skeleton: bool
    ) -> list[Hit]:
        haystack = form.skeleton if skeleton else form.clean
        if not len(automaton) or not haystack:
            return []
        candidates: list[tuple[int, int, Term]] = []
        allowed: list[tuple[int, int]] = []
        for end_index, (length, indexes) in automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
            for index in indexes:
                term = self.terms[index]
                if not _mode_allows(term.mode, haystack, start, end):
                    continue
                if term.action == TermAction.ALLOW:
                    allowed.append((start, end))
                else:
                    candidates.append((start, end, term))
        hits: list[Hit] = []
        if not candidates:
            return hits
        # Working out where the text came from is slow; it is done only now that it is needed.
        origin = form.skeleton_origin if skeleton else form.clean_origin
        for start, end, term in candidates:
            if any(a_start <= start and end <= a_end for a_start, a_end in allowed):
                continue
            written_start, written_end = origin[start], origin[end - 1] + 1
            written = form.original[written_start:written_end]
            if not _scope_allows(term.scope, written):
                continue
            hits.append(
                Hit(
                    term,
                    Via.EXACT,
                    written_start,
                    written_end,
                    snippet(form.original, written_start, written_end),
                )
            )
        return hits


def _add(automaton: ahocorasick.Automaton, key: str, index: int) -> None:
    existing = automaton.get(key, None)
    if existing is None:
        automaton.add_word(key, (len(key), [index]))
    else:
        existing[1].append(index)
