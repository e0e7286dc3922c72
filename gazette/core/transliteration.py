"""Writing the same text in another script: Uzbek Latin ↔ Cyrillic, Kazakh Cyrillic → 2021 Latin.

Pure functions over strings. Uzbek Latin writes oʻ and gʻ with U+02BB (ʻ) and the tutuq belgisi
(the sign in maʼno, sanʼat) with U+02BC (ʼ); `normalise_uzbek_latin` turns what keyboards type in
their place (` ' ‘ ’) into the right letters. Where Latin spelling loses a distinction Cyrillic
keeps (s for both с and ц, e for е and э), the rules below and a short list of loanwords decide.
"""

# Letters of three alphabets, and the signs between them, are the subject here.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# Words are converted one at a time, each always the same way, so a worker keeps the words it
# has converted: the articles of a page in the other script repeat most of each other's.
WORDS_KEPT = 20_000

OKINA = "\u02bb"  # ʻ in oʻ, gʻ
TUTUQ = "\u02bc"  # ʼ in maʼno, sanʼat
_STAND_INS = "`'\u2018\u2019\u02bc\u02bb"

# Link targets, addresses, code, markup and message placeholders keep their letters: they are
# read by programs, not people.
_PROTECTED = re.compile(
    r"(\]\([^)\s]*\)|<[^<>]*>|`[^`]*`|https?://\S+|%{1,2}\(\w+\)[-+ #0-9.]*[a-z]|%%|%[sd]"
    r"|\{\{[^{}]*\}\}|\{%[^{}]*%\})"
)
# Names of things that are written in Latin letters in Cyrillic text too.
_KEPT_WORDS = frozenset(
    {"ALTCHA", "Captcha", "CSV", "emoji", "Gazette", "HTML", "JavaScript", "JPEG", "Markdown",
     "PNG", "RSS", "Space", "WebP", "CAPTCHA", "Atom", "Isso", "GIF", "URL", "UTC", "IP", "ID"}
)  # fmt: skip

_UZ_VOWELS_LATIN = set("aeiouAEIOU")
_UZ_VOWELS_CYRILLIC = set("аеёиоуўэюяАЕЁИОУЎЭЮЯ")

# Loanwords whose Latin "s" is Cyrillic "ц" (the Latin alphabet writes ц as s at the start of a
# word and after a consonant). Stems: "sirk" covers sirklar, sirkda...
_TSE_STEMS_LATIN = {
    "sirk": "цирк",
    "sement": "цемент",
    "sentr": "центр",
    "sentner": "центнер",
    "sitrus": "цитрус",
    "sivilizatsiya": "цивилизация",
    "konsert": "концерт",
    "kansler": "канцлер",
    "prinsip": "принцип",
    "prinsessa": "принцесса",
    "litsey": "лицей",
}
# Too short to be matched as the start of a longer word (sexr is not a цех).
_TSE_WORDS_LATIN = {"sex": "цех", "sexlar": "цехлар"}


def normalise_uzbek_latin(text: str) -> str:
    """oʻ and gʻ with ʻ, and the tutuq belgisi as ʼ, whatever stand-in was typed for them."""
    # gʻ ends words (togʻ, bogʻ); oʻ does not, so a quote mark after a final o stays one.
    text = re.sub(f"([gG])[{_STAND_INS}]", lambda m: m.group(1) + OKINA, text)
    text = re.sub(f"([oO])[{_STAND_INS}](?=[^\\W\\d_])", lambda m: m.group(1) + OKINA, text)
    # Any other stand-in between letters is the tutuq belgisi (maʼno, sanʼat, Isʼhoq).
    return re.sub(f"(?<=[^\\W\\d_])(?<![oOgG])[{_STAND_INS}](?=[^\\W\\d_])", TUTUQ, text)


def _protected(convert: Callable[[str], str]) -> Callable[[str], str]:
    def run(text: str) -> str:
        parts = _PROTECTED.split(text)
        return "".join(part if index % 2 else convert(part) for index, part in enumerate(parts))

    return run


