"""The editions: how each names itself, and which are written from another edition's script.

An edition in a second script (Uzbek in Cyrillic, Kazakh in the Latin alphabet of 2021) may have
no article of its own for a story; its page then shows the first script's article, written by
`core/transliteration.py`. Uzbek goes both ways, so a story an editor wrote in Cyrillic only is
read in Latin too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info

from gazette.core import transliteration

# How each language names itself in a menu or a sentence, where Django's own name differs.
SELF_NAMES = {
    "kk": "Қазақша",
    "kk-latn": "Qazaqşa",
    "uz": "Oʻzbekcha",
    "uz-cyrl": "Ўзбекча",
}


@dataclass(frozen=True)
class Derivation:
    """An edition written from another: its source edition and the function that converts."""

    source: str
    convert: Callable[[str], str]


_DERIVATIONS = {
    "uz-cyrl": Derivation("uz", transliteration.uzbek_latin_to_cyrillic),
    "uz": Derivation("uz-cyrl", transliteration.uzbek_cyrillic_to_latin),
    "kk-latn": Derivation("kk", transliteration.kazakh_cyrillic_to_latin),
}


def choices() -> list[tuple[str, str]]:
    """The editions as a model field's choices; a callable, so that switching an edition on or
    off (GAZETTE_KAZAKH_LATIN) asks for no migration."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def self_name(code: str) -> str:
    """The language's own name for itself: Русский, Oʻzbekcha, Ўзбекча."""
    return SELF_NAMES.get(code) or str(get_language_info(code)["name_local"]).capitalize()


def derivation(code: str) -> Derivation | None:
    """How an edition is written from another one, when both are published on this site."""
    found = _DERIVATIONS.get(code)
    if found is None or code not in codes() or found.source not in codes():
        return None
    return found


def written_from(code: str) -> list[str]:
    """The editions written from edition `code` (Uzbek in Cyrillic from Uzbek in Latin, say)."""
    return [
        other
        for other in codes()
        if (found := derivation(other)) is not None and found.source == code
    ]
