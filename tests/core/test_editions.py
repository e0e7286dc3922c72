"""Each edition names itself, says dates, numbers and plurals its own way, and knows which
editions are written from another's script."""

# Cyrillic dates are written in Cyrillic on purpose.
# ruff: noqa: RUF001

from datetime import datetime

import pytest
from django.test import override_settings
from django.utils import formats, translation
from django.utils.translation import ngettext

from gazette.core.editions import derivation, self_name

ON = datetime(2026, 12, 2, 14, 30)  # noqa: DTZ001 - a wall-clock time, formatted as written


@pytest.mark.parametrize(
    ("language", "date", "number"),
    [
        ("uz", "2-Dekabr, 2026-yil 14:30", "1\xa0234\xa0567,5"),
        ("uz-cyrl", "2-Декабр, 2026-йил 14:30", "1\xa0234\xa0567,5"),
        ("kk", "2026 ж. 2 Желтоқсан, 14:30", "1\xa0234\xa0567,5"),
        ("ru", "2 декабря 2026 г. 14:30", "1\xa0234\xa0567,5"),
    ],
)
def test_dates_and_numbers_follow_the_edition(language: str, date: str, number: str) -> None:
    with translation.override(language):
        assert formats.date_format(ON, "DATETIME_FORMAT") == date
        assert formats.number_format(1234567.5, 1, use_l10n=True, force_grouping=True) == number


@pytest.mark.parametrize(
    ("language", "one", "fourteen"),
    [
        ("uz", "1 ta izoh", "14 ta izoh"),
        ("uz-cyrl", "1 та изоҳ", "14 та изоҳ"),
        ("ru", "1 комментарий", "14 комментариев"),
    ],
)
def test_plurals_follow_the_edition(language: str, one: str, fourteen: str) -> None:
    with translation.override(language):
        for count, expected in ((1, one), (14, fourteen)):
            text = ngettext("%(counter)s Comment", "%(counter)s Comments", count)
            assert text % {"counter": count} == expected


def test_each_edition_names_itself() -> None:
    names = [self_name(code) for code in ("en", "ru", "kk", "uz", "uz-cyrl")]
    assert names == ["English", "Русский", "Қазақша", "Oʻzbekcha", "Ўзбекча"]


def test_uzbek_is_written_both_ways_and_kazakh_latin_only_when_switched_on() -> None:
    cyrillic, latin = derivation("uz-cyrl"), derivation("uz")
    assert cyrillic is not None
    assert latin is not None
    assert (cyrillic.source, cyrillic.convert("shahar")) == ("uz", "шаҳар")
    assert (latin.source, latin.convert("шаҳар")) == ("uz-cyrl", "shahar")
    assert derivation("kk-latn") is None
    assert derivation("ru") is None


@override_settings(LANGUAGES=[("en", "English"), ("kk", "Kazakh"), ("kk-latn", "Kazakh (Latin)")])
def test_kazakh_latin_is_written_from_the_cyrillic_once_it_is_an_edition() -> None:
    found = derivation("kk-latn")
    assert found is not None
    assert found.convert("Қазақстан") == "Qazaqstan"
    assert derivation("uz-cyrl") is None  # Uzbek is not published on this site


@override_settings(LANGUAGES=[("en", "English"), ("kk", "Kazakh"), ("kk-latn", "Kazakh (Latin)")])
def test_kazakh_latin_dates_are_in_latin_letters() -> None:
    with translation.override("kk-latn"):
        assert formats.date_format(ON, "DATETIME_FORMAT") == "2026 j. 2 Jeltoqsan, 14:30"