def _cased(source: str, target: str, *, upper_context: bool) -> str:
    """`target` (lower case) in the case of `source`: Sh → Ш, SH or ALL CAPS → Ш / SH."""
    if source[:1].isupper():
        return target.upper() if upper_context or len(target) == 1 else target.capitalize()
    return target


# --- Uzbek Latin → Cyrillic -----------------------------------------------------------------

_UZ_LATIN_DIGRAPHS = {
    "o" + OKINA: "ў",
    "g" + OKINA: "ғ",
    "sh": "ш",
    "ch": "ч",
    "yo": "ё",
    "yu": "ю",
    "ya": "я",
    "ye": "е",
}
_UZ_LATIN_LETTERS = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с",
    "t": "т", "u": "у", "v": "в", "x": "х", "y": "й", "z": "з", "c": "к", "w": "в",
}  # fmt: skip
_UZ_LATIN_WORD = re.compile(f"[A-Za-z{OKINA}{TUTUQ}]+")


@functools.lru_cache(maxsize=WORDS_KEPT)
def _uz_word_to_cyrillic(word: str) -> str:
    if word in _KEPT_WORDS:
        return word
    lower = word.lower()
    if lower in _TSE_WORDS_LATIN:
        return _cased(word, _TSE_WORDS_LATIN[lower], upper_context=word.isupper())
    for stem, cyrillic in _TSE_STEMS_LATIN.items():
        if lower.startswith(stem):
            tail = _uz_letters_to_cyrillic(word[len(stem) :], after=lower[len(stem) - 1])
            return _cased(word, cyrillic, upper_context=word.isupper()) + tail
    if lower.startswith("ts"):
        tail = _uz_letters_to_cyrillic(word[2:], after="s")
        return _cased(word, "ц", upper_context=word.isupper()) + tail
    return _uz_letters_to_cyrillic(word, after="")


def _uz_letters_to_cyrillic(word: str, *, after: str) -> str:
    """Letter by letter, `after` being the letter before `word` ("" at a word's start)."""
    out: list[str] = []
    upper_context = word.isupper() and len(word) > 1
    index = 0
    previous = after
    while index < len(word):
        pair = word[index : index + 2]
        lower_pair = pair.lower()
        if lower_pair == "s" + TUTUQ and word[index + 2 : index + 3].lower() == "h":
            # Isʼhoq: the sign only keeps s and h apart; Cyrillic needs no sign (Исҳоқ).
            out.append(_cased(pair, "с", upper_context=upper_context))
            index, previous = index + 2, "s"
            continue
        if lower_pair == "ts" and word[index + 2 : index + 4].lower() in {"iy", "io", "ia"}:
            # -tsiya, -tsion: the Latin spelling of ц after a vowel (militsiya, revolutsion).
            out.append(_cased(pair, "ц", upper_context=upper_context))
            index, previous = index + 2, "s"
            continue
        if (
            lower_pair[:1] == "s"
            and previous in {"k", "p"}
            and word[index + 1 : index + 4].lower() in {"iya", "ion"}
        ):
            # aksiya, funksiya, prezumpsiya: ц after k and p in the -tsiya loanwords.
            out.append(_cased(word[index], "ц", upper_context=upper_context))
            index, previous = index + 1, "s"
            continue
        if lower_pair in _UZ_LATIN_DIGRAPHS and _is_digraph(
            lower_pair, word[index + 2 : index + 3], previous
        ):
            out.append(_cased(pair, _UZ_LATIN_DIGRAPHS[lower_pair], upper_context=upper_context))
            index, previous = index + 2, lower_pair[1]
            continue
        letter = word[index]
        lower = letter.lower()
        if lower == TUTUQ:
            out.append("ъ")
        elif lower == OKINA:
            pass  # a stray ʻ after another letter carries no sound of its own
        elif lower == "e" and (not previous or previous in _UZ_VOWELS_LATIN):
            out.append(_cased(letter, "э", upper_context=upper_context))
        elif lower in _UZ_LATIN_LETTERS:
            out.append(_cased(letter, _UZ_LATIN_LETTERS[lower], upper_context=upper_context))
        else:
            out.append(letter)
        index, previous = index + 1, lower
    return "".join(out)


