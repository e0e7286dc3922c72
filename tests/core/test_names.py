# Names in the alphabets of our readers are the subject here.
import pytest

from gazette.core.text import NameRefused, clean_name


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Dana", "Dana"),
        ("Da\u200bna", "Dana"),  # a zero-width space
        ("\ufeffDana", "Dana"),  # a byte-order mark
        ("Da\u00adna", "Dana"),  # a soft hyphen
        ("Dana\r\nSubject: win", "Dana Subject: win"),  # no line break reaches a header
        ("  Dana   K.  ", "Dana K."),
        ("Nguyễn Thị", "Nguyễn Thị"),  # ordinary accents stay
        ("Айгерім", "Айгерім"),
        ("Oʻktam", "Oʻktam"),
    ],
)
def test_invisible_and_control_characters_are_removed(written, shown):
    assert clean_name(written) == shown


@pytest.mark.parametrize(
    "written",
    [
        "\u202enimdA",  # right-to-left override: shows as "Admin"
        "Dana\u2066x\u2069",  # isolates
        "Dana\u200f",  # a right-to-left mark
        "Z" + "\u0301" * 40 + "alan",  # a tower of combining accents
    ],
)
def test_names_that_would_read_differently_are_refused(written):
    with pytest.raises(NameRefused):
        clean_name(written)
