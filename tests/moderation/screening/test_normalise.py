# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001, RUF003
import random

import pytest

from gazette.moderation.screening.normalise import _trace, clean_form, normalise, skeleton_form


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("SPAM", "spam"),
        ("s p a m", "spam"),
        ("s.p.a.m", "spam"),
        ("k-i-l-l them", "kill them"),
        ("h\u200bat\u200de", "hate"),  # zero-width space and joiner
        ("ha\u00adte", "hate"),  # soft hyphen
        ("ｓｐａｍ", "spam"),  # full-width letters (NFKC)
        ("sp'am", "spam"),  # a stray apostrophe
        ("O‘zbekiston gʼalaba", "oʻzbekiston gʻalaba"),  # Uzbek oʻ and gʻ keep their mark
        ("  many   spaces\n\there ", "many spaces here"),
        ("я в шоке", "я в шоке"),  # two single letters in a row are ordinary words
        ("k i l l  t h e m", "kill them"),  # a wider gap between letters is a word gap
        ("k i l l   t h e m   a l l", "kill them all"),
        ("k . i . l . l", "kill"),
        ("у б е й т е  и х  в с е х", "убейте их всех"),  # after a word gap, "и х" is a word
        ("Q o' t o q b o s h", "qoʻtoqbosh"),  # the Uzbek oʻ is one spaced-out letter
        ("a b and c d", "a b and c d"),  # two letters without a word gap stay apart
        ("ТЕРРОРИСТ", "террорист"),
    ],
)
def test_clean_form_removes_disguises_only(written, clean):
    assert clean_form(written) == clean


@pytest.mark.parametrize(
    ("written", "skeleton"),
    [
        ("террорист", "teppopuct"),
        ("тeррoрист", "teppopuct"),  # Latin e and o mixed into Cyrillic
        ("tеrrоrist", "terrorist"),  # Cyrillic е and о mixed into Latin
        ("қазақ әкім", "kazak akim"),
        ("казак акім", "kazak akim"),  # the same words typed without Kazakh letters
        ("oʻzbek gʻalaba", "ozbek galaba"),
        ("ўзбек ғалаба", "ozbek galaba"),  # Uzbek Cyrillic folds to the same skeleton
        ("h4t3", "hate"),
        ("spaaaaam", "spam"),
        ("class", "class"),  # doubled letters stay
        ("şñäöüı", "snaoui"),  # Kazakh Latin letters lose their marks
        ("1д10т", skeleton_form("идиот")),  # digits in a Cyrillic word are Cyrillic letters
        ("с0сат 4мо ё6", skeleton_form("сосат чмо ёб")),
        ("sh00t h4t3", "shoot hate"),  # in a Latin word they stay Latin
    ],
)
def test_skeleton_folds_look_alikes_and_keyboard_substitutes(written, skeleton):
    assert skeleton_form(written) == skeleton


def test_digits_in_a_cyrillic_word_keep_their_positions():
    written = "ты 1д10т"
    form = normalise(written)
    assert form.skeleton_origin[form.skeleton.index("uduot")] == written.index("1д")


def test_positions_point_into_the_text_as_written():
    written = "Oh h a t\u200b e you"
    form = normalise(written)
    start = form.clean.index("hate")
    assert form.clean == "oh hate you"
    assert form.clean_origin[start] == written.index("h a")
    assert form.clean_origin[start + 3] == written.index("e you")


ALPHABET = "ab oOgG'’ʻ\u200b\u0301.-ыжюqҚәЁ4 s p a m\tЖ  03д16 "


def test_fast_forms_agree_with_the_traced_ones_on_random_text():
    rnd = random.Random(7)
    for _ in range(2000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 30)))
        fast = normalise(text)
        clean, clean_origin, skeleton, skeleton_origin = _trace(fast.original)
        assert (fast.clean, fast.skeleton) == (clean, skeleton), repr(text)
        assert len(clean_origin) == len(clean)
        assert len(skeleton_origin) == len(skeleton)
