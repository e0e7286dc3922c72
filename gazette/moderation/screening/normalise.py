"""Text normalisation for screening: what a comment says, with its disguises taken off.

Two forms are made of every text, each with a map from its characters back to positions in the
text as written (after NFC), so that a match can be shown to moderators where it occurred:

* clean — invisible characters and combining marks dropped, NFKC, casefolded, whitespace
  collapsed, stray apostrophes dropped (the Uzbek oʻ and gʻ keep theirs), and letters spaced
  out ("s p a m", "s.p.a.m") joined. Cleaning removes only what carries no meaning, so a term
  found here is found as written.
* skeleton — the clean form folded into a script-neutral alphabet with a small hand-made table:
  Cyrillic letters become the Latin letters they look like (р→p, с→c, у→y), Kazakh and Uzbek
  letters become the letters readers type for them on a Russian keyboard (қ→k, ң→h, ә→a),
  Latin diacritics are dropped (ş→s), digits used as letters become letters (0→o, 4→a), and a
  letter repeated three times or more counts once. Folding makes collisions (an ordinary word
  may fold into a term), so a term found only here is suspect, never blocked.
"""

# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Characters that stand for an apostrophe; after o and g the Uzbek Latin alphabet uses one as
# part of the letter (oʻ, gʻ), everywhere else it is dropped ("don't" → "dont", "sp'am" → "spam").
APOSTROPHES = frozenset("'`´‘’‛′ʹʼʻˈ")
UZBEK_MARK = "ʻ"
_APOSTROPHE = "\x00"

# Letters spaced out: single letters (the Uzbek oʻ and gʻ count as one) with one spacer between
# them ("k i l l", "k.i.l.l", "k . i . l . l"). Two spaces or more between letters are a gap
# between words ("k i l l  t h e m" → "kill them"). Once such a gap is there, two letters
# spaced out are a word too ("и х"); without one, three letters are needed ("я в шоке").
_LETTER = r"(?:[og]ʻ|[^\W_])(?![^\W_])"
_SPACER = r"(?: ?[.\-_*·•|/\\+~]{1,3} ?| )"
_SPACED_WORD = rf"{_LETTER}(?:{_SPACER}{_LETTER})+"
_SPACED = re.compile(rf"(?<![^\W_]){_SPACED_WORD}(?: {{2,}}{_SPACED_WORD})*")
_WORD_GAP = re.compile(" {2,}")
_MIN_SPACED_LETTERS = 3
_SPACERS = frozenset(" .-_*·•|/\\+~")
_RUN = re.compile(r"(.)\1*", re.DOTALL)
_LONG = 3
_LONG_RUN = re.compile(r"([^ ])\1{2,}")
# Cheap test for whether _SPACED can match at all: two single characters in a row.
_SPACED_HINT = re.compile(r"(?<![^\W_])[^\W_]ʻ?[ .\-_*·•|/\\+~]{1,3}[^\W_]ʻ?(?![^\W_])")

# Digits between Cyrillic letters stand for the Cyrillic letters they look like ("1д10т" is
# "идиот"), not the Latin ones the table below gives them.
_CYRILLIC_LETTER = "а-яёәғқңөұүһіўҳ"
_CYRILLIC_WORD_WITH_DIGIT = re.compile(
    rf"[^\W_]*(?:\d[^\W_]*[{_CYRILLIC_LETTER}]|[{_CYRILLIC_LETTER}][^\W_]*\d)[^\W_]*"
)
_CYRILLIC_DIGITS = str.maketrans({"0": "о", "1": "и", "3": "з", "4": "ч", "6": "б", "8": "в"})

# Uzbek Cyrillic typed on a Russian keyboard: у к г х for ў қ ғ ҳ. Terms are matched in both
# spellings (termmatch.py), through folding, so such a match holds and never refuses.
RUSSIAN_KEYBOARD = str.maketrans("ўқғҳ", "укгх")

