# The letters of six alphabets are the subject here.
# ruff: noqa: RUF001
import pytest

from gazette.moderation.screening.languages import language_of


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The court adjourned the hearing until Monday.", "en"),
        ("My dog's name is Rex, and the ruling wasn't fair.", "en"),
        ("Суд отложил заседание до понедельника.", "ru"),
        ("Сот отырысы дүйсенбіге шейін кейінге қалдырылды.", "kk-cyrl"),
        ("Sot otyrysy düisenbıge deiın keiınge qaldyryldy.", "kk-latn"),
        ("Sud majlisi dushanbagacha qoldirildi, bu toʻgʻri qaror.", "uz-latn"),
        ("Sud majlisi o'tkazildi va qaror qabul qilindi.", "uz-latn"),
        ("Суд мажлиси душанбагача қолдирилди, бу тўғри қарор.", "uz-cyrl"),
    ],
)
def test_each_language_and_script_is_told_apart(text, written):
    assert language_of(text) == written
