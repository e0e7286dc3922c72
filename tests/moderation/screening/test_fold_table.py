"""The hand-made fold table, checked against Unicode's confusables data (the `confusables`
package ships it; nothing is downloaded)."""

# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001

import string
import unicodedata
import warnings

import pytest

from gazette.moderation.screening.normalise import skeleton_form

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import confusables

# Cyrillic lower-case letters whose Unicode look-alike is a different Latin letter from the one
# the table chose on purpose (it follows what readers type, see normalise.py).
DELIBERATE = {"п", "и", "й", "ш", "щ", "ь", "ъ", "ы", "г", "д", "ф", "л", "з", "б", "ж", "ч"}


def cyrillic_look_alikes():
    """Each Cyrillic small letter with the Latin letters Unicode says it can pass for."""
    found: dict[str, set[str]] = {}
    for latin in string.ascii_lowercase:
        for char in confusables.confusable_characters(latin) or []:
            if len(char) == 1 and "CYRILLIC SMALL" in _name(char) and char not in DELIBERATE:
                found.setdefault(char, set()).add(latin)
    return sorted(found.items())


def _name(char):
    return unicodedata.name(char, "")


PAIRS = cyrillic_look_alikes()


def test_the_confusables_data_has_pairs_to_check():
    assert len(PAIRS) >= 10


@pytest.mark.parametrize(("cyrillic", "latin"), PAIRS)
def test_cyrillic_look_alike_folds_like_a_latin_letter_it_passes_for(cyrillic, latin):
    assert skeleton_form(cyrillic) in {skeleton_form(letter) for letter in latin}