# The skeleton table. Keys are characters of the clean form (already casefolded).
_FOLD: dict[str, str] = {
    # Cyrillic letters that look like Latin ones (upper or lower case: the text is casefolded).
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "z", "и": "u", "й": "u", "к": "k", "м": "m",
    "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b",
    "ъ": "b", "ш": "w", "щ": "w", "ы": "bi", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ӏ": "i",
    "ҫ": "c", "ҽ": "e", "ӡ": "e", "ԍ": "g", "ꙇ": "i", "ԛ": "k", "ѵ": "v", "ѡ": "w", "ԝ": "w",
    "г": "g", "б": "b", "д": "d", "ж": "zh", "л": "l", "ф": "f", "ц": "c", "ч": "ch",
    "э": "e", "ю": "io", "я": "ya", "є": "e", "ї": "i", "ґ": "g",
    # Kazakh letters fold as readers without a Kazakh keyboard write them.
    "ә": "a", "ғ": "g", "қ": "k", "ң": "h", "ө": "o", "ұ": "y", "ү": "y", "һ": "h",
    # Uzbek Cyrillic: ў is the oʻ of the Latin alphabet, ҳ its h.
    "ў": "o", "ҳ": "h",
    # Latin letters of the Kazakh and Uzbek alphabets with no decomposition of their own.
    "ı": "i", "ə": "a", "q": "k", UZBEK_MARK: "", "ß": "ss", "ø": "o", "đ": "d", "ł": "l",
    # Digits and signs written for letters.
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "b", "7": "t", "8": "b",
    "@": "a", "$": "s",
}  # fmt: skip


class Normalised:
    """A text in its two screening forms.

    The forms are made with whole-string operations (fast); the maps back to the written text,
    `clean_origin[i]` and `skeleton_origin[i]`, are worked out character by character only when
    asked for, which is when a term has matched.
    """

    __slots__ = ("_origins", "clean", "original", "skeleton")

    def __init__(self, original: str, clean: str, skeleton: str) -> None:
        self.original = original
        self.clean = clean
        self.skeleton = skeleton
        self._origins: tuple[list[int], list[int]] | None = None

    def _traced(self) -> tuple[list[int], list[int]]:
        if self._origins is None:
            clean, clean_origin, skeleton, skeleton_origin = _trace(self.original)
            if (clean, skeleton) != (self.clean, self.skeleton):  # pragma: no cover - a bug
                raise AssertionError("the traced and the fast normalisation disagree")
            self._origins = (clean_origin, skeleton_origin)
        return self._origins

    @property
    def clean_origin(self) -> list[int]:
        return self._traced()[0]

    @property
    def skeleton_origin(self) -> list[int]:
        return self._traced()[1]


_CLEAN_CACHE: dict[str, str] = {}
_FOLD_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 20_000


def _clean_char(char: str) -> str:
    """One character of written text in the clean form ("" when it carries no meaning)."""
    if char in APOSTROPHES:
        return _APOSTROPHE
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me", "Cc", "Cs", "Co", "Cn"):
        return ""  # zero-width joiners, bidi controls, variation selectors, stray accents…
    folded = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for piece in folded:
        if piece in APOSTROPHES:
            out.append(_APOSTROPHE)
        elif unicodedata.category(piece) not in ("Mn", "Me", "Cf"):
            out.append(" " if piece.isspace() else piece)
    return "".join(out)


def _fold_char(char: str) -> str:
    """One character of the clean form in the skeleton alphabet."""
    if char in _FOLD:
        return _FOLD[char]
    if char.isascii():
        return char
    # Latin letters with diacritics lose them (ş → s, ñ → n, ä → a); other scripts stay.
    stripped = "".join(
        piece
        for piece in unicodedata.normalize("NFD", char)
        if unicodedata.category(piece) not in ("Mn", "Me")
    )
    return stripped if stripped.isascii() and stripped else char


