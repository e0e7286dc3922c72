# Cyrillic, Kazakh and Uzbek letters are the subject here.
# ruff: noqa: RUF001
"""Which of our readers' languages and scripts a comment is written in, guessed from its letters.

Screening is measured, and its holds are counted, per language and script: English, Russian,
Kazakh in Cyrillic and in the 2021 Latin alphabet, Uzbek in Latin and in Cyrillic. The letters
each alphabet has of its own tell many comments apart; for the rest, the character trigrams of
the text are compared with those of the training comments written in each (a naive Bayes
guess, well under a millisecond). The guess chooses the house models' thresholds, tuned per
language-script, and is counted in the published figures.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from enum import StrEnum
from functools import cache

from gazette.moderation.screening import corpus


class Written(StrEnum):
    EN = "en"
    RU = "ru"
    KK_CYRL = "kk-cyrl"
    KK_LATN = "kk-latn"
    UZ_LATN = "uz-latn"
    UZ_CYRL = "uz-cyrl"


KAZAKH_CYRILLIC = frozenset("әғқңөұүһі")
UZBEK_CYRILLIC = frozenset("ўҳ")
KAZAKH_LATIN = frozenset("äğıñöşūü")
# oʻ and gʻ, however the apostrophe was typed.
# English contractions and possessives ("dog's", "don't") are not Uzbek letters.
_UZBEK_LATIN_MARKS = re.compile(r"[og][ʻʼ'`‘’](?!(?:s|t|d|m|ll|re|ve)\b)[a-z]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def language_of(text: str) -> Written:
    """The likeliest of the six: an alphabet's own letters decide at once; otherwise the
    character trigrams of the text against those of the training comments of each."""
    lowered = text.casefold()
    candidates: tuple[Written, ...]
    cyrillic = sum(1 for char in lowered if "а" <= char <= "я" or char in "ёәғқңөұүһіўҳ")
    latin = sum(1 for char in lowered if "a" <= char <= "z" or char in KAZAKH_LATIN)
    if cyrillic > latin:
        if any(char in UZBEK_CYRILLIC for char in lowered):
            return Written.UZ_CYRL
        if any(char in KAZAKH_CYRILLIC for char in lowered) and not any(
            char in "ўҳ" for char in lowered
        ):
            candidates = (Written.KK_CYRL, Written.UZ_CYRL)
        else:
            candidates = (Written.RU, Written.KK_CYRL, Written.UZ_CYRL)
    elif any(char in KAZAKH_LATIN for char in lowered):
        return Written.KK_LATN
    elif _UZBEK_LATIN_MARKS.search(lowered):
        candidates = (Written.UZ_LATN, Written.KK_LATN)
    else:
        candidates = (Written.EN, Written.KK_LATN, Written.UZ_LATN, Written.RU)
    return _likeliest(lowered, candidates)


def _trigrams(text: str) -> list[str]:
    padded = " " + " ".join(_WORD.findall(text)) + " "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


@cache
def _profiles() -> dict[str, tuple[dict[str, float], float]]:
    """Per language-script: the log-probability of each trigram in its training comments, and
    the log-probability of a trigram never seen there (add-one smoothing)."""
    counts: dict[str, Counter[str]] = {written: Counter() for written in Written}
    for example in corpus.examples(corpus.TRAINING_DIR):
        counts[example.written].update(_trigrams(example.text.casefold()))
    profiles = {}
    for written, counted in counts.items():
        total = sum(counted.values()) + len(counted) + 1
        profiles[written] = (
            {gram: math.log((n + 1) / total) for gram, n in counted.items()},
            math.log(1 / total),
        )
    return profiles


def _likeliest(text: str, candidates: tuple[Written, ...]) -> Written:
    grams = _trigrams(text)
    profiles = _profiles()

    def likelihood(written: Written) -> float:
        logs, unseen = profiles[written]
        return sum(logs.get(gram, unseen) for gram in grams)

    return max(candidates, key=likelihood)
