# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001, RUF003
import pytest

from gazette.moderation.screening.termmatch import Matcher, Scope, Term, TermAction, TermMode, Via

BLOCK, SUSPECT, ALLOW = TermAction.BLOCK, TermAction.SUSPECT, TermAction.ALLOW

MATCHER = Matcher(
    [
        Term("террорист", BLOCK, TermMode.WORD_START, clause_key="violence"),
        Term("spam", BLOCK, TermMode.WHOLE_WORD, clause_key="spam"),
        Term("hate", BLOCK, TermMode.WHOLE_WORD),
        Term("ass", SUSPECT, TermMode.ANYWHERE),
        Term("class", ALLOW, TermMode.ANYWHERE),
        Term("assistant", ALLOW, TermMode.WHOLE_WORD),
        Term("ақымақ", BLOCK, TermMode.WORD_START),
        Term("oʻldir", BLOCK, TermMode.WORD_START),
        Term("sex", BLOCK, TermMode.WHOLE_WORD, scope=Scope.LATIN),
        Term("kill all", BLOCK, TermMode.WHOLE_WORD),
    ]
)


def found(text):
    return [(hit.term.phrase, hit.via.value) for hit in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Террористы взорвали мост", [("террорист", "exact")]),  # a stem with a suffix
        ("ТЕРРОРИСТАМ", [("террорист", "exact")]),
        ("Buy s p a m now", [("spam", "exact")]),
        ("I h\u200bate you", [("hate", "exact")]),  # a zero-width space inside
        ("kill   all of them", [("kill all", "exact")]),
        ("Сен ақымақсың", [("ақымақ", "exact")]),  # Kazakh stem with suffix
        ("uni oʻldirish kerak", [("oʻldir", "exact")]),  # Uzbek Latin with its oʻ
        ("uni o'ldirish kerak", [("oʻldir", "exact")]),  # typed with a plain apostrophe
    ],
)
def test_terms_found_as_written_are_exact(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("тeррoристы", "террорист"),  # Latin e and o among Cyrillic letters
        ("h4te you", "hate"),
        ("Сен акымаксын", "ақымақ"),  # Kazakh typed without Kazakh letters
        ("SPAAAAM", "spam"),
    ],
)
def test_look_alike_spellings_are_found_by_folding(text, term):
    hits = MATCHER.find(text)
    assert [(hit.term.phrase, hit.via) for hit in hits] == [(term, Via.FOLDED)]


@pytest.mark.parametrize(
    "text",
    [
        "A first class assistant helped.",  # allow-listed words containing a term
        "The hatred was obvious.",  # whole-word term inside a longer word
        "Whatever the spammers say",  # whole-word term at the start of a longer word
        "Сегодня в суде",  # ordinary Russian
        "Бүгін сотта іс қаралды",  # ordinary Kazakh
        "Сех номер пять",  # a Cyrillic word that folds near a Latin-scoped term
    ],
)
def test_ordinary_words_are_not_flagged(text):
    assert found(text) == []


def test_an_allow_listed_word_does_not_hide_a_term_next_to_it():
    assert found("class ass") == [("ass", "exact")]


def test_latin_scoped_term_still_catches_a_mixed_script_word():
    assert found("sеx") == [("sex", "folded")]  # Cyrillic е inside a Latin word


def test_hits_record_where_they_are_and_a_snippet():
    text = "Well. Террористы взорвали мост, сообщили в полиции."
    (hit,) = MATCHER.find(text)
    assert text[hit.start : hit.end] == "Террорист"
    assert hit.snippet.startswith("Well. [Террорист]ы взорвали")
    assert hit.term.clause_key == "violence"


def test_blocked_term_found_only_by_folding_does_not_block():
    (hit,) = MATCHER.find("тeррoрист")
    assert hit.via == Via.FOLDED
    assert not hit.is_blocking


UZBEK = Matcher([Term("ўлдир", BLOCK, TermMode.WORD_START, clause_key="violence")])


@pytest.mark.parametrize(
    "text",
    [
        "уни улдириш керак",  # у for ў, as on a Russian keyboard
        "Уни УЛДИРАМИЗ",
    ],
)
def test_uzbek_cyrillic_typed_on_a_russian_keyboard_holds(text):
    hits = UZBEK.find(text)
    assert [(hit.term.phrase, hit.via, hit.is_blocking) for hit in hits] == [
        ("ўлдир", Via.FOLDED, False)
    ]


def test_digits_in_a_cyrillic_word_match_the_cyrillic_term():
    matcher = Matcher([Term("идиот", BLOCK, TermMode.WHOLE_WORD, clause_key="attacks")])
    assert [(hit.term.phrase, hit.via) for hit in matcher.find("Автор — 1д10т")] == [
        ("идиот", Via.FOLDED)
    ]


def test_an_empty_list_finds_nothing():
    assert Matcher([]).find("anything at all") == []