def _clean(text: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    cache = _CLEAN_CACHE
    for index, char in enumerate(text):
        out = cache.get(char)
        if out is None:
            out = _clean_char(char)
            if len(cache) < _CACHE_LIMIT:
                cache[char] = out
        for piece in out:
            if piece == _APOSTROPHE:
                if not chars or chars[-1] not in "og":
                    continue
                piece = UZBEK_MARK  # noqa: PLW2901 - the apostrophe becomes part of the letter
            chars.append(piece)
            origin.append(index)
    return chars, origin


def _spacers_of(match: re.Match[str]) -> list[int]:
    """Where, in a run of letters spaced out, the spacers to drop are (gaps between words stay);
    none when the run is too short to be a disguise."""
    start, run = match.start(), match.group()
    gaps = {
        position for gap in _WORD_GAP.finditer(run) for position in range(gap.start(), gap.end())
    }
    spacers = [i for i, char in enumerate(run) if char in _SPACERS and i not in gaps]
    letters = len(run) - len(spacers) - len(gaps) - run.count(UZBEK_MARK)
    if not gaps and letters < _MIN_SPACED_LETTERS:
        return []
    return [start + i for i in spacers]


def _join_spaced(chars: list[str], origin: list[int]) -> tuple[str, list[int]]:
    """Join letters spaced out to dodge a term list ("s p a m" → "spam"), then collapse the
    spaces left."""
    text = "".join(chars)
    drop = {position for match in _SPACED.finditer(text) for position in _spacers_of(match)}
    kept: list[int] = []
    for position, char in enumerate(text):
        if position in drop or (char == " " and (not kept or text[kept[-1]] == " ")):
            continue
        kept.append(position)
    if kept and text[kept[-1]] == " ":
        kept.pop()
    return "".join(text[position] for position in kept), [origin[position] for position in kept]


def _cyrillic_digits(clean: str) -> str:
    """The clean form with each digit in a Cyrillic word replaced by the Cyrillic letter it
    stands for (same length, so positions stay)."""
    if not any(char.isdigit() for char in clean):
        return clean
    return _CYRILLIC_WORD_WITH_DIGIT.sub(
        lambda match: match.group().translate(_CYRILLIC_DIGITS), clean
    )


def _skeleton(clean: str, origin: list[int]) -> tuple[str, list[int]]:
    chars: list[str] = []
    skeleton_origin: list[int] = []
    cache = _FOLD_CACHE
    for char, index in zip(_cyrillic_digits(clean), origin, strict=True):
        out = cache.get(char)
        if out is None:
            out = _fold_char(char)
            if len(cache) < _CACHE_LIMIT:
                cache[char] = out
        for piece in out:
            chars.append(piece)
            skeleton_origin.append(index)
    return _collapse_runs("".join(chars), skeleton_origin)


def _collapse_runs(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A letter written three times or more counts once ("spaaam" → "spam"); doubled letters
    stay, or "class" would lose the "ss" that terms are written with."""
    if not _LONG_RUN.search(text):
        return text, origin
    kept: list[int] = []
    for match in _RUN.finditer(text):
        start, end = match.span()
        kept.extend(range(start, start + 1 if end - start >= _LONG else end))
    return "".join(text[position] for position in kept), [origin[position] for position in kept]


def _trace(original: str) -> tuple[str, list[int], str, list[int]]:
    """Both forms with their maps to positions in `original`, one character at a time."""
    chars, origin = _clean(original)
    clean, clean_origin = _join_spaced(chars, origin)
    skeleton, skeleton_origin = _skeleton(clean, clean_origin)
    return clean, clean_origin, skeleton, skeleton_origin


_CLEAN_TABLE: dict[int, str] = {}
_FOLD_TABLE: dict[int, str] = {}
_SPACE_RUN = re.compile(" {2,}")
_UZBEK_APOSTROPHE = re.compile("(?<=[og])" + _APOSTROPHE)


_KNOWN_CLEAN: set[str] = set()
_KNOWN_FOLD: set[str] = set()


def _extend(
    table: dict[int, str], known: set[str], text: str, compute: Callable[[str], str]
) -> None:
    if known.issuperset(text):
        return
    for char in set(text) - known:
        if len(table) < _CACHE_LIMIT:
            table[ord(char)] = compute(char)
            known.add(char)


def _fast_clean(original: str) -> str:
    _extend(_CLEAN_TABLE, _KNOWN_CLEAN, original, _clean_char)
    text = original.translate(_CLEAN_TABLE)
    if len(_CLEAN_TABLE) >= _CACHE_LIMIT:  # pragma: no cover - a text of rare characters
        text = "".join(_clean_char(char) for char in original)
    if _APOSTROPHE in text:
        text = _UZBEK_APOSTROPHE.sub(UZBEK_MARK, text).replace(_APOSTROPHE, "")
    return text


def _fast_skeleton(clean: str) -> str:
    clean = _cyrillic_digits(clean)
    _extend(_FOLD_TABLE, _KNOWN_FOLD, clean, _fold_char)
    text = clean.translate(_FOLD_TABLE)
    if len(_FOLD_TABLE) >= _CACHE_LIMIT:  # pragma: no cover - a text of rare characters
        text = "".join(_fold_char(char) for char in clean)
    return _LONG_RUN.sub(r"\1", text)


def _without_spacers(match: re.Match[str]) -> str:
    run, start = match.group(), match.start()
    drop = {position - start for position in _spacers_of(match)}
    return "".join(char for i, char in enumerate(run) if i not in drop)


def normalise(text: str) -> Normalised:
    """Both screening forms of `text`; positions refer to its NFC form."""
    original = unicodedata.normalize("NFC", text)
    clean = _fast_clean(original)
    if _SPACED_HINT.search(clean):
        clean = _SPACED.sub(_without_spacers, clean)
    clean = _SPACE_RUN.sub(" ", clean).strip(" ")
    return Normalised(original, clean, _fast_skeleton(clean))


def clean_form(text: str) -> str:
    return normalise(text).clean


def skeleton_form(text: str) -> str:
    return normalise(text).skeleton