def _is_digraph(pair: str, following: str, previous: str) -> bool:
    if pair[0] == "y" and following == OKINA:
        return False  # yoʻl: the o belongs to oʻ
    if pair == "ye":
        # ye is е at a word's start and after a vowel (yer, poyezd), й + е after a consonant.
        return not previous or previous in _UZ_VOWELS_LATIN
    return True


def _uzbek_latin_to_cyrillic(text: str) -> str:
    text = normalise_uzbek_latin(text)
    return _UZ_LATIN_WORD.sub(lambda match: _uz_word_to_cyrillic(match.group(0)), text)


uzbek_latin_to_cyrillic = _protected(_uzbek_latin_to_cyrillic)
uzbek_latin_to_cyrillic.__doc__ = "Uzbek text in the Latin alphabet, written in Cyrillic."


# --- Uzbek Cyrillic → Latin -----------------------------------------------------------------

_UZ_CYRILLIC_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ч": "ch", "ш": "sh", "ъ": TUTUQ, "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "ё": "yo", "ў": "o" + OKINA, "қ": "q", "ғ": "g" + OKINA, "ҳ": "h",
    "щ": "sh", "ы": "i",
}  # fmt: skip
_UZ_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]+")


@functools.lru_cache(maxsize=WORDS_KEPT)
def _uz_word_to_latin(word: str) -> str:
    out: list[str] = []
    upper_context = word.isupper() and len(word) > 1
    previous = ""
    for index, letter in enumerate(word):
        lower = letter.lower()
        if lower == "е":
            latin = (
                "ye" if not previous or previous in _UZ_VOWELS_CYRILLIC or previous == "ъ" else "e"
            )
        elif lower == "ц":
            latin = "ts" if previous in _UZ_VOWELS_CYRILLIC else "s"
        elif lower == "ъ" and previous in {"ў", "ғ"}:
            latin = ""  # мўътабар → moʻtabar: oʻ already carries the sign
        elif lower == "ҳ" and previous in {"с", "ц"}:
            latin = TUTUQ + "h"  # Исҳоқ → Isʼhoq, never "sh"
        else:
            latin = _UZ_CYRILLIC_LETTERS.get(lower, letter)
        if latin and letter.isupper():
            next_upper = word[index + 1 : index + 2].isupper()
            latin = latin.upper() if upper_context or next_upper else latin.capitalize()
        out.append(latin)
        previous = lower
    return "".join(out)


def _uzbek_cyrillic_to_latin(text: str) -> str:
    return _UZ_CYRILLIC_WORD.sub(lambda match: _uz_word_to_latin(match.group(0)), text)


uzbek_cyrillic_to_latin = _protected(_uzbek_cyrillic_to_latin)
uzbek_cyrillic_to_latin.__doc__ = "Uzbek text in Cyrillic, written in the Latin alphabet."


# --- Kazakh Cyrillic → Latin (the alphabet of 2021) --------------------------------------------

_KK_LETTERS = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "s", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# Capitals that are not simply the upper case of the small Latin letter.
_KK_CAPITALS = {"и": "İ", "й": "İ", "і": "I"}
_KK_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


@functools.lru_cache(maxsize=WORDS_KEPT)
def _kk_word_to_latin(word: str) -> str:
    out: list[str] = []
    upper_context = word.isupper() and len(word) > 1
    for index, letter in enumerate(word):
        lower = letter.lower()
        latin = _KK_LETTERS.get(lower, letter)
        if latin and letter.isupper():
            capital = _KK_CAPITALS.get(lower, latin[0].upper())
            next_upper = word[index + 1 : index + 2].isupper()
            rest = latin[1:].upper() if upper_context or next_upper else latin[1:]
            latin = capital + rest
        out.append(latin)
    return "".join(out)


def _kazakh_cyrillic_to_latin(text: str) -> str:
    return _KK_WORD.sub(lambda match: _kk_word_to_latin(match.group(0)), text)


kazakh_cyrillic_to_latin = _protected(_kazakh_cyrillic_to_latin)
kazakh_cyrillic_to_latin.__doc__ = "Kazakh text in Cyrillic, written in the Latin alphabet of 2021."
