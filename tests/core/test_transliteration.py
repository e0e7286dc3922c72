"""The hard words of each script, both ways where the direction is defined."""

# Letters of three alphabets, and the signs between them, are the subject here.
# ruff: noqa: RUF001

import pytest

from gazette.core.transliteration import (
    kazakh_cyrillic_to_latin,
    normalise_uzbek_latin,
    uzbek_cyrillic_to_latin,
    uzbek_latin_to_cyrillic,
)

# Latin as the official alphabet writes it, Cyrillic as it is printed.
BOTH_WAYS = [
    ("shahar", "шаҳар"),
    ("Toshkent", "Тошкент"),
    ("oʻzbek", "ўзбек"),
    ("gʻalaba", "ғалаба"),
    ("yoshlar", "ёшлар"),
    ("yuz", "юз"),
    ("yangi", "янги"),
    ("ming", "минг"),
    ("sanʼat", "санъат"),
    ("maʼlumot", "маълумот"),
    ("masʼul", "масъул"),
    ("sirk", "цирк"),
    ("militsiya", "милиция"),
    ("prezumpsiya", "презумпция"),
    ("sanksiya", "санкция"),
    ("versiya", "версия"),
    ("ekran", "экран"),
    ("poeziya", "поэзия"),
    ("yer", "ер"),
    ("poyezd", "поезд"),
    ("Isʼhoq", "Исҳоқ"),
    ("yoʻl", "йўл"),
    ("togʻ", "тоғ"),
    ("ketsa", "кетса"),
    ("Shahar", "Шаҳар"),
    ("SHAHAR", "ШАҲАР"),
    ("Oʻzbekiston", "Ўзбекистон"),
    ("OʻZBEKISTON", "ЎЗБЕКИСТОН"),
    ("Gʻafur Gʻulom", "Ғафур Ғулом"),
    ("Yoshlar", "Ёшлар"),
    ("Sh", "Ш"),
    ("TOSHKENT --", "ТОШКЕНТ --"),
    ("Sud 14-dekabr kuni hukm chiqardi.", "Суд 14-декабр куни ҳукм чиқарди."),
]


@pytest.mark.parametrize(("latin", "cyrillic"), BOTH_WAYS)
def test_uzbek_latin_to_cyrillic(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), BOTH_WAYS)
def test_uzbek_cyrillic_to_latin(latin: str, cyrillic: str) -> None:
    assert uzbek_cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("tsirk", "цирк"),  # the older spelling of the loanword
        ("o'zbek", "ўзбек"),  # stand-ins typed for ʻ and ʼ
        ("g`alaba", "ғалаба"),
        ("san'at", "санъат"),
        ("mas’ul", "масъул"),
        ("Is'hoq", "Исҳоқ"),  # s and h kept apart by the sign: never ш
        ("sirkda", "циркда"),
        ("sexr", "сехр"),  # not the loanword sex (цех)
        ("YO'L", "ЙЎЛ"),
    ],
)
def test_uzbek_latin_one_way(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


def test_shh_in_cyrillic_stays_apart_in_latin() -> None:
    assert uzbek_cyrillic_to_latin("Исҳоқ") == "Isʼhoq"
    assert "sh" not in uzbek_cyrillic_to_latin("Исҳоқ").lower()


def test_addresses_and_code_keep_their_letters() -> None:
    text = "[Sud](https://sud.uz/shahar) `shahar` <https://yangi.uz/>"
    assert (
        uzbek_latin_to_cyrillic(text) == "[Суд](https://sud.uz/shahar) `shahar` <https://yangi.uz/>"
    )


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("O'zbekiston", "Oʻzbekiston"),
        ("g‘alaba", "gʻalaba"),
        ("bog`", "bogʻ"),
        ("ma’no", "maʼno"),
        ("san'at", "sanʼat"),
        ("'Salom', dedi u.", "'Salom', dedi u."),  # quote marks around a word are not letters
        ("Sud boʻldi", "Sud boʻldi"),  # already right
    ],
)
def test_normalise_uzbek_latin(typed: str, written: str) -> None:
    assert normalise_uzbek_latin(typed) == written


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Қазақстан", "Qazaqstan"),
        ("Әділет", "Ädılet"),
        ("ғалым", "ğalym"),
        ("Өскемен", "Öskemen"),
        ("Ұлттық", "Ūlttyq"),
        ("сүйікті", "süiıktı"),
        ("теңіз", "teñız"),
        ("шешім", "şeşım"),
        ("Шымкент", "Şymkent"),
        ("чемпион", "çempion"),
        ("Иә", "İä"),
        ("Ішкі", "Işkı"),
        ("ҚАЗАҚСТАН", "QAZAQSTAN"),
        ("Шаһар", "Şahar"),
    ],
)
def test_kazakh_cyrillic_to_latin(cyrillic: str, latin: str) -> None:
    assert kazakh_cyrillic_to_latin(cyrillic) == latin


def test_message_placeholders_and_markup_keep_their_letters() -> None:
    text = 'Hisobingiz bormi? <a href="%(url)s">Kiring</a> %%(name)s %(accuracy).0f%% JavaScript'
    assert uzbek_latin_to_cyrillic(text) == (
        'Ҳисобингиз борми? <a href="%(url)s">Киринг</a> %%(name)s %(accuracy).0f%% JavaScript'
    )
