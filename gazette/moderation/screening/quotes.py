# Russian, Kazakh and Uzbek reporting words are the subject here.
# ruff: noqa: RUF001
"""Words a comment reports rather than says: quotations in a report of what someone said or
wrote ("The prosecutor read out his message: «kill them all»").

Readers discussing a trial quote the defendant, the ruling or the prosecutor, and those quotes
carry the very phrases the term lists hold. A listed term found inside quotation marks, in a
comment whose own words (outside the quotes) report speech — a reporting verb, the Kazakh and
Uzbek quotative деп/deb, a court, a prosecutor — is the quoted person's, not the reader's: the
term lists leave it alone, and the models, which read the whole comment and learnt from such
reports, judge it. Pure and fast: a few regular expressions over the text.
"""

from __future__ import annotations

import re

# Pairs of quotation marks; a straight double quote closes the one before it.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")
# Stems of words that report speech or come with it, as the clean form writes them
# (casefolded), at the start of a word. English, Russian, Kazakh (both scripts), Uzbek (both).
_REPORTING_STEMS = (
    # English
    "said", "says", "say ", "wrote", "writes", "written", "read out", "quot", "accord",
    "prosecut", "court", "judge", "ruling", "verdict", "indict", "testif", "witness",
    "accused", "defendant", "charged", "sentenc", "chant", "shout", "slogan", "posted",
    "message", "told",
    # Russian
    "сказал", "писал", "написа", "заявил", "прокур", "суд", "приговор", "обвин", "свидетел",
    "цитир", "зачита", "говорил", "лозунг", "кричал", "подсудим", "следств", "сообщени",
    # Kazakh
    "деп ", "деген", "деді", "жазған", "жазды", "айтты", "сот", "куә", "үкім", "айыпта",
    "ұран", "dep ", "degen", "dedi", "jazğan", "zhazgan", "jazdy", "zhazdy", "aitty", "sot",
    "kua", "ükım", "ukim", "aiypta", "ūran", "uran", "prokuror",
    # Uzbek
    "deb ", "degan", "yozgan", "yozdi", "aytgan", "aytishicha", "sud", "guvoh", "hukm",
    "aybla", "shior", "деб ", "деган", "ёзган", "ёзди", "айтган", "айтишича", "гувоҳ",
    "гувох", "ҳукм", "хукм", "айбла", "шиор",
)  # fmt: skip
_REPORTING = re.compile(
    r"(?<![^\W_])(?:" + "|".join(re.escape(stem) for stem in _REPORTING_STEMS) + ")"
)


def reported_quotes(text: str) -> list[tuple[int, int]]:
    """The spans (start, end exclusive) of `text` quoted in a report of speech; none when the
    comment's own words report none."""
    spans = [match.span() for match in _QUOTED.finditer(text)]
    if not spans:
        return []
    own = "".join(text[start:end] for start, end in _gaps(spans, len(text))).casefold()
    # A quotative word ends the words before it: "деп " or "deb " as written ends in a space.
    return spans if _REPORTING.search(own + " ") else []


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    gaps, position = [], 0
    for start, end in spans:
        gaps.append((position, start))
        position = end
    gaps.append((position, length))
    return gaps


def is_quoted(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)
